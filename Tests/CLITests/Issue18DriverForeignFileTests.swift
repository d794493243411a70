import Foundation
import Testing

/// Issue 18.14: a CSV or Markdown file given to `ladderlint lint` (named, or saved with a .yaml
/// name into the ladder folder) is one finding that says what the file looks like and which
/// command reads it, at the line that shows it, instead of the YAML parser's words about it.
/// A real YAML file with a mistake keeps the parser's message.
@Suite struct Issue18DriverForeignFileTests {
    /// Bands as a comp tool exports them: a job family, `$` amounts with thousands separators in
    /// quotes, a bonus in percent.
    static let export = """
        Job Family,Job Level,Location,Currency,Range Min,Midpoint,Range Max,Target Bonus %
        Engineering,ic-4,US,USD,"$150,000","$175,000","$200,000",10%
        Engineering,ic-5,US,USD,"$180,000","$210,000","$240,000",15%
        Engineering,em-5,US,USD,"$180,000","$215,000","$250,000",15%

        """

    /// The wiki's table of titles, under a heading and a sentence.
    static let titles = """
        # Engineering ladder

        Our levels, lowest first:

        | Grade | IC title                 | Manager title              |
        |------:|--------------------------|----------------------------|
        | 4     | Senior Engineer          | Engineering Manager        |
        | 5     | Staff Engineer           | Senior Engineering Manager |

        """

    static func only(_ r: RunOutput, _ file: String) -> [String] {
        r.lines.filter { $0.hasPrefix(file + ":") }
    }

