import LadderModel
import LadderYAML

/// One kind of input file: which files it claims when a folder is walked, and how their bytes
/// become documents of the model. YAML is the first; pay formulas and CSV bands come next,
/// each one more implementation handed to the run in an `InputFormats` value.
public protocol InputFormat: Sendable {
    /// As findings and documentation name it.
    var name: String { get }
    /// Whether a file found walking a folder is this format's, by its name (the last path
    /// component, as bytes: a name need not be UTF-8).
    func claims(name: [UInt8]) -> Bool
    /// The documents in `bytes`, read as `file` (the name findings show) within `limits`.
    /// `eachRoot`, when given, sees each document's tree first: `--redact` collects the money
    /// amounts there so that no output shows them.
    func documents(bytes: [UInt8], file: String, limits: LoadLimits, eachRoot: ((Node) -> Void)?) -> DecodedFile
}

/// The ladder format of LADDER_FORMAT.md: YAML files, `*.yaml` and `*.yml`.
public struct YAMLInput: InputFormat {
    public init() {}

    public var name: String { "yaml" }

    public func claims(name: [UInt8]) -> Bool {
        name.count > 4 && (name.suffix(5).elementsEqual(".yaml".utf8) || name.suffix(4).elementsEqual(".yml".utf8))
    }

    public func documents(bytes: [UInt8], file: String, limits: LoadLimits, eachRoot: ((Node) -> Void)?) -> DecodedFile {
        DocumentDecoder().decodeFile(bytes, file: file, limits: limits, eachRoot: eachRoot)
    }
}

/// The input formats of a run, asked in order. The first also reads files named on the command
/// line that no format claims (pre-commit passes what the user chose, whatever its extension).
/// A value handed to Discovery and FileLoader: no registry is global.
public struct InputFormats: Sendable {
    public private(set) var all: [any InputFormat]

    public init(_ primary: any InputFormat, _ others: [any InputFormat] = []) {
        all = [primary] + others
    }

    /// YAML only: what `ladderlint lint` reads today.
    public static let standard = InputFormats(YAMLInput())

    /// Whether walking a folder should pick up a file of this name.
    public func claims(name: [UInt8]) -> Bool {
        all.contains { $0.claims(name: name) }
    }

    /// The format that reads the file shown as `path`.
    public func format(for path: String) -> any InputFormat {
        // One format reads everything: no name to look at on the path of every file.
        if all.count == 1 { return all[0] }
        var name = Array(path.utf8)
        if let slash = name.lastIndex(of: UInt8(ascii: "/")) { name.removeSubrange(...slash) }
        return all.first { $0.claims(name: name) } ?? all[0]
    }
}
