import Foundation
import LadderDriver
import LadderModel
import LadderRules
import LadderTables

extension ImportBands {
    /// `import bands`'s options, as given on the command line.
    public struct Options: Sendable {
        public var ladder: String?
        public var columns: [String] = []
        public var currency: String?
        public var zone: String?
        public var decimal: DecimalMark?
        public var equityYears: Int?
        public var delimiter: String?
        /// The configuration whose `sources:` entry may map the file.
        public var config: String?

        public init() {}
    }

    /// The mapping `file` is read with: the `sources:` entry that maps it (when one does),
    /// with the options on top; without one, `--ladder` is required.
    public static func mapping(for file: String, options o: Options, workingDirectory: String) throws -> BandsMapping {
        var m: BandsMapping
        if let configured = try BandsSource.configured(for: file, config: o.config, workingDirectory: workingDirectory)?.mapping {
            m = configured
        } else if let ladder = o.ladder {
            m = BandsMapping(ladder: ladder)
        } else {
            throw UsageError(file: file, "no sources: entry maps this file: give the ladder id with --ladder ID (and --columns when the headers are not recognised)")
        }
        if let ladder = o.ladder { m.ladder = ladder }
        if !o.columns.isEmpty { m.columns.merge(try columns(o.columns)) { $1 } }
        if let currency = o.currency {
            guard DocumentDecoder.isCurrency(currency) else {
                throw UsageError("--currency: expected a three-letter ISO 4217 code such as USD, found '\(currency)'")
            }
            m.currency = currency
        }
        if let zone = o.zone { m.zone = zone }
        if let decimal = o.decimal { m.decimal = decimal }
        if let years = o.equityYears {
            guard (1...50).contains(years) else { throw UsageError("--equity-years: expected the years a grant vests over, from 1 to 50, found \(years)") }
            m.equityYears = years
        }
        if let d = o.delimiter {
            guard let byte = BandsMapping.delimiter(named: d) else { throw UsageError("--delimiter: expected , ; | or tab, found '\(d)'") }
            m.delimiter = byte
        }
        return m
    }

    /// Reads `file`, writes its YAML to `output` (never over a file without `force`) or
    /// returns it for stdout.
    public static func run(file: String, options: Options, output: String?, force: Bool, workingDirectory cwd: String) throws -> (stdout: String, stderr: String) {
        let mapping = try mapping(for: file, options: options, workingDirectory: cwd)
        guard let data = FileManager.default.contents(atPath: Discovery.absolute(file, cwd: cwd)) else {
            throw UsageError(file: file, "cannot read the file: check the path")
        }
        let yaml = try yaml(Array(data), file: file, mapping: mapping)
        guard let output else { return (yaml, "") }
        try NewFile.write(yaml, to: Discovery.absolute(output, cwd: cwd), shown: output, force: force, workingDirectory: cwd)
        return ("", "ladderlint: wrote \(Escape.terminal(output))\n")
    }
}
