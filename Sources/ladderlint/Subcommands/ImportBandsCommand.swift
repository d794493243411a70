import ArgumentParser
import Foundation
import LadderDriver
import LadderImport
import LadderModel
import LadderRules
import LadderTables

extension DecimalMark: ExpressibleByArgument {}

/// `ladderlint import bands FILE.csv`: arguments into a BandsMapping (or the `sources:` entry
/// that maps the file), then ImportBands; the YAML goes to -o FILE or stdout.
struct ImportBandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bands",
        abstract: "Write a compensation document from a bands CSV/TSV export (docs/import.md).")

    @Argument(help: "The bands spreadsheet, exported as CSV or TSV (UTF-8).")
    var file: String

    @Option(help: "The ladder id the bands belong to (default: the sources: entry that maps FILE).")
    var ladder: String?

    @Option(help: "FIELD=HEADER[,FIELD=HEADER…], repeatable: level, zone, currency, min, mid, max, bonus_target, equity_min, equity_mid, equity_max.")
    var columns: [String] = []

    @Option(help: "The ISO 4217 code of amounts when the file has no currency column.")
    var currency: String?

    @Option(help: "The zone of rows without a zone column (default: default).")
    var zone: String?

    @Option(help: "point (187,123.50) or comma (187.123,50).")
    var decimal: DecimalMark?

    @Option(help: "Equity columns are a grant over this many years: each is divided by it.")
    var equityYears: Int?

    @Option(help: "Cell delimiter: , ; | or tab (default: found on the header line).")
    var delimiter: String?

    @Option(help: "Configuration file whose sources: entry maps FILE (default: .ladderlint.yml here or above).")
    var config: String?

    @Option(name: .shortAndLong, help: "Write the YAML to this file (never over an existing one without --force).")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        do {
            let cwd = FileManager.default.currentDirectoryPath
            var mapping = try BandsSource.configured(for: file, config: config, workingDirectory: cwd)?.mapping
            if mapping == nil {
                guard let ladder else {
                    throw UsageError(file: file, "no sources: entry maps this file: give the ladder id with --ladder ID (and --columns when the headers are not recognised)")
                }
                mapping = BandsMapping(ladder: ladder)
            }
            var m = mapping!
            if let ladder { m.ladder = ladder }
            if !columns.isEmpty { m.columns.merge(try ImportBands.columns(columns)) { $1 } }
            if let currency {
                guard DocumentDecoder.isCurrency(currency) else { throw UsageError("--currency: expected a three-letter ISO 4217 code such as USD, found '\(currency)'") }
                m.currency = currency
            }
            if let zone { m.zone = zone }
            if let decimal { m.decimal = decimal }
            if let equityYears {
                guard (1...50).contains(equityYears) else { throw UsageError("--equity-years: expected 1 to 50, found \(equityYears)") }
                m.equityYears = equityYears
            }
            if let delimiter {
                let named: [String: UInt8] = [",": 44, ";": 59, "|": 124, "tab": 9, "\t": 9, "\\t": 9]
                guard let byte = named[delimiter] else { throw UsageError("--delimiter: expected , ; | or tab, found '\(delimiter)'") }
                m.delimiter = byte
            }
            guard let data = FileManager.default.contents(atPath: Discovery.absolute(file, cwd: cwd)) else {
                throw UsageError(file: file, "cannot read the file: check the path")
            }
            let yaml = try ImportBands.yaml(Array(data), file: file, mapping: m)
            if let output {
                try NewFile.write(yaml, to: Discovery.absolute(output, cwd: cwd), shown: output, force: force)
                emit("", "ladderlint: wrote \(Escape.terminal(output))\n")
            } else {
                emit(yaml, "")
            }
        } catch let e as ImportBands.Problems {
            emit("", e.errors.map { "ladderlint: \($0.description)\n" }.joined() + "ladderlint: nothing was written: fix the cells above in the spreadsheet (or the mapping) and import again\n")
            throw ExitCode(2)
        } catch let e as UsageError {
            emit("", "ladderlint: \(e.description)\n")
            throw ExitCode(2)
        }
    }
}
