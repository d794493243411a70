import Foundation
import LadderDriver
import LadderImport
import LadderModel
import LadderRules
import LadderTables
import LadderYAML
import Testing

/// `import bands` writes YAML that lints with the same findings as the spreadsheet it came
/// from, read through `sources:` (docs/import.md).
@Suite struct ImportBandsTests {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-4, track: ic, grade: 4, title: Senior Engineer}
          - {id: ic-5, track: ic, grade: 5, title: Staff Engineer}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}
          - {id: em-5, track: em, grade: 5, title: Senior Engineering Manager}

        """

    /// A comp-tool export: BOM, CRLF, `$`, thousands separators, `%`, a 4-year equity grant,
    /// two zones and two currencies, a quoted notes cell with a line break, blank optional
    /// cells, and gaps on several measures (ceiling, floor, bonus, equity, band shape).
    static let export = "\u{FEFF}Job Level,Location,Currency,Range Min,Midpoint,Range Max,Target Bonus %,Equity Min,Equity Max,Notes\r\n"
        + "ic-4,US,USD,\"$150,000\",,\"$200,000\",10%,\"$40,000\",\"$80,000\",\r\n"
        + "em-4,US,USD,\"$155,000\",,\"$200,000\",12%,\"$40,000\",\"$120,000\",\"Manager band,\r\nsee \"\"comp policy\"\"\"\r\n"
        + "ic-5,US,USD,\"$180,000\",,\"$240,000\",10%,,,\r\n"
        + "em-5,US,USD,\"$180,000\",\"$210,000\",\"$250,000\",10%,,,\r\n"
        + "ic-4,UK,GBP,\"£90,000\",,\"£80,000\",,,,min above max\r\n"
        + "em-4,UK,GBP,\"£90,000\",,\"£110,000\",,,,\r\n"

    static func mapping() -> BandsMapping {
        var m = BandsMapping(ladder: "acme")
        m.equityYears = 4
        return m
    }

    func lint(_ dir: URL) -> [String] {
        var options = LintOptions()
        options.today = Day("2026-12-01")
        let result = LintRun(workingDirectory: dir.path).execute(options)
        return (result.report?.findings ?? []).map { "\($0.rule) \($0.severity) \($0.subjects) \($0.message)" }.sorted()
    }

    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-import-bands-\(UUID().uuidString.prefix(8))")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test func theImportLintsWithTheSpreadsheetsFindings() throws {
        let mapped = try folder([
            "ladders/ladder.yaml": Self.ladder, "comp/bands.csv": Self.export,
            ".ladderlint.yml": "sources:\n  - {path: comp/bands.csv, kind: compensation, ladder: acme, equity_years: 4}\n",
        ])
        defer { try? FileManager.default.removeItem(at: mapped) }
        let fromSpreadsheet = lint(mapped)
        #expect(fromSpreadsheet.count >= 5, "\(fromSpreadsheet)")
        for rule in ["pay-ceiling-parity", "pay-floor-parity", "variable-pay-parity", "band-shape"] {
            #expect(fromSpreadsheet.contains { $0.hasPrefix(rule) }, "\(rule)")
        }

        let yaml = try ImportBands.yaml(Array(Self.export.utf8), file: "comp/bands.csv", mapping: Self.mapping())
        let imported = try folder(["ladders/ladder.yaml": Self.ladder, "ladders/bands.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: imported) }
        #expect(lint(imported) == fromSpreadsheet)
    }

    @Test func theYAMLNamesEachRowAndKeepsTheFilesOrder() throws {
        let yaml = try ImportBands.yaml(Array(Self.export.utf8), file: "comp/bands.csv", mapping: Self.mapping())
        let comments = yaml.split(separator: "\n").filter { $0.hasPrefix("  # from ") }
        #expect(comments == ["  # from comp/bands.csv row 2", "  # from comp/bands.csv row 3", "  # from comp/bands.csv row 5",
                             "  # from comp/bands.csv row 6", "  # from comp/bands.csv row 7", "  # from comp/bands.csv row 8"])
        #expect(yaml.contains("currency: USD\n"))
        #expect(yaml.contains("    zone: UK\n    currency: GBP\n"))
        #expect(yaml.contains("    equity: {min: 10000, max: 30000}\n"))
        #expect(yaml.contains("    bonus_target: 0.12\n"))
        // Nothing of the notes column is written.
        #expect(!yaml.contains("comp policy") && !yaml.contains("min above max"))
        // The same input gives the same bytes.
        #expect(yaml == (try ImportBands.yaml(Array(Self.export.utf8), file: "comp/bands.csv", mapping: Self.mapping())))
    }

    /// A hostile cell cannot become YAML structure or a comment: it reads back as its text.
    @Test func hostileLevelsAndZonesStayText() throws {
        let csv = "Level,Zone,Currency,Min,Max\n\"a: b # c\",\"x\ny\",USD,1,2\n\"- [z]\",\"&anchor *alias\",USD,1,2\n"
        var m = BandsMapping(ladder: "acme")
        m.currency = "USD"
        let yaml = try ImportBands.yaml(Array(csv.utf8), file: "b.csv", mapping: m)
        let decoded = DocumentDecoder().decodeFile(Array(yaml.utf8), file: "b.yaml", limits: LoadLimits())
        #expect(decoded.findings.isEmpty, "\(decoded.findings.map(\.message))")
        guard case .compensation(let c)? = decoded.documents.first else { Issue.record("no document"); return }
        #expect(c.bands.map(\.level.value) == ["a: b # c", "- [z]"])
        #expect(c.bands.map(\.zone) == ["x\ny", "&anchor *alias"])
    }

    @Test func aFileWithProblemsIsNotImported() throws {
        let csv = "Level,Currency,Min,Max\nic-4,USD,abc,200000\nic-5,US,1,2\n"
        #expect {
            _ = try ImportBands.yaml(Array(csv.utf8), file: "b.csv", mapping: BandsMapping(ladder: "acme"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("b.csv:2:10: base.min: expected an amount") && text.contains("b.csv:3:6: currency: expected a three-letter ISO 4217 code")
        }
    }

    @Test func columnsOption() throws {
        #expect(try ImportBands.columns(["level=Job Level,min=Range Min", "max=Range Max"]) == [.level: "Job Level", .min: "Range Min", .max: "Range Max"])
        #expect(try ImportBands.columns(["zone=City, State"]) == [.zone: "City, State"])
        #expect(throws: UsageError.self) { try ImportBands.columns(["lvl=Job Level"]) }
    }

    /// A file `sources:` maps is read with its entry, options on top; an unmapped one needs
    /// `--ladder`.
    @Test func theMappingComesFromSourcesThenOptions() throws {
        let dir = try folder([
            "comp/bands.csv": Self.export, "other.csv": "x\n",
            ".ladderlint.yml": "sources:\n  - {path: comp/bands.csv, kind: compensation, ladder: acme, equity_years: 4, decimal: point}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = ImportBands.Options()
        let mapped = try ImportBands.mapping(for: "comp/bands.csv", options: options, workingDirectory: dir.path)
        #expect(mapped.ladder == "acme" && mapped.equityYears == 4)
        options.ladder = "acme-2"
        options.currency = "EUR"
        options.delimiter = "tab"
        options.columns = ["zone=Location"]
        let overridden = try ImportBands.mapping(for: "comp/bands.csv", options: options, workingDirectory: dir.path)
        #expect(overridden.ladder == "acme-2" && overridden.currency == "EUR" && overridden.delimiter == 9 && overridden.columns == [.zone: "Location"])
        #expect(throws: UsageError.self) { try ImportBands.mapping(for: "other.csv", options: ImportBands.Options(), workingDirectory: dir.path) }
        var bad = ImportBands.Options()
        bad.ladder = "acme"
        bad.currency = "usd"
        #expect(throws: UsageError.self) { try ImportBands.mapping(for: "other.csv", options: bad, workingDirectory: dir.path) }
        // Run end to end: to a file, then never again over it.
        _ = try ImportBands.run(file: "comp/bands.csv", options: ImportBands.Options(), output: "bands.yaml", force: false, workingDirectory: dir.path)
        let written = try String(contentsOf: dir.appendingPathComponent("bands.yaml"), encoding: .utf8)
        #expect(written.hasPrefix("# Imported from comp/bands.csv by ladderlint import bands: 6 bands."))
        #expect(throws: UsageError.self) {
            _ = try ImportBands.run(file: "comp/bands.csv", options: ImportBands.Options(), output: "bands.yaml", force: false, workingDirectory: dir.path)
        }
    }

    @Test func neverOverAnExistingFile() throws {
        let dir = try folder(["out.yaml": "kept\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.yaml").path
        #expect(throws: UsageError.self) { try NewFile.write("new\n", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
        try NewFile.write("new\n", to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        let fresh = dir.appendingPathComponent("fresh.yaml").path
        try NewFile.write("x\n", to: fresh)
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "x\n")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["fresh.yaml", "out.yaml"])
    }
}
