import LadderModel
import LadderRules
import LadderTables
import LadderYAML

/// A `sources:` entry of `.ladderlint.yml`: a bands spreadsheet and how to read it.
public struct BandsSource: Sendable {
    public var mapping: BandsMapping
    /// As written in the configuration.
    public var path: String
    /// Absolute, `..` and `.` resolved (as the run shows paths).
    public var absolute: String
    /// Where the entry is written, for errors about it.
    public var span: Span

    public init(mapping: BandsMapping, path: String, absolute: String, span: Span = .unknown) {
        self.mapping = mapping
        self.path = path
        self.absolute = absolute
        self.span = span
    }
}

/// A bands spreadsheet mapped in `sources:`: claims exactly its file, wherever a walk meets it,
/// and reads it with its mapping into a compensation document (LadderTables).
public struct BandsSourceInput: InputFormat {
    public var source: BandsSource
    /// The file's path with every link resolved, when it exists: a walk may reach it through
    /// a linked folder.
    let real: String?

    public init(_ source: BandsSource) {
        self.source = source
        real = Discovery.realPath(source.absolute)
    }

    public var name: String { "bands-csv" }

    public func claims(name: [UInt8], path: String) -> Bool {
        path == source.absolute || path == real
    }

    public func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile {
        let result = BandsTable(mapping: source.mapping).decode(bytes, file: file)
        var decoded = result.decoded
        if collectAmounts { decoded.amounts = Redactor.amounts(inTexts: result.moneyTexts, values: result.moneyValues) }
        return decoded
    }
}

/// A spreadsheet, Markdown or JSON file named on the command line with no `sources:` entry:
/// one finding that says how it can be read, not the YAML parser's errors about it. Walking a
/// folder never picks such files up (LADDER_FORMAT.md: folders are walked for YAML).
public struct UnmappedInput: InputFormat {
    public init() {}

    public var name: String { "unmapped" }

    static let kinds: [(suffix: String, what: String)] = [
        (".csv", "a CSV file"), (".tsv", "a TSV file"), (".tab", "a TSV file"), (".md", "a Markdown file"),
        (".markdown", "a Markdown file"), (".json", "a JSON file"), (".xlsx", "an Excel workbook"), (".xls", "an Excel workbook"),
        (".ods", "a spreadsheet"), (".numbers", "a Numbers spreadsheet"),
    ]

    static func kind(_ path: String) -> String? {
        // Asked of every file of a run: only the extension is looked at, and only lowercased
        // when it is short enough to be one of these.
        guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")), path.utf8.distance(from: dot, to: path.utf8.endIndex) <= 9,
              path.utf8[path.utf8.index(after: dot)...].first.map({ $0 | 0x20 != UInt8(ascii: "y") }) ?? false
        else { return nil }
        let ext = String(path[dot...]).lowercased()
        return kinds.first { $0.suffix == ext }?.what
    }

    static func recognises(_ path: String) -> Bool { kind(path) != nil }

    public func claims(name: [UInt8], path: String) -> Bool { false }

    public func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile {
        let what = Self.kind(file) ?? "not a YAML file"
        var how: String
        switch what {
        case "a CSV file", "a TSV file":
            how = "map it under sources: in .ladderlint.yml (path: \(file), kind: compensation, ladder: LADDER-ID; see docs/import.md) so each finding points at its row and column, or convert it once with `ladderlint import bands \(file) --ladder LADDER-ID -o FILE.yaml` (survey answers: `ladderlint import survey`)"
        case "a Markdown file", "a JSON file":
            how = "convert a ladder table or competency matrix once with `ladderlint import ladder \(file) -o FILE.yaml`; bands spreadsheets go under sources: in .ladderlint.yml (see docs/import.md)"
        default:
            how = "export it as CSV (UTF-8) and map it under sources: in .ladderlint.yml, or convert it with `ladderlint import bands` (see docs/import.md)"
        }
        var decoded = DecodedFile()
        decoded.findings.append(Finding(
            rule: "unreadable-file", severity: .error,
            message: "this is \(what), and ladderlint reads YAML ladder files; no sources: entry of the configuration maps this file: \(how)",
            location: Location(file: file, span: .unknown), modelPath: "file"))
        decoded.unparsed = true
        return decoded
    }
}

extension BandsSource {
    /// The `sources:` entry that maps `path`, in the configuration named or found from
    /// `workingDirectory` up; nil when none maps it. `import bands` reads a mapped file the way
    /// `lint` does.
    public static func configured(for path: String, config: String?, workingDirectory: String) throws -> BandsSource? {
        let configuration = try ConfigLoader(workingDirectory: workingDirectory, allowOutsideRepo: true).load(explicit: config)
        let absolute = Discovery.absolute(path, cwd: workingDirectory)
        let real = Discovery.realPath(absolute)
        return configuration.sources.first { $0.absolute == absolute || (real != nil && Discovery.realPath($0.absolute) == real) }
    }
}
