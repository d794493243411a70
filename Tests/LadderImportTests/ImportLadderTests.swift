import Foundation
import LadderDriver
import LadderModel
import LadderRules
import LadderYAML
import Testing

@testable import LadderImport

/// Paths and helpers for the `import ladder` and `init` tests.
enum LadderImportSupport {
    /// The repository root: this file is `<root>/Tests/LadderImportTests/ImportLadderTests.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/import/ladder")
    static let today = Day("2026-11-21")!

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func folder(_ files: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-import-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// Lints `paths` in `dir` as the command line would, on a fixed day.
    static func lint(_ dir: URL, paths: [String] = [], today: Day = today) -> LintResult {
        var options = LintOptions()
        options.paths = paths
        options.today = today
        options.outputs = [OutputRequest(format: "json", file: nil)]
        return LintRun(workingDirectory: dir.path).execute(options)
    }

    /// Findings as comparable lines: rule, subjects, message (no file, line or fingerprint).
    static func findings(_ result: LintResult) -> [String] {
        (result.report?.findings ?? []).map { "\($0.rule) [\($0.subjects.joined(separator: ","))] \($0.message)" }.sorted()
    }

    /// A level as the written YAML holds it, read back with the project's own loader.
    struct ReadLevel: Equatable, CustomStringConvertible {
        var id: String
        var track: String
        var grade: String
        var title: String
        var criteria: [String]
        var description: String { "\(id) \(track) \(grade) \(title) \(criteria)" }
    }

    static func levels(_ yaml: String) throws -> [ReadLevel] {
        let loaded = YAMLLoader().load(Array(yaml.utf8))
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.documents.count == 1)
        let root = try #require(loaded.documents.first?.root)
        guard case .sequence(let items)? = root.pair("levels")?.value.storage else { Issue.record("no levels"); return [] }
        return items.map { item in
            var criteria: [String] = []
            if case .sequence(let list)? = item.pair("promotion")?.value.pair("criteria")?.value.storage {
                criteria = list.compactMap(\.scalarText)
            }
            return ReadLevel(
                id: item.pair("id")?.value.scalarText ?? "?", track: item.pair("track")?.value.scalarText ?? "?",
                grade: item.pair("grade")?.value.scalarText ?? "?", title: item.pair("title")?.value.scalarText ?? "?", criteria: criteria)
        }
    }

    /// The UsageError `body` throws (the test fails when it throws none).
    static func usageError(_ body: () throws -> Void) -> UsageError? {
        do {
            try body()
            Issue.record("expected a usage error, got none")
        } catch let e as UsageError {
            return e
        } catch {
            Issue.record("expected a usage error, got \(error)")
        }
        return nil
    }
}

private typealias S = LadderImportSupport

@Suite struct ImportLadderMatrixTests {
    static let overrides = ["eng-manager=3,senior-em=4", "director=5"]

