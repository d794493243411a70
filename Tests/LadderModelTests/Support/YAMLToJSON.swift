import LadderModel
import LadderYAML
import LadderOutput

/// Converts ladder files to JSON with our own loader, so the schema sees exactly what the
/// decoder sees: YAML 1.2 core schema (dates stay text, `no` is a string), aliases expanded,
/// merge keys applied.
enum YAMLToJSON {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The non-empty documents of a file, each as a JSON value; throws on any loader issue.
    static func documents(_ bytes: [UInt8], file: String) throws -> [JSONValue] {
        let loaded = YAMLLoader().load(bytes)
        if let issue = loaded.issues.first {
            throw Failure(description: "\(file):\(issue.span.start): \(issue.message)")
        }
        return loaded.documents.compactMap { doc in
            if case .null? = doc.root.scalarValue { return nil }
            return json(doc.root)
        }
    }

    static func documents(_ text: String) throws -> [JSONValue] {
        try documents(Array(text.utf8), file: "<text>")
    }

    /// The line each value of a document starts on, by JSON pointer (`/bands/9/bonus_target`).
    static func lines(_ bytes: [UInt8]) -> [[String: Int]] {
        YAMLLoader().load(bytes).documents.compactMap { doc in
            if case .null? = doc.root.scalarValue { return nil }
            var out: [String: Int] = [:]
            func walk(_ node: Node, _ pointer: String) {
                out[pointer] = Int(node.span.start.line)
                switch node.content {
                case .scalar: break
                case .sequence(let items):
                    for (i, item) in items.enumerated() { walk(item, "\(pointer)/\(i)") }
                case .mapping(let pairs):
                    for p in pairs { walk(p.value, "\(pointer)/\(p.key.scalarText ?? "")") }
                }
            }
            walk(doc.root, "")
            return out
        }
    }

    static func json(_ node: Node) -> JSONValue {
        switch node.content {
        case .scalar:
            switch node.scalarValue ?? .null {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return .number(d)
            case .string(let s): return .string(s)
            }
        case .sequence(let items):
            return .array(items.map(json))
        case .mapping(let pairs):
            return .object(pairs.map { ($0.key.scalarText ?? "", json($0.value)) })
        }
    }
}
