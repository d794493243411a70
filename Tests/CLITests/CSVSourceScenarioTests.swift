import Foundation
import Testing

/// A bands spreadsheet exported from a comp tool, mapped in `sources:`: findings point at
/// `FILE:ROW:COLUMN` of the cell in every output format, baselines and waivers work on it,
/// and a spreadsheet nobody mapped gets one clear error (docs/import.md).
@Suite struct CSVSourceScenarioTests {
    /// As a comp tool exports it: a byte order mark, CRLF, `$` and thousands separators, `%`,
    /// a 4-year equity grant, and a notes cell with a quote, a comma and a line break (so
    /// row numbers and line numbers differ). em-5 tops out 10,000 above ic-5: its "$250,000"
    /// is line 6, column 35.
    static let bands: FileContent = .bytes(Array((
        "\u{FEFF}Job Level,Location,Currency,Range Min,Midpoint,Range Max,Target Bonus %,Equity Min,Equity Max,Notes\r\n"
        + "ic-4,US,USD,\"$150,000\",,\"$200,000\",10%,\"$40,000\",\"$80,000\",\r\n"
        + "em-4,US,USD,\"$150,000\",,\"$200,000\",10%,\"$40,000\",\"$80,000\",\"Manager band,\r\nsee \"\"comp policy\"\"\"\r\n"
        + "ic-5,US,USD,\"$180,000\",,\"$240,000\",10%,\"$60,000\",\"$120,000\",\r\n"
        + "em-5,US,USD,\"$180,000\",\"$210,000\",\"$250,000\",10%,\"$60,000\",\"$120,000\",\r\n").utf8))

    static let config = """
        sources:
          - path: comp/bands-2026.csv
            kind: compensation
            ladder: acme
            equity_years: 4

        """

    static func org(_ extra: [String: FileContent] = [:]) throws -> URL {
        var files: [String: FileContent] = [
            "ladders/ladder.yaml": .text(Fixtures.ladder), "ladders/policy.yaml": .text(Fixtures.policy),
            "comp/bands-2026.csv": bands, ".ladderlint.yml": .text(config),
        ]
        files.merge(extra) { $1 }
        return try Scenario.folder(files)
    }