    @Test func aCompToolExportSavedAsYAMLSaysItIsACSVTableAndHowToReadIt() throws {
        var files = Fixtures.acme()
        files["ladders/acme/bands-2026.yaml"] = .text(Self.export)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 1, "\(r)")
        #expect(Self.only(r, "ladders/acme/bands-2026.yaml") == [
            "ladders/acme/bands-2026.yaml:1:1: error: this file looks like a CSV table (a header row of 8 comma-separated columns and 3 rows under it; the headers name a bands export's level, min and max columns), not a YAML ladder document: convert it once with `ladderlint import bands ladders/acme/bands-2026.yaml --ladder LADDER-ID -o FILE.yaml`, or rename it ladders/acme/bands-2026.csv and map it under sources: in .ladderlint.yml ({path: ladders/acme/bands-2026.csv, kind: compensation, ladder: LADDER-ID}) so each finding points at its row and column (see docs/import.md) [invalid-document]",
        ], "\(r)")
        #expect(r.lines.last == "1 error, 0 warnings, 0 info in 4 files (4 documents, 1 ladder)", "\(r)")

        // What the message says works: the import reads the file as it is.
        let imported = try Scenario.run(["import", "bands", "ladders/acme/bands-2026.yaml", "--ladder", "acme"], in: dir)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("kind: compensation") && imported.stdout.contains("- level: em-5"), "\(imported)")
    }

    /// A header cell with a quote opens a quoted scalar in YAML: a syntax error, and the same
    /// one finding (its rule the parser's).
    @Test func aQuotedHeaderRowIsACSVTableToo() throws {
        let csv = "\"Job Level\",\"Range Min\",\"Range Max\",\"Currency\"\n\"ic-4\",\"$150,000\",\"$200,000\",\"USD\"\n"
        let dir = try Scenario.folder(["bands.yaml": .text(csv)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "bands.yaml"], in: dir)
        #expect(r.lines.count == 2, "\(r)")
        #expect(r.lines.first?.hasPrefix("bands.yaml:1:1: error: this file looks like a CSV table (a header row of 4 comma-separated columns and 1 row under it; the headers name a bands export's level, min and max columns), not a YAML ladder document: convert it once with `ladderlint import bands bands.yaml") == true, "\(r)")
        #expect(r.lines.first?.hasSuffix("[yaml-syntax]") == true, "\(r)")
        #expect(!r.stdout.contains("did not find expected"), "\(r)")
    }

    @Test func aNamedCSVFileSaysItsShapeAtItsHeaderRow() throws {
        let dir = try Scenario.folder(["comp/bands.csv": .text("Exported from the comp tool on 2026-03-01\n" + Self.export)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "comp/bands.csv"], in: dir)
        #expect(r.status == 1, "\(r)")
        #expect(r.lines.count == 2, "\(r)")
        #expect(r.lines.first?.hasPrefix(
            "comp/bands.csv:2:1: error: this is a CSV file (a header row of 8 comma-separated columns and 3 rows under it; the headers name a bands export's level, min and max columns), and ladderlint reads YAML ladder files; no sources: entry of the configuration maps this file: map it under sources: in .ladderlint.yml (path: comp/bands.csv, kind: compensation, ladder: LADDER-ID; see docs/import.md)") == true, "\(r)")
        #expect(r.lines.first?.contains("`ladderlint import bands comp/bands.csv --ladder LADDER-ID -o FILE.yaml`") == true, "\(r)")
        #expect(r.lines.first?.hasSuffix("[unreadable-file]") == true, "\(r)")
    }

    /// Excel's "CSV UTF-8": a byte order mark and CRLF line ends; the positions are the editor's.
    @Test func aSpreadsheetExportWithAByteOrderMarkAndCRLF() throws {
        let csv: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Level,Zone,Currency,Min,Max\r\nic-4,US,USD,\"150,000\",\"200,000\"\r\nic-5,US,USD,\"180,000\",\"240,000\"\r\n".utf8)
        let dir = try Scenario.folder(["ladders/acme/bands.yml": .bytes(csv)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladders/acme/bands.yml"], in: dir)
        #expect(r.lines.first?.hasPrefix(
            "ladders/acme/bands.yml:1:1: error: this file looks like a CSV table (a header row of 5 comma-separated columns and 2 rows under it; the headers name a bands export's level, min and max columns), not a YAML ladder document: convert it once with `ladderlint import bands ladders/acme/bands.yml --ladder LADDER-ID -o FILE.yaml`, or rename it ladders/acme/bands.csv") == true, "\(r)")
        #expect(r.lines.count == 2, "\(r)")
    }

    @Test func aTSVSavedAsYAML() throws {
        let tsv = "Level\tLocation\tRange Min\tRange Max\nic-4\tUS\t150000\t200000\nic-5\tUS\t180000\t240000\n"
        let dir = try Scenario.folder(["bands.yaml": .text(tsv), "answers.tsv": .text("Role\tI must manage to lead\nic\tAgree\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "bands.yaml", "answers.tsv"], in: dir)
        let bands = Self.only(r, "bands.yaml")
        #expect(bands.count == 1 && bands[0].hasPrefix(
            "bands.yaml:1:1: error: this file looks like a TSV table (a header row of 4 tab-separated columns and 2 rows under it; the headers name a bands export's level, min and max columns), not a YAML ladder document:"), "\(r)")
        #expect(bands.first?.contains("rename it bands.tsv and map it under sources:") == true, "\(r)")
        // Headers that are not a bands export's: the columns to name, and the survey import.
        let answers = Self.only(r, "answers.tsv")
        #expect(answers.count == 1 && answers[0].hasPrefix("answers.tsv:1:1: error: this is a TSV file (a header row of 2 tab-separated columns and 1 row under it), and ladderlint reads YAML ladder files"), "\(r)")
    }

    @Test func aCSVWhoseHeadersAreNotABandsExportSaysWhatToName() throws {
        let dir = try Scenario.folder(["people.yaml": .text("Name,Team,Salary,Start\nAda,Core,\"$150,000\",2024-01-02\nGrace,Core,\"$160,000\",2023-05-06\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "people.yaml"], in: dir)
        #expect(r.lines.first == "people.yaml:1:1: error: this file looks like a CSV table (a header row of 4 comma-separated columns and 2 rows under it), not a YAML ladder document: if it holds pay bands, convert it once with `ladderlint import bands people.yaml --ladder LADDER-ID --columns level=HEADER,min=HEADER,max=HEADER -o FILE.yaml`, or rename it people.csv and map it under sources: in .ladderlint.yml ({path: people.csv, kind: compensation, ladder: LADDER-ID, columns: {level: HEADER, min: HEADER, max: HEADER}}) (see docs/import.md); survey answers: `ladderlint import survey people.yaml --ladder LADDER-ID -o FILE.yaml` [invalid-document]", "\(r)")
        // No cell of the file is quoted back: nothing to withhold under --redact.
        #expect(!r.stdout.contains("150,000") && !r.stdout.contains("Ada"), "\(r)")
    }

    @Test func aMarkdownTableSavedAsYAMLPointsAtTheTableAndTheImportWorks() throws {
        var files = Fixtures.acme()
        files["ladders/acme/titles.yaml"] = .text(Self.titles)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(Self.only(r, "ladders/acme/titles.yaml") == [
            "ladders/acme/titles.yaml:5:1: error: this file looks like a Markdown table (a header row of 3 columns over a |---| line), not a YAML ladder document: to convert a table of levels, rename it ladders/acme/titles.md (import ladder reads tables from Markdown files) and run `ladderlint import ladder ladders/acme/titles.md -o ladders/acme/titles.yaml` (see docs/import.md) [yaml-syntax]",
        ], "\(r)")
        #expect(!r.stdout.contains("block scalar"), "\(r)")

        // Doing what it says: the rename, then the import, writes a ladder that lints.
        try FileManager.default.moveItem(at: dir.appendingPathComponent("ladders/acme/titles.yaml"), to: dir.appendingPathComponent("ladders/acme/titles.md"))
        let imported = try Scenario.run(["import", "ladder", "ladders/acme/titles.md", "--id", "titles", "-o", "ladders/acme/titles.yaml"], in: dir)
        #expect(imported.status == 0, "\(imported)")
        let linted = try Scenario.run(["lint", "ladders/acme/titles.yaml"] + Fixtures.today, in: dir)
        #expect(!linted.stdout.contains("invalid-document") && !linted.stdout.contains("yaml-syntax"), "\(linted)")
    }

    @Test func aNamedMarkdownFilePointsAtItsTable() throws {
        let dir = try Scenario.folder(["docs/ladder.md": .text(Self.titles)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "docs/ladder.md"], in: dir)
        #expect(r.lines.count == 2, "\(r)")
        #expect(r.lines.first?.hasPrefix("docs/ladder.md:5:1: error: this is a Markdown file (a header row of 3 columns over a |---| line), and ladderlint reads YAML ladder files;") == true, "\(r)")
        #expect(r.lines.first?.contains("`ladderlint import ladder docs/ladder.md -o FILE.yaml`") == true, "\(r)")
    }

    @Test func markdownNotesSavedAsYAML() throws {
        let notes = "# How we level\n\n- Engineers grow by scope\n- Managers grow by **team** size\n"
        let dir = try Scenario.folder(["ladders/README.yaml": .text(notes)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladders"], in: dir)
        #expect(r.lines.first == "ladders/README.yaml:1:1: error: this file looks like Markdown text (a # heading, a list and bold text), not a YAML ladder document: ladderlint reads YAML documents with a kind: key (see docs/format.md); if these are notes, name the file ladders/README.md (a folder walk reads only .yaml and .yml files); a Markdown table of levels converts once with `ladderlint import ladder ladders/README.md -o FILE.yaml` (see docs/import.md) [invalid-document]", "\(r)")
    }

    /// A walk reads YAML: the Markdown and CSV files beside the ladder are not read unless named.
    @Test func aWalkStillSkipsMarkdownAndCSVFiles() throws {
        var files = Fixtures.acme()
        files["ladders/acme/titles.md"] = .text(Self.titles)
        files["ladders/acme/bands.csv"] = .text(Self.export)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [Fixtures.cleanSummary], "\(r)")
    }

    // MARK: what is still YAML

    @Test func aYAMLFileWithASyntaxErrorKeepsTheParsersMessage() throws {
        let dir = try Scenario.folder(["ladder.yaml": .text("kind: ladder\nid: acme\nname: [Engineering, Platform\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladder.yaml"], in: dir)
        #expect(r.lines.first == "ladder.yaml:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 7): a [ ] list is not closed, or two of its items lack a ',' between them [yaml-syntax]", "\(r)")
    }

    /// A `|` block scalar holding a Markdown table (or CSV lines) is YAML: a mistake elsewhere in
    /// the file gets the parser's message, not "Markdown".
    @Test func aBlockScalarHoldingATableIsNotCalledMarkdown() throws {
        let yaml = """
            kind: ladder
            id: acme
            name: Engineering
            x-notes: |
              | Grade | IC title        |
              |-------|-----------------|
              | 4     | Senior Engineer |
              level,min,max
              ic-4,150000,200000
            tracks: [{id: ic, name: Engineering, kind: individual-contributor}
            levels: []

            """
        let dir = try Scenario.folder(["ladder.yaml": .text(yaml)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladder.yaml"], in: dir)
        #expect(r.lines.first?.hasSuffix("[yaml-syntax]") == true, "\(r)")
        #expect(r.lines.first?.contains("YAML syntax error") == true, "\(r)")
        #expect(!r.stdout.contains("looks like"), "\(r)")
    }

    /// Documents that are YAML but no mapping keep their message: a list of ids, a sentence, JSON.
    @Test(arguments: [
        ("- ic-4\n- ic-5\n", "found a list"),
        ("# Ladders of Acme\nSee the handbook for the ladder.\n", "found the string"),
        ("[[\"level\", \"min\", \"max\"],\n [\"ic-4\", 150000, 200000],\n [\"ic-5\", 180000, 240000]]\n", "found a list"),
        ("{\"kind\": \"ladder\",\n \"id\": \"acme\",\n \"name\": \"Engineering\",\n", "YAML syntax error"),
    ])
    func yamlThatIsNoLadderKeepsItsMessage(text: String, said: String) throws {
        let dir = try Scenario.folder(["other.yaml": .text(text)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "other.yaml"], in: dir)
        #expect(r.lines.first?.contains(said) == true, "\(r)")
        #expect(!r.stdout.contains("looks like"), "\(r)")
    }
}
