import Foundation
import LadderDriver
import LadderModel
import LadderRules
import LadderYAML

/// Writes ladderlint YAML (one `kind: ladder` document) from a competency matrix in YAML or
/// JSON, or from a Markdown table of titles. The readers (`CompetencyMatrix`, `TitleTable`)
/// only read, `ImportLadderPlan` decides grades, tracks and ids, `ImportLadderWriter` writes.
public enum LadderImporter {
    /// `ladderlint import ladder FILE`: what the command line asked for.
    public struct Request: Sendable {
        /// The source file, as the user wrote it (relative to `workingDirectory`).
        public var input: String
        /// `-o FILE`; nil writes to stdout.
        public var output: String?
        public var force = false
        public var id: String?
        public var name: String?
        /// `--grades LEVEL=N`, each value possibly a comma-separated list.
        public var grades: [String] = []
        /// `--track LEVEL=ic|management|shared`, likewise.
        public var tracks: [String] = []
        public var workingDirectory: String

        public init(input: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
            self.input = input
            self.workingDirectory = workingDirectory
        }
    }

    /// What a command gives back to `main.swift`: the bytes for stdout and stderr and the status.
    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// Which reader a file gets: `.md`/`.markdown` a table, `.yaml`/`.yml`/`.json` a matrix;
    /// any other name a table when the text holds one, a matrix otherwise.
    enum Shape { case matrix, table }

    static func shape(of name: String, text: String) -> Shape {
        let ext = (name as NSString).pathExtension.lowercased()
        if ["md", "markdown", "mdown", "mkd"].contains(ext) { return .table }
        if ["yaml", "yml", "json"].contains(ext) { return .matrix }
        return MarkdownTable.first(in: text) != nil ? .table : .matrix
    }

    /// The YAML for `bytes` read from `file` (the name shown in comments and errors).
    /// Throws `UsageError` with the file, line and column of what is wrong.
    public static func convert(_ bytes: [UInt8], file: String, id: String? = nil, name: String? = nil, grades: [String] = [], tracks: [String] = []) throws -> String {
        try build(bytes, file: file, id: id, name: name, grades: grades, tracks: tracks).yaml
    }

    static func build(_ bytes: [UInt8], file: String, id: String?, name: String?, grades: [String], tracks: [String]) throws -> (yaml: String, levels: [PlannedLevel]) {
        // The lint's own limit on a file, for both readers: a ladder is never this big.
        let cap = LoadLimits.default.maxFileBytes
        guard bytes.count <= cap else {
            throw UsageError(file: file, "expected a ladder of at most \(cap) bytes, found \(bytes.count) bytes: is this the right file?")
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw UsageError(file: file, "expected UTF-8 text (YAML, JSON or Markdown), found bytes that are not UTF-8: save the file as UTF-8")
        }
        let source: SourceLadder
        switch shape(of: file, text: text) {
        case .table: source = try TitleTable(file: file).read(text)
        case .matrix:
            let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
            let json = (file as NSString).pathExtension.lowercased() == "json" || first == "{" || first == "["
            source = try CompetencyMatrix(file: file).read(bytes, json: json)
        }
        let plan = ImportLadderPlan(file: file, source: source)
        let levels = try plan.plan(grades: grades, tracks: tracks)
        let ladderID = try ladderID(id, file: file)
        let ladderName = name.flatMap { $0.isEmpty ? nil : $0 } ?? ImportLadderPlan.titleCased(ladderID)
        return (ImportLadderWriter(sourceName: file, source: source, id: ladderID, name: ladderName).yaml(levels), levels)
    }

    /// `--id`, else the file's name made safe (`Engineering Progression.yml` →
    /// `engineering-progression`).
    static func ladderID(_ given: String?, file: String) throws -> String {
        if let given {
            guard !given.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError("--id: expected the ladder's id, found an empty text: write e.g. --id acme-engineering")
            }
            return given
        }
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = ImportLadderPlan.safeID(base)
        return id.isEmpty ? "imported-ladder" : id
    }

    /// Reads the input, converts it, and writes it to `-o` or returns it for stdout.
    public static func run(_ request: Request) -> Result {
        do {
            let inputPath = absolute(request.input, in: request.workingDirectory)
            guard let data = FileManager.default.contents(atPath: inputPath) else {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: inputPath, isDirectory: &isDir)
                throw UsageError(
                    file: request.input,
                    exists && isDir.boolValue
                        ? "expected a file (a competency matrix or a Markdown table), found a folder: name the file"
                        : exists ? "cannot read this file: check its permissions" : "cannot read this file: it does not exist; check the path")
            }
            let (yaml, levels) = try build(
                [UInt8](data), file: request.input, id: request.id, name: request.name, grades: request.grades, tracks: request.tracks)
            guard let output = request.output else { return Result(stdout: yaml, stderr: "", exitCode: 0) }
            let outputPath = absolute(output, in: request.workingDirectory)
            if let a = realPath(outputPath), let b = realPath(inputPath), a == b {
                throw UsageError(file: output, "expected a new file for the output, found the input itself: give another path with -o")
            }
            try NewFile.write(yaml, to: outputPath, shown: output, force: request.force, workingDirectory: request.workingDirectory)
            let ic = levels.filter { $0.track != .management }.count, management = levels.count - ic
            return Result(
                stdout: "wrote \(Escape.terminal(output)): \(ic) IC and \(management) management level\(management == 1 ? "" : "s"); check the grades and tracks, then run: ladderlint lint \(Escape.terminal(output))\n",
                stderr: "", exitCode: 0)
        } catch let e as UsageError {
            return Result(stdout: "", stderr: "ladderlint: \(e.description)\n", exitCode: 2)
        } catch {
            return Result(stdout: "", stderr: "ladderlint: \(Escape.terminal(String(describing: error)))\n", exitCode: 2)
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