    @Test func theCeilingGapIsAtItsCellInEveryFormat() throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Scenario.run(["lint"], in: dir)
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("comp/bands-2026.csv:6:35: error: em-5 (Senior Engineering Manager) tops out at 250,000 USD, above its IC peer ic-5 (Staff Engineer) at 240,000 USD"), "\(text.stdout)")
        #expect(text.stdout.contains("1 error, 0 warnings, 0 info in 3 files"))

        let json = try Scenario.run(["lint", "--format", "json"], in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let finding = try #require((report["findings"] as? [[String: Any]])?.first)
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["file"] as? String == "comp/bands-2026.csv")
        #expect(location["line"] as? Int == 6 && location["column"] as? Int == 35)
        #expect(location["end_line"] as? Int == 6 && location["end_column"] as? Int == 45)
        try Scenario.expectValidReports([("json", json.stdout)])

        let sarif = try Scenario.run(["lint", "--format", "sarif"], in: dir).stdout.filter { !$0.isWhitespace }
        #expect(sarif.contains("\"uri\":\"comp/bands-2026.csv\""))
        #expect(sarif.contains("\"startLine\":6,\"startColumn\":35,\"endLine\":6,\"endColumn\":45"))
        let github = try Scenario.run(["lint", "--format", "github"], in: dir).stdout
        #expect(github.contains("::error file=comp/bands-2026.csv,line=6,col=35,"))
        let gitlab = try Scenario.run(["lint", "--format", "gitlab"], in: dir).stdout.filter { !$0.isWhitespace }
        #expect(gitlab.contains("\"path\":\"comp/bands-2026.csv\",\"lines\":{\"begin\":6"))
        #expect(try Scenario.run(["lint", "--format", "junit"], in: dir).stdout.contains("comp/bands-2026.csv:6:35"))
        #expect(try Scenario.run(["lint", "--format", "markdown"], in: dir).stdout.contains("[comp/bands-2026.csv:6](comp/bands-2026.csv#L6)"))
        #expect(try Scenario.run(["lint", "--format", "html"], in: dir).stdout.contains("bands-2026.csv:6:35"))
    }

    /// pre-commit passes the changed file only: the ladder is resolved from the configured
    /// paths, and a changed ladder file still gets the pay findings of its mapped bands.
    @Test func namedFilesResolveTheirLadderAndBands() throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Scenario.run(["lint", "comp/bands-2026.csv"], in: dir)
        #expect(csv.status == 1 && csv.stdout.hasPrefix("comp/bands-2026.csv:6:35: error:"))
        let ladder = try Scenario.run(["lint", "ladders/ladder.yaml"], in: dir)
        #expect(ladder.status == 1 && ladder.stdout.contains("comp/bands-2026.csv:6:35: error:"))
    }

    /// Fingerprints do not depend on lines: a baseline taken today still matches after a row
    /// is inserted above the finding.
    @Test func baselinesMatchAfterRowsMove() throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        let write = try Scenario.run(["lint", "--write-baseline", "baseline.json"], in: dir)
        #expect(write.status == 0)  // writing a baseline accepts what it records (issue 18.9)
        #expect(try Scenario.run(["lint", "--baseline", "baseline.json"], in: dir).status == 0)
        guard case .bytes(let original) = Self.bands else { return }
        var text = String(decoding: original, as: UTF8.self)
        text = text.replacingOccurrences(of: "ic-4,US,", with: "ic-4,EU,EUR,\"€1\",,\"€2\",,,,\r\nic-4,US,")
            .replacingOccurrences(of: "ic-4,EU,EUR,\"€1\",,\"€2\",,,,\r\nic-4,US,", with: "ic-4,EU,EUR,\"1\",,\"2\",,,,\r\nic-4,US,")
        try Data(text.utf8).write(to: dir.appendingPathComponent("comp/bands-2026.csv"))
        let moved = try Scenario.run(["lint", "--baseline", "baseline.json", "--format", "json"], in: dir)
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect(moved.stdout.contains("\"line\":7") || moved.stdout.contains("\"line\": 7"))
    }

    @Test func aWaiverInTheConfigurationSuppressesTheCellsFinding() throws {
        let dir = try Self.org([".ladderlint.yml": .text(Self.config + """
            waivers:
              - rule: pay-ceiling-parity
                subject: em-5
                reason: "SRE manager market premium, approved by the comp committee"
                expires: 2099-01-01

            """)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("\"waiver\""))
    }

    /// Numbers are withheld as they are for YAML bands: the cell texts ($250,000), the values
    /// read, the equity divided by its years, and the derived midpoints.
    @Test func redactionHidesEveryAmountOfTheSpreadsheet() throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["text", "json", "sarif", "markdown", "html", "github", "junit", "gitlab"] {
            let out = try Scenario.run(["lint", "--redact", "--format", format], in: dir).stdout
            for amount in ["250,000", "250000", "240,000", "240000", "245,000", "30,000", "30000", "15,000", "15000", "210,000"] {
                #expect(!out.contains(amount), "\(format) shows \(amount)")
            }
        }
    }

    @Test func anUnreadableCellIsAnErrorAtItsCell() throws {
        let broken = "Level,Currency,Min,Max\nic-4,USD,150000,200000\nem-4,USD,\"15O,000\",200000\n"
        let dir = try Self.org(["comp/bands-2026.csv": .text(broken)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("comp/bands-2026.csv:3:10: error: base.min: expected an amount such as 187123, 187,123, 187123.50, $187,123, USD 187,123, 187k, 1.2M, found the string \"15O,000\" in column \"Min\" [invalid-document]"), "\(r.stdout)")
    }

    /// Pointing lint at a spreadsheet, Markdown or JSON file nobody mapped: one finding that
    /// names `ladderlint import` and `sources:`, not YAML parser errors.
    @Test(arguments: ["export.csv", "export.tsv", "ladder.md", "matrix.json"])
    func anUnmappedFileIsOneClearError(name: String) throws {
        let dir = try Scenario.folder([name: "a,b,c\n1,2,3\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", name], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines[0].hasPrefix("\(name):1:1: error: this is a"))
        #expect(lines[0].contains("ladderlint import") && lines[0].contains("sources:") && lines[0].hasSuffix("[unreadable-file]"))
        #expect(!r.stdout.contains("yaml-syntax"))
    }

    /// A folder walk reads YAML (LADDER_FORMAT.md) and the mapped sources; an unmapped
    /// spreadsheet beside the ladder files is not read.
    @Test func aWalkReadsMappedSourcesOnly() throws {
        let dir = try Self.org(["ladders/stray.csv": "not,bands\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladders", "--format", "json"], in: dir)
        #expect(!r.stdout.contains("stray.csv"))
        #expect(r.stdout.contains("comp/bands-2026.csv"))
    }

    @Test(arguments: [
        ("sources:\n  - {path: comp/bands-2026.csv, kind: survey, ladder: acme}\n", ".ladderlint.yml:2:39: kind: survey sources are not read from spreadsheets"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: pay-formula, ladder: acme}\n", "kind: pay-formula is not read from a spreadsheet (only compensation is): write the formula as a YAML document"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: policy, ladder: acme}\n", "kind: policy sources are not read from spreadsheets (only compensation is): write it as a YAML document with kind: policy"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: ladder, ladder: acme}\n", "kind: ladder sources are not read from spreadsheets (only compensation is): convert the file once with `ladderlint import ladder`"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: compensation, ladder: acme, columns: {lvl: Level}}\n", "columns: unknown field 'lvl': did you mean 'level'?"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: compensation}\n", "a source lacks the required key 'ladder'"),
        ("sources:\n  - {path: ../outside.csv, kind: compensation, ladder: acme}\n", "sources: expected a path inside the repository"),
        ("sources:\n  - {path: comp/bands-2026.csv, kind: compensation, ladder: acme, decimal: dot}\n", "decimal: expected point (187,123.50) or comma (187.123,50), found 'dot'"),
    ])
    func badSourcesAreUsageErrors(config: String, message: String) throws {
        let dir = try Self.org([".ladderlint.yml": .text(config), ".git/HEAD": "ref: refs/heads/main\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func aMissingSourceFileIsReported() throws {
        let dir = try Self.org([".ladderlint.yml": .text(Self.config.replacingOccurrences(of: "bands-2026.csv", with: "bands-2027.csv"))])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("comp/bands-2027.csv:1:1: error: cannot read"), "\(r.stdout)")
    }
}
