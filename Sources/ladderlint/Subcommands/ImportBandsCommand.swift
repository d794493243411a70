import ArgumentParser
import Foundation
import LadderDriver
import LadderImport
import LadderModel
import LadderRules
import LadderTables

extension DecimalMark: ExpressibleByArgument {}

/// `ladderlint import bands FILE.csv`: arguments into ImportBands.Options; ImportBands decides
/// the mapping, reads and writes.
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
        var options = ImportBands.Options()
        options.ladder = ladder
        options.columns = columns
        options.currency = currency
        options.zone = zone
        options.decimal = decimal
        options.equityYears = equityYears
        options.delimiter = delimiter
        options.config = config
        do {
            let (out, err) = try ImportBands.run(file: file, options: options, output: output, force: force, workingDirectory: FileManager.default.currentDirectoryPath)
            emit(out, err)
        } catch let e as ImportBands.Problems {
            emit("", e.errors.map { "ladderlint: \($0.description)\n" }.joined() + "ladderlint: nothing was written: fix the cells above in the spreadsheet (or the mapping) and import again\n")
            throw ExitCode(2)
        } catch let e as UsageError {
            emit("", "ladderlint: \(e.description)\n")
            throw ExitCode(2)
        }
    }
}
