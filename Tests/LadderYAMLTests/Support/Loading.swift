import LadderYAML

/// Loads YAML text the way the linter does (merge keys on, default limits unless given).
func load(_ text: String, mergeKeys: Bool = true, limits: LoadLimits = .default) -> LoadResult {
    load(Array(text.utf8), mergeKeys: mergeKeys, limits: limits)
}

func load(_ bytes: [UInt8], mergeKeys: Bool = true, limits: LoadLimits = .default) -> LoadResult {
    YAMLLoader(options: LoadOptions(limits: limits, mergeKeys: mergeKeys)).load(bytes)
}

/// The root of the only document of `text`, which must load without issues.
func root(_ text: String, mergeKeys: Bool = true) -> Node? {
    let result = load(text, mergeKeys: mergeKeys)
    guard result.issues.isEmpty, result.documents.count == 1 else { return nil }
    return result.documents[0].root
}

/// A span from 1-based line and column numbers, start inclusive, end exclusive.
func span(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> Span {
    Span(start: Mark(line: line, column: column), end: Mark(line: endLine, column: endColumn))
}

extension Node {
    /// The value of `key` in a mapping.
    subscript(key: String) -> Node? { pair(key)?.value }

    /// The item at `index` of a sequence.
    subscript(index: Int) -> Node? {
        guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The keys of a mapping in order, as written or merged.
    var keys: [String] {
        guard case .mapping(let pairs) = content else { return [] }
        return pairs.map { $0.key.scalarText ?? "<collection>" }
    }

    /// Every node of this subtree, keys included, in document order.
    var allNodes: [Node] {
        switch content {
        case .scalar: return [self]
        case .sequence(let items): return [self] + items.flatMap(\.allNodes)
        case .mapping(let pairs): return [self] + pairs.flatMap { $0.key.allNodes + $0.value.allNodes }
        }
    }
}
