import LadderModel
import LadderRules
import LadderYAML

/// One kind of input file: which files it claims when a folder is walked, and how their bytes
/// become documents of the model. YAML (`YAMLInput`), bands spreadsheets mapped in
/// `sources:` (`BandsSourceInput`), and the refusal of spreadsheets nobody mapped
/// (`UnmappedInput`); each one more implementation handed to the run in an `InputFormats` value.
public protocol InputFormat: Sendable {
    /// As findings and documentation name it.
    var name: String { get }
    /// Whether a file is this format's, by its name (the last path component, as bytes: a name
    /// need not be UTF-8) or its absolute path as the run shows it.
    func claims(name: [UInt8], path: String) -> Bool
    /// The documents in `bytes`, read as `file` (the name findings show) within `limits`.
    /// With `collectAmounts` (`--redact`), the result's `amounts` holds every money amount of
    /// the file, in every reading of its text, so that no output shows them.
    func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile
}

/// The ladder format of LADDER_FORMAT.md: YAML files, `*.yaml` and `*.yml`.
public struct YAMLInput: InputFormat {
    public init() {}

    public var name: String { "yaml" }

    public func claims(name: [UInt8], path: String) -> Bool {
        name.count > 4 && (name.suffix(5).elementsEqual(".yaml".utf8) || name.suffix(4).elementsEqual(".yml".utf8))
    }

    public func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile {
        var amounts: [Double] = []
        // Inline waivers (`# ladderlint: waive …`): only a file with such a comment has the
        // parse's quoted and block scalars collected, to tell a comment from text.
        let marked = YAMLComments.mayHave(InlineWaivers.marker, in: bytes)
        var textSpans: [Span] = []
        var decoded = DocumentDecoder().decodeFile(
            bytes, file: file, limits: limits, eachRoot: collectAmounts ? { amounts += Redactor.amounts(in: $0) } : nil,
            eachTable: marked ? { textSpans = YAMLComments.textSpans(of: $0) } : nil)
        decoded.amounts = amounts
        if marked {
            // A file not read whole: libyaml's scanner decides, up to where it stops.
            decoded.comments = YAMLComments.find(InlineWaivers.marker, in: bytes, textSpans: decoded.unparsed ? nil : textSpans)
        }
        // Nothing of the file was a ladder document (a syntax error, or a root that is no
        // mapping): when its text is a CSV or Markdown table (or Markdown, or HTML), one finding
        // says so and what reads it, instead of the parser's words. Only on this failed path.
        if decoded.documents.isEmpty, let first = decoded.findings.first,
           decoded.findings.allSatisfy({ Self.replaceable.contains($0.rule) }),
           let foreign = ForeignText.finding(bytes, file: file, rule: decoded.findings.contains { $0.rule == "yaml-syntax" } ? "yaml-syntax" : first.rule)
        {
            decoded.findings = [foreign]
            decoded.documentCount = 0
        }
        return decoded
    }

    /// The findings of a file that may be another format's text: not a limit (a file too big
    /// or too deep says so whatever it holds).
    static let replaceable: Set<String> = ["yaml-syntax", "invalid-document"]
}

/// The input formats of a run, asked in order. A file named on the command line that no format
/// claims is read by the first (pre-commit passes what the user chose, whatever its extension),
/// unless it is a spreadsheet, Markdown or JSON file: those get `UnmappedInput`'s one clear
/// finding instead of YAML parser errors (`NamedForeignInput`: at the line that shows the
/// file's table, saying its shape). A YAML file whose text is such a table gets one finding
/// like it too (`ForeignText`, only once the YAML reading has failed).
/// A value handed to Discovery and FileLoader: no registry is global.
public struct InputFormats: Sendable {
    public private(set) var all: [any InputFormat]

    public init(_ primary: any InputFormat, _ others: [any InputFormat] = []) {
        all = [primary] + others
    }

    /// YAML only: what `ladderlint lint` reads without a `sources:` setting.
    public static let standard = InputFormats(YAMLInput())

    /// These formats and the bands spreadsheets `configuration` maps.
    public func adding(_ sources: [BandsSource]) -> InputFormats {
        var copy = self
        copy.all += sources.map(BandsSourceInput.init)
        return copy
    }

    /// Whether walking a folder should pick up a file of this name at this path.
    public func claims(name: [UInt8], path: String) -> Bool {
        all.contains { $0.claims(name: name, path: path) }
    }

    /// The format that reads `file`.
    public func format(for file: InputFile) -> any InputFormat {
        // One format reads everything: no name to look at on the path of every file.
        if all.count == 1, !UnmappedInput.recognises(file.display) { return all[0] }
        var name = Array(file.absolute.utf8)
        if let slash = name.lastIndex(of: UInt8(ascii: "/")) { name.removeSubrange(...slash) }
        if let format = all.first(where: { $0.claims(name: name, path: file.absolute) }) { return format }
        return UnmappedInput.recognises(file.display) ? NamedForeignInput() : all[0]
    }
}