    @Test func aCompetencyMatrixBecomesALadderWithEverySummaryAsACriterion() throws {
        let yaml = try LadderImporter.convert(try S.fixture("progression.yaml"), file: "progression.yaml")
        let levels = try S.levels(yaml)
        // Grades from the order of `levels`; tracks from ids (-ic, -em) and titles (Manager, Director).
        #expect(levels.map { "\($0.id) \($0.track) \($0.grade)" } == [
            "junior ic 1", "engineer ic 2", "senior ic 3", "staff-ic ic 4", "eng-manager em 5", "senior-em em 6", "director em 7",
        ])
        #expect(levels.map(\.title) == [
            "Junior Engineer", "Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Senior Engineering Manager",
            "Director of Engineering",
        ])
        #expect(levels[1].criteria == [
            "Reasons about trade-offs: speed, cost and risk", "Gives timely feedback to colleagues", "Debugs production issues in their own code",
        ])
        #expect(levels[5].criteria == [])
        #expect(yaml.contains("kind: ladder\nid: progression\nname: Progression\n"))
        #expect(yaml.contains("  - {id: ic, name: Individual contributor, kind: individual-contributor}\n"))
        #expect(yaml.contains("  - {id: em, name: Engineering management, kind: management}\n"))
        // Themes are comments where they change, in source order; the summary is verbatim.
        #expect(yaml.contains("""
                  criteria:
                    # Technical
                    - "Reasons about trade-offs: speed, cost and risk"
                    # communication
                    - Gives timely feedback to colleagues
                    # Technical
                    - Debugs production issues in their own code

            """))
        #expect(yaml.contains("    # Leadership\n        - Runs several teams through their managers\n"))  // `area` read as the theme
    }

    /// Every level item says where it came from, with the line of its item in the source.
    @Test func eachLevelSaysTheLineItCameFrom() throws {
        let yaml = try LadderImporter.convert(try S.fixture("progression.yaml"), file: "data/progression.yaml")
        let source = String(decoding: try S.fixture("progression.yaml"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let items = yaml.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }
        #expect(items.count == 7)
        for item in items {
            let id = String(item.dropFirst("  - id: ".count).prefix { $0 != " " })
            let comment = try #require(item.range(of: "  # from data/progression.yaml line "))
            let line = try #require(Int(item[comment.upperBound...]))
            #expect(source[line - 1].contains("id: \(id)"), "\(id) points at line \(line): \(source[line - 1])")
        }
    }

    @Test func jsonReadsAsTheSameMatrix() throws {
        let fromYAML = try S.levels(try LadderImporter.convert(try S.fixture("progression.yaml"), file: "progression.yaml"))
        let json = try LadderImporter.convert(try S.fixture("progression.json"), file: "progression.json")
        #expect(try S.levels(json) == fromYAML)
        #expect(json.contains("  - id: junior  # from progression.json line 3\n"))
    }

    /// JSON is YAML 1.2's flow syntax, and libyaml reads what JSON writers write: tabs, CRLF, no
    /// space after `:`, escapes, unicode escapes, numbers, booleans, null, nesting, empty values.
    /// All but one: a character outside the BMP escaped as a UTF-16 surrogate pair (Python's
    /// `json.dumps` writes every emoji so), which the importer joins before loading.
    @Test func typicalJSONLoadsWithTheYAMLLoader() throws {
        let json = """
            {"levels":[{"id":"a\\u00e9\\/b","name":"Caf\\u00e9 \\"Lead\\"\\n\\t2"},\r\n\t{"id": "x", "name": "\\u00e9 \\\\ud83d"}],
            \t"n": -1.5e3, "t": true, "f": false, "z": null, "o": {}, "l": [[]], "s": ""}
            """
        let loaded = YAMLLoader().load(Array(json.utf8))
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let levels = try S.levels(try LadderImporter.convert(Array(json.utf8), file: "m.json"))
        #expect(levels.map(\.title) == ["Café \"Lead\"\n\t2", "é \\ud83d"])
        #expect(levels.map(\.id) == ["ae-b", "x"])

        // The pair is joined; an escaped backslash before `ud83d` is text, and stays. The name
        // (no extension) does not say JSON: the first character does.
        let emoji = #"  {"levels": [{"id": "x", "name": "\ud83d\ude00 Emoji \\ud83d"}]}"#
        #expect(YAMLLoader().load(Array(emoji.utf8)).issues.first?.message.contains("invalid Unicode character escape code") == true)
        let joined = try S.levels(try LadderImporter.convert(Array(emoji.utf8), file: "levels"))
        #expect(joined.map(\.title) == [#"😀 Emoji \ud83d"#])
    }

    @Test func theImportLintsLikeTheHandWrittenLadder() throws {
        let yaml = try LadderImporter.convert(try S.fixture("progression.yaml"), file: "progression.yaml", grades: Self.overrides)
        let expected = String(decoding: try S.fixture("expected-progression.yaml"), as: UTF8.self)
        try Self.sameFindings(imported: yaml, expected: expected)
    }

    static func sameFindings(imported: String, expected: String) throws {
        let a = try S.folder(["ladders/ladder.yaml": imported]), b = try S.folder(["ladders/ladder.yaml": expected])
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let ra = S.lint(a), rb = S.lint(b)
        let fa = S.findings(ra), fb = S.findings(rb)
        #expect(fa == fb)
        #expect(ra.exitCode == rb.exitCode)
        // The hand-written ladder is meant to break rules: the comparison is not of two empty lists.
        #expect(fa.contains { $0.hasPrefix("ic-track-ceiling ") })
        #expect(!fa.contains { $0.hasPrefix("invalid-document") || $0.hasPrefix("yaml-syntax") || $0.hasPrefix("unknown-reference") })
    }

    /// A summary on an IC level is read by the text rules as written.
    @Test func aManagementCriterionOnAnICLevelIsFound() throws {
        let yaml = try LadderImporter.convert(try S.fixture("progression.yaml"), file: "progression.yaml", grades: Self.overrides)
        let dir = try S.folder(["ladders/ladder.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = S.findings(S.lint(dir))
        #expect(found.contains { $0.hasPrefix("management-required-for-ic-promotion [senior]") })
        #expect(!found.contains { $0.hasPrefix("management-required-for-ic-promotion [eng-manager]") })
    }

    @Test func themesMayBeAMappingAndLevelsBareStrings() throws {
        let text = """
            levels: [Engineer, Senior Engineer, Engineering Manager]
            themes: {tech: Technical craft}
            competencies:
              - {level: Senior Engineer, theme: tech, summary: Designs systems}
              - {level: Engineering Manager, summary: Hires well}
            """
        let yaml = try LadderImporter.convert(Array(text.utf8), file: "m.yaml")
        let levels = try S.levels(yaml)
        #expect(levels.map(\.id) == ["engineer", "senior-engineer", "engineering-manager"])
        #expect(levels.map(\.track) == ["ic", "ic", "em"])
        #expect(levels[1].criteria == ["Designs systems"])
        #expect(yaml.contains("# Technical craft\n"))
    }
}

@Suite struct ImportLadderTableTests {
    @Test func aMarkdownTableBecomesParallelTracks() throws {
        let yaml = try LadderImporter.convert(try S.fixture("titles.md"), file: "titles.md")
        let levels = try S.levels(yaml)
        #expect(levels.map { "\($0.id) \($0.track) \($0.grade) \($0.title)" } == [
            "ic-1 ic 1 Software Engineer I", "ic-2 ic 2 Software Engineer II", "ic-3 ic 3 Senior Software Engineer",
            "em-3 em 3 Engineering Manager", "em-4 em 4 Senior Engineering Manager", "ic-5 ic 5 Principal Engineer",
            "em-5 em 5 Director of Engineering", "em-6 em 6 VP Engineering",
        ])
        // `# from FILE row N`: the table row's line.
        #expect(yaml.contains("  - id: ic-1  # from titles.md row 8\n"))
        #expect(yaml.contains("  - id: em-6  # from titles.md row 13\n"))
        #expect(yaml.contains("  - id: ic-5  # from titles.md row 12\n"))
    }

    @Test func theImportLintsLikeTheHandWrittenLadder() throws {
        let yaml = try LadderImporter.convert(try S.fixture("titles.md"), file: "titles.md")
        let expected = String(decoding: try S.fixture("expected-titles.yaml"), as: UTF8.self)
        try ImportLadderMatrixTests.sameFindings(imported: yaml, expected: expected)
        let dir = try S.folder(["ladders/ladder.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(S.findings(S.lint(dir)).contains { $0.hasPrefix("missing-parallel-level [em-4]") })
    }

    @Test func withoutAGradeColumnRowsAreNumberedInOrder() throws {
        let text = """
            | IC | Manager | Notes |
            |:---|:---:|---|
            | Engineer | | x |
            | Senior Engineer | Team Lead | |
            | Staff Engineer \\| Architect | Head of Engineering |
            """
        let levels = try S.levels(try LadderImporter.convert(Array(text.utf8), file: "ladder.markdown"))
        #expect(levels.map { "\($0.id) \($0.grade) \($0.title)" } == [
            "ic-1 1 Engineer", "ic-2 2 Senior Engineer", "em-2 2 Team Lead", "ic-3 3 Staff Engineer | Architect", "em-3 3 Head of Engineering",
        ])
    }

    @Test func columnsByPositionAndGradesWithAPrefix() throws {
        // No header is recognised: grade, IC title, manager title by position; `L3` is grade 3.
        let text = "Intro text.\n\n|  | Title A | Title B |\n|---|---|---|\n| L3 | Senior | EM |\n| L4 | Staff | Senior EM |\n"
        let levels = try S.levels(try LadderImporter.convert(Array(text.utf8), file: "notes.txt"))
        #expect(levels.map { "\($0.id) \($0.track) \($0.grade)" } == ["ic-3 ic 3", "em-3 em 3", "ic-4 ic 4", "em-4 em 4"])
    }

    @Test func aTableInACodeBlockIsNotRead() throws {
        let text = "```\n| Grade | IC |\n|---|---|\n| 1 | Fake |\n```\n\n| Grade | IC |\n|---|---|\n| 2 | Real |\n"
        let levels = try S.levels(try LadderImporter.convert(Array(text.utf8), file: "t.md"))
        #expect(levels.map(\.title) == ["Real"])
        #expect(levels.map(\.grade) == ["2"])
    }
}

@Suite struct ImportLadderTrackTests {
    @Test(arguments: [
        ("staff-ic", "Staff Engineering Manager", TrackChoice.ic),  // the id decides first
        ("lead-em", "Lead", .management), ("tpm-pm", "Technical Program Lead", .management),
        (nil, "Engineering Manager", .management), (nil, "Director of Engineering", .management),
        (nil, "Head of Platform", .management), (nil, "Team Lead (People Manager)", .management),
        (nil, "VP Engineering", .management), (nil, "Vice President, Engineering", .management),
        (nil, "engineering manager", .management), (nil, "Senior Engineer", .ic), (nil, "MVP Engineer", .ic),
        (nil, "Headless Systems Engineer", .ic), ("em", "Principal Engineer", .ic),
    ] as [(String?, String, TrackChoice)])
    func tracksFromIdsAndTitles(id: String?, title: String, track: TrackChoice) {
        #expect(ImportLadderPlan.patternTrack(id: id, title: title) == track)
    }

    @Test(arguments: [
        ("Senior Engineer 1", "senior-engineer-1"), ("Ingénieur Principal", "ingenieur-principal"), ("SE_2.b", "se_2.b"),
        ("  --x--  ", "x"), ("日本", ""), ("a: b # c", "a-b-c"),
    ])
    func safeIDs(text: String, id: String) {
        #expect(ImportLadderPlan.safeID(text) == id)
    }

    @Test func overridesSetGradesAndTracks() throws {
        let yaml = try LadderImporter.convert(
            try S.fixture("progression.yaml"), file: "progression.yaml", grades: ["eng-manager=3", "Senior Engineering Manager=4,director=5"],
            tracks: ["director=ic", "senior=shared"])
        let levels = try S.levels(yaml)
        #expect(levels.map { "\($0.id) \($0.track) \($0.grade)" } == [
            "junior ic 1", "engineer ic 2", "senior ic 3", "eng-manager em 3", "staff-ic ic 4", "senior-em em 4", "director ic 5",
        ])
        // A shared level stands on the IC track, with a comment that says so.
        #expect(yaml.contains("""
              - id: senior  # from progression.yaml line 9
                # Shared by both tracks in the source. ladderlint has no shared levels yet: it stands on the
                # IC track until `track: shared` arrives with shared levels.
                track: ic

            """))
    }

    @Test func generatedIdsFollowTheOverrides() throws {
        let yaml = try LadderImporter.convert(try S.fixture("titles.md"), file: "titles.md", grades: ["em-4=7"], tracks: ["ic-5=management", "VP Engineering=ic"])
        let levels = try S.levels(yaml)
        #expect(levels.map { "\($0.id) \($0.track) \($0.grade)" } == [
            "ic-1 ic 1", "ic-2 ic 2", "ic-3 ic 3", "em-3 em 3", "em-5 em 5", "em-5-2 em 5", "ic-6 ic 6", "em-7 em 7",
        ])
    }

    @Test func onlyTracksWithLevelsAreWritten() throws {
        let yaml = try LadderImporter.convert(Array("levels: [{id: a, name: Engineer}]".utf8), file: "m.yaml")
        #expect(yaml.contains("kind: individual-contributor"))
        #expect(!yaml.contains("kind: management"))
    }

    @Test func idAndNameOptions() throws {
        let yaml = try LadderImporter.convert(try S.fixture("titles.md"), file: "x/Our Titles (2025).md")
        #expect(yaml.contains("id: our-titles-2025\nname: Our Titles 2025\n"))
        let given = try LadderImporter.convert(try S.fixture("titles.md"), file: "titles.md", id: "acme eng", name: "Acme: Engineering")
        #expect(given.contains("id: acme eng\nname: \"Acme: Engineering\"\n"))
    }

    @Test(arguments: [
        (["nosuch=3"], [String](), "--grades nosuch=3: expected a level of this file, found no level 'nosuch'"),
        (["junoir=3"], [], "did you mean 'junior'?"),
        (["junior=three"], [], "--grades junior=three: expected a whole number of 0 or more, found 'three'"),
        (["junior=-1"], [], "expected a whole number of 0 or more"),
        (["junior"], [], "--grades junior: expected LEVEL=VALUE"),
        ([], ["junior=boss"], "--track junior=boss: expected ic, management or shared, found 'boss'"),
        ([], ["=ic"], "expected LEVEL=VALUE"),
        ([], ["nobody=ic"], "found no level 'nobody'"),
    ] as [([String], [String], String)])
    func badOverridesAreUsageErrors(grades: [String], tracks: [String], message: String) throws {
        let bytes = try S.fixture("progression.yaml")
        let e = S.usageError { _ = try LadderImporter.convert(bytes, file: "progression.yaml", grades: grades, tracks: tracks) }
        #expect(e?.description.contains(message) == true, "\(e?.description ?? "")")
    }

    @Test func aTitleTwoLevelsShareIsAmbiguous() throws {
        let text = "| Grade | IC | Manager |\n|---|---|---|\n| 3 | Lead | Lead |\n"
        let e = S.usageError { _ = try LadderImporter.convert(Array(text.utf8), file: "t.md", tracks: ["Lead=shared"]) }
        #expect(e?.description.contains("found 2 levels with this title (ic-3, em-3): name the level by its id") == true, "\(e?.description ?? "")")
    }
}

@Suite struct ImportLadderHostileTests {
    static let titles = [
        "Staff: Platform", "Lead # of team", "Two\nlines", "bidi\u{202E}reversed", "zero\u{200B}width", "- dash", "&anchor",
        "*alias", "!tag", "{a: b}", "[x]", "null", "~", "true", "no", "0x1F", "1e3", "'single'", "\"double\"", "| pipe", "> folded",
        "%YAML 1.2", "@at", "`tick", "trailing ", " leading", "tab\there", "---", "...", "? key", "\u{1B}[31mred", "back\\slash",
        "\u{FEFF}bom", "\u{7F}del", "\u{85}nel", "\u{2028}ls", "ok",
    ]

    /// Every hostile text round-trips as the same text, as a title and as a criterion, and the
    /// written file is still one ladder document that lints without an input problem.
    @Test func hostileTitlesAndSummariesRoundTrip() throws {
        var json = "{\"levels\": ["
        json += Self.titles.enumerated().map { i, t in "{\"id\": \"l\(i)\", \"name\": \(Self.jsonString(t))}" }.joined(separator: ", ")
        json += "], \"competencies\": ["
        json += Self.titles.enumerated().map { i, t in "{\"level\": \"l\(i)\", \"theme\": \(Self.jsonString(t)), \"summary\": \(Self.jsonString(t))}" }
            .joined(separator: ", ")
        json += "]}"
        let yaml = try LadderImporter.convert(Array(json.utf8), file: "evil\n# name\u{202E}.json")
        let levels = try S.levels(yaml)
        #expect(levels.map(\.title) == Self.titles)
        #expect(levels.map(\.criteria) == Self.titles.map { [$0] })
        // Comments stay comments: no line of the output starts a key or item the writer did not write.
        for line in yaml.split(separator: "\n") {
            let t = line.drop { $0 == " " }
            #expect(
                t.hasPrefix("#") || t.hasPrefix("- ") || t.hasPrefix("kind:") || t.hasPrefix("id:") || t.hasPrefix("name:")
                    || t.hasPrefix("tracks:") || t.hasPrefix("levels:") || t.hasPrefix("track:") || t.hasPrefix("grade:")
                    || t.hasPrefix("title:") || t.hasPrefix("promotion:") || t.hasPrefix("criteria:"), "\(line)")
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E || $0.value == 0x2028 }, "\(line)")
        }
        let dir = try S.folder(["ladders/ladder.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = S.findings(S.lint(dir))
        #expect(!found.contains { $0.hasPrefix("invalid-document") || $0.hasPrefix("yaml-syntax") || $0.hasPrefix("duplicate-id") }, "\(found)")
    }

    @Test func hostileMarkdownCellsRoundTrip() throws {
        let cells = ["Staff: Platform", "Lead # of team", "bidi\u{202E}x", "&a *b !c", "{a: b}", "null"]
        var text = "| Grade | IC | Manager |\n|---|---|---|\n"
        for (i, c) in cells.enumerated() { text += "| \(i + 1) | \(c) | |\n" }
        let levels = try S.levels(try LadderImporter.convert(Array(text.utf8), file: "t.md"))
        #expect(levels.map(\.title) == cells)
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

@Suite struct ImportLadderErrorTests {
    static func error(_ text: String, file: String = "in.yaml", grades: [String] = []) -> String {
        S.usageError { _ = try LadderImporter.convert(Array(text.utf8), file: file, grades: grades) }?.description ?? ""
    }

    @Test func notYAMLOrJSON() {
        let e = Self.error("levels: [a, b\nthemes: [\n", file: "m.json")
        #expect(e.hasPrefix("m.json:"))
        #expect(e.contains("expected a competency matrix in YAML or JSON (or a Markdown table in a .md file), found text that is not valid YAML or JSON"))
    }

    @Test func noLevels() {
        #expect(Self.error("themes: [a]\ncompetencies: []\n") == "in.yaml:1:1: expected a 'levels' list (the levels, lowest first), found a mapping with the keys 'themes', 'competencies': add 'levels: [{id, name}, ...]'")
        #expect(Self.error("[1, 2]\n").hasPrefix("in.yaml:1:1: expected a competency matrix (a mapping with 'levels', 'themes' and 'competencies'), found a list"))
        #expect(Self.error("levels: []\n").hasPrefix("in.yaml:1:1: levels: expected at least one level, found none"))
        #expect(Self.error("levels: {a: 1}\n").hasPrefix("in.yaml:1:1: levels: expected a list of levels, found a mapping"))
        #expect(Self.error("").hasPrefix("in.yaml:1:1: expected a competency matrix with a 'levels' list, found an empty file"))
    }

    @Test func aCompetencyNamingAnUnknownLevel() {
        let text = "levels:\n  - {id: junior, name: Junior}\n  - {id: senior, name: Senior}\ncompetencies:\n  - {level: junoir, summary: x}\n"
        #expect(Self.error(text) == "in.yaml:5:13: competencies[0].level: expected the id of one of the levels, found 'junoir': did you mean 'junior'? Known levels: junior, senior; correct the id or add the level to 'levels'")
    }

    @Test func levelAndCompetencyShapes() {
        #expect(Self.error("levels:\n  - {id: a}\n  - {id: a, name: B}\n") == "in.yaml:3:10: levels[1].id: expected ids that differ, found 'a' again (first at line 2): give this level its own id")
        #expect(Self.error("levels:\n  - {summary: x}\n").hasPrefix("in.yaml:2:5: levels[0]: expected a level with an 'id' or a 'name', found neither"))
        #expect(Self.error("levels: [a]\ncompetencies:\n  - {summary: x}\n").hasPrefix("in.yaml:3:5: competencies[0]: expected a 'level' naming one of the levels, found none"))
        #expect(Self.error("levels: [a]\ncompetencies:\n  - {level: a}\n").hasPrefix("in.yaml:3:5: competencies[0]: expected a 'summary' (the competency in words), found none"))
        #expect(Self.error("levels: [a]\ncompetencies: [x]\n").hasPrefix("in.yaml:2:16: competencies[0]: expected a competency ({level, theme, summary}), found the string \"x\""))
        #expect(Self.error("levels: [[a]]\n").hasPrefix("in.yaml:1:10: levels[0]: expected a level ({id, name}), found a list"))
        #expect(Self.error("levels: [{id: a, name: [x]}]\n").hasPrefix("in.yaml:1:24: levels[0].name: expected text, found a list"))
    }

    @Test func tableErrorsPointAtTheCell() {
        #expect(Self.error("# T\n\n| Grade |\n|---|\n| 1 |\n", file: "t.md") == "t.md:3:3: expected a table with a grade column and IC and manager title columns, found 1 column: write '| grade | IC title | manager title |'")
        #expect(Self.error("| Grade | IC | Manager |\n|---|---|---|\n| 1 | A | |\n| two | B | |\n", file: "t.md") == "t.md:4:3: expected a grade number (e.g. 5 or L5), found 'two': write the grade as a whole number")
        #expect(Self.error("| Grade | IC | Manager |\n|---|---|---|\n| 1 | A | |\n|  | B | |\n", file: "t.md").hasPrefix("t.md:4:2: expected a grade number in this row, as in the other rows, found an empty cell"))
        #expect(Self.error("No table here.\n", file: "t.md").hasPrefix("t.md: expected a Markdown table (a header row '| grade | IC title | manager title |' and a '|---|' row)"))
        #expect(Self.error("| Grade | IC | Manager |\n|---|---|---|\n| 1 | | |\n", file: "t.md").hasPrefix("t.md:1:1: expected rows with at least one title, found none"))
    }

    @Test func inputTextInErrorsIsEscaped() {
        let e = Self.error("levels: [a]\ncompetencies:\n  - {level: \"\\e[31mx\\u202E\", summary: s}\n")
        #expect(e.contains("found '\\e[31mx\\u{202E}'"), "\(e)")
        #expect(!e.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        let named = S.usageError { _ = try LadderImporter.convert(Array("x".utf8), file: "bad\u{1B}]0;title\u{7}.yaml") }?.description ?? ""
        #expect(!named.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(named)")
    }

    @Test func tooBigOrTooDeep() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024 + 1)
        #expect(S.usageError { _ = try LadderImporter.convert(big, file: "t.md") }?.description == "t.md: expected a ladder of at most 10485760 bytes, found 10485761 bytes: is this the right file?")
        let deep = "levels: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(Self.error(deep).contains("nesting deeper than 256 levels"))
    }

    @Test func notUTF8() {
        #expect(S.usageError { _ = try LadderImporter.convert([0x6C, 0xFF, 0xFE], file: "m.yaml") }?.description == "m.yaml: expected UTF-8 text (YAML, JSON or Markdown), found bytes that are not UTF-8: save the file as UTF-8")
    }
}

@Suite struct ImportLadderOutputTests {
    @Test func stdoutWithoutOutputAndAFileWithIt() throws {
        let dir = try S.folder(["titles.md": String(decoding: try S.fixture("titles.md"), as: UTF8.self)])
        defer { try? FileManager.default.removeItem(at: dir) }
        var request = LadderImporter.Request(input: "titles.md", workingDirectory: dir.path)
        let toStdout = LadderImporter.run(request)
        #expect(toStdout.exitCode == 0)
        #expect(toStdout.stdout.hasPrefix("# Written by `ladderlint import ladder` from titles.md (a Markdown table)."))
        // The missing folder ladders/ is created (issue 18.10 follow-up; Issue18ImportOutputFolderTests).
        request.output = "ladders/ladder.yaml"
        let written = LadderImporter.run(request)
        #expect(written.exitCode == 0, "\(written.stderr)")
        #expect(written.stdout == "wrote ladders/ladder.yaml: 4 IC and 4 management levels; check the grades and tracks, then run: ladderlint lint ladders/ladder.yaml\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("ladders/ladder.yaml"), encoding: .utf8) == toStdout.stdout)
    }

    @Test func neverOverAnExistingFileWithoutForce() throws {
        let old = "kind: ladder # mine, keep it\n"
        let dir = try S.folder(["titles.md": String(decoding: try S.fixture("titles.md"), as: UTF8.self), "ladder.yaml": old])
        defer { try? FileManager.default.removeItem(at: dir) }
        var request = LadderImporter.Request(input: "titles.md", workingDirectory: dir.path)
        request.output = "ladder.yaml"
        let refused = LadderImporter.run(request)
        #expect(refused.exitCode == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "ladderlint: ladder.yaml: this file exists and was left as it is: give another path with -o, or add --force to replace it\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("ladder.yaml")) == Data(old.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["ladder.yaml", "titles.md"])
        request.force = true
        #expect(LadderImporter.run(request).exitCode == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("ladder.yaml"), encoding: .utf8).contains("id: em-6"))
    }

    @Test func theInputIsNeverTheOutput() throws {
        let text = String(decoding: try S.fixture("titles.md"), as: UTF8.self)
        let dir = try S.folder(["titles.md": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        var request = LadderImporter.Request(input: "titles.md", workingDirectory: dir.path)
        request.output = "./titles.md"
        request.force = true
        let result = LadderImporter.run(request)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "ladderlint: ./titles.md: expected a new file for the output, found the input itself: give another path with -o\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("titles.md"), encoding: .utf8) == text)
    }

    @Test func aMissingInput() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = LadderImporter.run(LadderImporter.Request(input: "nope.yaml", workingDirectory: dir.path))
        #expect(result.exitCode == 2)
        #expect(result.stderr == "ladderlint: nope.yaml: cannot read this file: it does not exist; check the path\n")
    }
}
