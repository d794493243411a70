import Foundation
import LadderCSV
import LadderDriver
@testable import LadderImport
import LadderModel
import LadderRules
import Testing

/// `ladderlint import survey`: counts from a realistic export, roles, scales, dates, the
/// small-group rule (primary and complementary), what the output never holds, files never
/// overwritten, and that the output lints as a hand-written survey does.
@Suite struct ImportSurveyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import/survey")
    static let export = "realistic-export.csv"

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The realistic export's options: the one unmapped role skipped, the free-text column left out.
    static func realisticOptions() -> SurveyImport.Options {
        var o = SurveyImport.Options(ladder: "acme-eng")
        o.roles = [("Prefer not to say", .skip)]
        o.questions = [("G", nil)]
        return o
    }

    static func realistic() throws -> SurveyImport.Result {
        try SurveyImport.aggregate(try fixture(export), file: export, options: realisticOptions())
    }

    /// The surveys a YAML text holds, read as `lint` reads them.
    static func surveys(_ yaml: String) -> (surveys: [Survey], findings: [Finding]) {
        let file = Inputs.inMemory([("out.yaml", Array(yaml.utf8))], workingDirectory: "/").files[0]
        let loaded = FileLoader(limits: .default).load(file)
        let surveys = loaded.documents.compactMap { d -> Survey? in
            if case .survey(let s) = d { return s }
            return nil
        }
        return (surveys, loaded.findings)
    }

    /// `[audience: [question: (respondents, agree)]]` of the written figures.
    static func figures(_ yaml: String) -> [String: [String: [Int]]] {
        var out: [String: [String: [Int]]] = [:]
        for s in surveys(yaml).surveys {
            for q in s.questions {
                guard let (n, a) = q.counts else { continue }
                out[q.audience ?? "everyone", default: [:]][q.id.value] = [n.value, a.value]
            }
        }
        return out
    }

    /// `[audience: [question]]` of the questions written `withheld: true`, in file order.
    static func withheldEntries(_ yaml: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for s in surveys(yaml).surveys {
            for q in s.questions where q.counts == nil && q.withheld?.value == true {
                out[q.audience ?? "everyone", default: []].append(q.id.value)
            }
        }
        return out
    }

    static func csv(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    static func error(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    static let growth = "i-can-grow-my-career-here-without-managing-people"

    // MARK: counts

    @Test func theRealisticExportIsWhatItClaimsToBe() throws {
        let bytes = try Self.fixture(Self.export)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte order mark")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\n"), "CRLF line ends")
        #expect(text.contains("tell us?\n(optional)\""), "a header with a line break")
        #expect(text.contains("\"Staff+ roles feel\nreal now, thanks\""), "an answer with a line break")
        #expect(text.contains("\"I like it here, mostly.\""), "an answer with a comma")
    }

    @Test func realisticExportCounts() throws {
        let r = try Self.realistic()
        #expect(r.respondents == 18)
        #expect(r.conducted == Day("2026-03-15"))
        let (surveys, findings) = Self.surveys(r.yaml)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(surveys.count == 3)
        #expect(surveys.allSatisfy { $0.anonymous.value && $0.ladder.value == "acme-eng" && $0.conducted.value == Day("2026-03-15") })
        // Counted by hand in hand-written.yaml: a blank answer and "N/A" leave the respondent out.
        #expect(Self.figures(r.yaml) == [
            "individual-contributor": ["seat-at-the-table": [10, 3], Self.growth: [10, 7]],
            "management": [Self.growth: [5, 3]],
        ])
        // Documents in audience order, questions in the file's order; the withheld figures
        // as `withheld: true` entries (issue 21.5).
        #expect(surveys.map { $0.questions.map(\.id.value) } == [["seat-at-the-table", Self.growth], ["return-status-loss", Self.growth], [Self.growth]])
        #expect(Self.withheldEntries(r.yaml) == ["management": ["return-status-loss"], "tech-lead": [Self.growth]])
    }

    @Test func theHeaderCommentAndProvenance() throws {
        let lines = try Self.realistic().yaml.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# imported from realistic-export.csv by ladderlint import survey: 18 respondents, aggregated; groups under 5 withheld")
        #expect(lines[1] == "# conducted: the latest date in realistic-export.csv column A")
        #expect(lines.contains("  # from realistic-export.csv column F: \"I can grow my career here, without managing people\""))
        #expect(lines.filter { $0.hasPrefix("  # from realistic-export.csv column D: \"Do you feel you need to become a manager") }.count == 3)
    }

    // MARK: withheld

    /// A small group is written as asked with its figures withheld: a comment saying why and a
    /// `withheld: true` entry without counts, so that survey-return-intent reads the managers as
    /// asked (issue 21.5).
    @Test func smallGroupsAreWithheldEntriesWithoutCounts() throws {
        let yaml = try Self.realistic().yaml
        let lines = yaml.split(separator: "\n").map(String.init)
        let withheld = lines.filter { $0.contains("withheld:") }
        #expect(withheld == [
            "  # withheld: return-status-loss for management: fewer than 5 respondents",
            "    withheld: true",
            "  # withheld: \(Self.growth) for tech-lead: fewer than 5 respondents",
            "    withheld: true",
        ])
        let at = try #require(lines.firstIndex(of: "  # withheld: return-status-loss for management: fewer than 5 respondents"))
        #expect(Array(lines[(at + 1)...(at + 3)]) == ["  - id: return-status-loss", "    audience: management", "    withheld: true"])
        // No count of a withheld group anywhere: the managers' 4 and 2, the tech leads' 2 and 1.
        #expect(!lines.contains { $0.hasPrefix("    respondents: ") && ["4", "2"].contains($0.dropFirst(17)) }, "\(yaml)")
        // The rules read seat-at-the-table as engineers' answers and return-status-loss as
        // managers': other audiences' answers to them are not written.
        #expect(lines.contains("  # not written: seat-at-the-table for management: the rules read every figure of seat-at-the-table as engineers' answers"))
        #expect(lines.contains("  # not written: return-status-loss for individual-contributor: the rules read every figure of return-status-loss as managers' answers"))
        #expect(!Self.figures(yaml).keys.contains("tech-lead"))
        #expect(Self.figures(yaml)["management"]?["return-status-loss"] == nil)
    }

    /// No cell of the identity columns (timestamp, email), the role column or the free-text
    /// column appears anywhere in the output, comments included.
    @Test func theOutputHoldsNoIdentityNoRoleAndNoFreeText() throws {
        let yaml = try Self.realistic().yaml
        let table = CSVReader().read(try Self.fixture(Self.export))
        var checked = 0
        for record in table.records.dropFirst() {
            for column in [0, 1, 2, 6] where column < record.cells.count {
                let text = record.cells[column].text
                guard !text.isEmpty else { continue }
                #expect(!yaml.contains(text), "\(text)")
                for line in text.split(separator: "\n") { #expect(!yaml.contains(line), "\(line)") }
                checked += 1
            }
        }
        #expect(checked == 19 * 3 + 5)
        #expect(!yaml.contains("@"))
        #expect(!yaml.contains("example.com"))
    }

    /// Headers and the file name reach comments only, one line each: a header cannot become
    /// YAML structure, and a control or bidi character is not written.
    @Test func hostileHeadersStayInTheirComments() throws {
        let header = "Role,\"Q\n---\nkind: ladder\nid: evil # \u{202E}x\",\"seat at the table\r\n- {id: x, respondents: 1, agree: 1}\""
        var o = SurveyImport.Options(ladder: "acme: eng")
        o.conducted = Day("2026-01-01")
        let r = try SurveyImport.aggregate(Self.csv([header] + Array(repeating: "Engineer,Agree,Agree", count: 5)), file: "a\nb.csv", options: o)
        let (surveys, findings) = Self.surveys(r.yaml)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(surveys.count == 1 && surveys[0].ladder.value == "acme: eng")
        #expect(surveys[0].questions.map(\.id.value) == ["q-kind-ladder-id-evil-x", "seat-at-the-table"])
        #expect(!r.yaml.contains("\u{202E}"))
        let shapes = ["# ", "  # ", "kind: survey", "ladder: ", "conducted: ", "anonymous: true", "questions:", "  - id: ", "    audience: ", "    respondents: ", "    agree: ", "---"]
        for line in r.yaml.split(separator: "\n") { #expect(shapes.contains { line.hasPrefix($0) }, "\(line)") }
    }

    @Test func aSmallerMinGroupWritesMoreAndSaysSo() throws {
        var o = Self.realisticOptions()
        o.minGroup = 2
        let r = try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o)
        #expect(r.yaml.hasPrefix("# imported from realistic-export.csv by ladderlint import survey: 18 respondents, aggregated; groups under 2 withheld\n"))
        #expect(Self.figures(r.yaml)["management"]?["return-status-loss"] == [4, 2])
        #expect(Self.figures(r.yaml)["tech-lead"]?[Self.growth] == [2, 1])
        #expect(!r.yaml.contains("withheld:"))
    }

    /// Complementary suppression: 8 engineers answered last year, 10 this year; the difference
    /// is two people's answers, so this year's figure is withheld (as lint would withhold it).
    @Test func aFigureThatGivesAGroupAwayNextToAnEarlierSurveyIsWithheld() throws {
        var o = Self.realisticOptions()
        o.earlier = [SurveySuppression.Cell(question: "seat-at-the-table", conducted: Day("2025-03-10")!, audience: "individual-contributor", respondents: 8, agree: 1)]
        let yaml = try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o).yaml
        #expect(yaml.contains("  # withheld: seat-at-the-table for individual-contributor: with an earlier survey's figure it would give the answers of fewer than 5 people away\n  - id: seat-at-the-table\n    audience: individual-contributor\n    withheld: true\n"))
        #expect(Self.withheldEntries(yaml)["individual-contributor"] == ["seat-at-the-table"])
        #expect(Self.figures(yaml)["individual-contributor"] == [Self.growth: [10, 7]])
        // 30 last year: the difference is 20 people, nothing is given away.
        o.earlier[0].respondents = 30
        let kept = try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o).yaml
        #expect(Self.figures(kept)["individual-contributor"]?["seat-at-the-table"] == [10, 3])
        // The same figure from another audience of last year relates to nothing.
        o.earlier[0] = SurveySuppression.Cell(question: "seat-at-the-table", conducted: Day("2025-03-10")!, audience: "management", respondents: 8, agree: 1)
        let other = try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o).yaml
        #expect(Self.figures(other)["individual-contributor"]?["seat-at-the-table"] == [10, 3])
    }

    /// --previous reads the earlier surveys from ladder files, and leaves out the file the
    /// import writes (a re-import with --force would otherwise withhold everything).
    @Test func previousSurveysComeFromLadderFiles() throws {
        let dir = try SurveyTempFolder()
        try dir.write("export.csv", try Self.fixture(Self.export))
        try dir.write("ladders/survey-2025.yaml", Array("""
            kind: survey
            ladder: acme-eng
            conducted: 2025-03-10
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 12, agree: 1}
            ---
            kind: survey
            ladder: another-ladder
            conducted: 2025-03-10
            anonymous: true
            questions:
              - {id: \(Self.growth), audience: individual-contributor, respondents: 30, agree: 1}

            """.utf8))
        var a = SurveyImport.Arguments(file: "export.csv", ladder: "acme-eng")
        a.roles = ["Prefer not to say=skip"]
        a.questions = ["G=skip"]
        a.previous = ["ladders"]
        a.output = "ladders/survey-2026.yaml"
        let first = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let written = try dir.text("ladders/survey-2026.yaml")
        #expect(written.contains("# withheld: seat-at-the-table for individual-contributor: with an earlier survey's figure"))
        #expect(Self.withheldEntries(written)["individual-contributor"] == ["seat-at-the-table"])
        // Another ladder's survey is no earlier figure of this one.
        #expect(Self.figures(written)["individual-contributor"]?[Self.growth] == [10, 7])
        a.force = true
        let again = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(try dir.text("ladders/survey-2026.yaml") == written)
        // A broken earlier file is an error: its surveys could be the ones given away.
        try dir.write("ladders/broken.yaml", Array("kind: survey\nladder: acme-eng\nconducted: 2025-13-01\nanonymous: true\n".utf8))
        let broken = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(broken.exitCode == 2)
        #expect(broken.stderr.hasPrefix("ladderlint: ladders/broken.yaml:3:12: --previous: "), "\(broken.stderr)")
    }

    // MARK: lint

    /// The import lints exactly as the same figures written by hand do, beside the ladder.
    @Test func theOutputLintsLikeTheHandWrittenSurvey() throws {
        let rules = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
        let settings = Settings(configuration: Configuration(directory: Self.folder.path), rules: rules, today: Day("2026-11-21")!)
        let linter = Linter(settings: settings, workingDirectory: Self.folder.path)
        let ladder = try Self.fixture("ladder.yaml")
        func findings(_ survey: [UInt8]) -> [String] {
            linter.lint([("ladder.yaml", ladder), ("survey.yaml", survey)]).findings.map { "\($0.rule) \($0.severity) \($0.message)" }
        }
        let imported = findings(Array(try Self.realistic().yaml.utf8))
        let handWritten = findings(try Self.fixture("hand-written.yaml"))
        #expect(imported == handWritten)
        #expect(imported.contains { $0.hasPrefix("survey-seat-at-the-table warning 3 of 10 engineers (30%)") }, "\(imported)")
        // The managers' return-status-loss is withheld, not left out: they were asked (issue 21.5).
        for rule in ["invalid-document", "yaml-syntax", "duplicate-id", "unknown-reference", "survey-small-group", "survey-missing", "survey-return-intent"] {
            #expect(!imported.contains { $0.hasPrefix(rule + " ") }, "\(rule): \(imported)")
        }
    }

    // MARK: roles

    @Test(arguments: [
        ("Software Engineer", "individual-contributor"), ("Senior Backend Developer", "individual-contributor"),
        ("Staff", "individual-contributor"), ("Principal", "individual-contributor"), ("IC", "individual-contributor"),
        ("Individual Contributor", "individual-contributor"), ("Engineering Manager", "management"),
        ("Director of Engineering", "management"), ("Head of Platform", "management"), ("VP Engineering", "management"),
        ("Lead of people", "management"), ("Management", "management"), ("Tech Lead", "tech-lead"),
        ("tech-lead", "tech-lead"), ("Technical Lead, Payments", "tech-lead"), ("Senior Engineer / Tech Lead", "tech-lead"),
        ("Tech Lead Manager", nil), ("Team lead", nil), ("Not a manager", nil), ("Non-manager", nil),
        ("Prefer not to say", nil), ("Designer", nil), ("", nil),
    ] as [(String, String?)])
    func rolePatterns(value: String, audience: String?) {
        #expect(SurveyImport.audience(forRole: SurveyImport.normalize(value))?.rawValue == audience, "\(value)")
    }

    @Test func unmappedRolesAreAnErrorListingThemAndTheFix() throws {
        var o = Self.realisticOptions()
        o.roles = []
        let message = Self.error { try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o) }
        #expect(message == #"realistic-export.csv:23:42: column C ("What is your role?"): 1 role maps to no audience: "Prefer not to say"; map each with --role VALUE=AUDIENCE, e.g. --role "Prefer not to say=AUDIENCE", where AUDIENCE is individual-contributor, management, tech-lead, or skip to leave those rows out of every count"#)
        let bytes = Self.csv(["Role,Q", "Engineer,Agree", ",Agree", "Contractor,Agree", "Contractor,Agree", "Tech Lead Manager,Agree"])
        let many = Self.error { try SurveyImport.aggregate(bytes, file: "s.csv", options: SurveyImport.Options(ladder: "x")) } ?? ""
        #expect(many.hasPrefix(#"s.csv:3:1: column A ("Role"): 3 roles map to no audience: (blank), "Contractor", "Tech Lead Manager"; map each with --role VALUE=AUDIENCE, e.g. --role '=skip' (an empty VALUE is a blank cell)"#), "\(many)")
    }

    @Test func roleOverridesWinAndSkipLeavesRowsOut() throws {
        let bytes = Self.csv(["Track,Q"] + Array(repeating: "Engineering,Agree", count: 5) + Array(repeating: "Tech Lead,Disagree", count: 5) + ["Contractor,Agree"])
        var o = SurveyImport.Options(ladder: "x", minGroup: 1)
        o.conducted = Day("2026-01-01")
        o.roles = [("tech lead", .audience(.individualContributor)), ("CONTRACTOR", .skip), ("Intern", .skip)]
        let r = try SurveyImport.aggregate(bytes, file: "s.csv", options: o)
        #expect(Self.figures(r.yaml) == ["individual-contributor": ["q": [10, 5]]])
        #expect(r.respondents == 10)
        #expect(r.notes.contains("--role 'Intern': no respondent has this role in s.csv (roles are compared ignoring case and spacing)"))
        // Given twice, two ways: an error.
        o.roles.append(("Tech lead", .audience(.management)))
        #expect(Self.error { try SurveyImport.aggregate(bytes, file: "s.csv", options: o) } == "--role 'Tech lead': given twice, as individual-contributor and as management; give it once")
    }

    @Test func areYouAManagerReadsYesAndNo() throws {
        let rows = Array(repeating: "Yes,Agree", count: 5) + Array(repeating: "No,Disagree", count: 6)
        var o = SurveyImport.Options(ladder: "x")
        o.conducted = Day("2026-01-01")
        let r = try SurveyImport.aggregate(Self.csv(["Are you a manager?,Career growth"] + rows), file: "s.csv", options: o)
        #expect(Self.figures(r.yaml) == ["individual-contributor": ["career-growth": [6, 0]], "management": ["career-growth": [5, 5]]])
    }

    @Test func theRoleColumnIsFoundOrAskedFor() throws {
        var o = SurveyImport.Options(ladder: "x")
        o.conducted = Day("2026-01-01")
        let none = Self.error { try SurveyImport.aggregate(Self.csv(["Team,Q", "Engineer,Agree"]), file: "s.csv", options: o) } ?? ""
        #expect(none.hasPrefix("s.csv:1:1: no column says who answered"), "\(none)")
        #expect(none.contains("--role-column"))
        let two = Self.error { try SurveyImport.aggregate(Self.csv(["Role,Track,Q", "Engineer,Eng,Agree"]), file: "s.csv", options: o) } ?? ""
        #expect(two.hasPrefix(#"s.csv:1:6: several columns could say who answered: A ("Role"), B ("Track"); choose one with --role-column A"#), "\(two)")
        o.roleColumn = "what do you do"
        let bytes = Self.csv(["What do you do here?,Q"] + Array(repeating: "Engineer,Agree", count: 5))
        #expect(Self.figures(try SurveyImport.aggregate(bytes, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [5, 5]]])
    }

    // MARK: scales

    @Test func numericScalesAgreeAboveTheMiddle() throws {
        var o = SurveyImport.Options(ladder: "x", minGroup: 1)
        o.conducted = Day("2026-01-01")
        o.scale = try SurveyImport.Scale.parse("1-5")
        let five = Self.csv(["Role,Q"] + (1...5).map { "Engineer,\($0)" } + ["Engineer,", "Engineer, 5 "])
        #expect(Self.figures(try SurveyImport.aggregate(five, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [6, 3]]])
        o.scale = try SurveyImport.Scale.parse("1-7")
        let seven = Self.csv(["Role,Q"] + (1...7).map { "Engineer,\($0)" })
        #expect(Self.figures(try SurveyImport.aggregate(seven, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [7, 3]]])
        o.scale = try SurveyImport.Scale.parse("0-10")
        let eleven = Self.csv(["Role,Q"] + (0...10).map { "Engineer,\($0)" })
        #expect(Self.figures(try SurveyImport.aggregate(eleven, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [11, 5]]])
        o.scale = try SurveyImport.Scale.parse("1-5")
        o.agree = ["5"]
        #expect(Self.figures(try SurveyImport.aggregate(five, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [6, 2]]])
        // Off the scale: the cell, never its text.
        let six = Self.csv(["Role,Q", "Engineer,4", "Engineer,6"])
        let message = Self.error { try SurveyImport.aggregate(six, file: "s.csv", options: o) } ?? ""
        #expect(message.hasPrefix(#"s.csv:3:10: column B ("Q"): this answer is not on the scale; accepted: 1 to 5, "#), "\(message)")
    }

    @Test func numbersWithoutAScaleAskForOne() throws {
        var o = SurveyImport.Options(ladder: "x")
        o.conducted = Day("2026-01-01")
        let message = Self.error { try SurveyImport.aggregate(Self.csv(["Role,Q,R", "Engineer,Agree,3", "Engineer,Agree,4"]), file: "s.csv", options: o) } ?? ""
        #expect(message.hasPrefix(#"s.csv:2:16: column C ("R"): this answer is a number, and no numeric scale is given: give it with --scale, e.g. --scale 1-5"#), "\(message)")
    }

    @Test func textScalesYesNoAndAgreeLists() throws {
        var o = SurveyImport.Options(ladder: "x", minGroup: 1)
        o.conducted = Day("2026-01-01")
        let answers = ["Strongly agree", "agree", "Somewhat Agree", "Neither agree nor disagree", "Neutral", "Disagree", "STRONGLY DISAGREE", "Yes", "No", "N/A", "Prefer not to say", "  "]
        let bytes = Self.csv(["Role,Q"] + answers.map { "Engineer,\($0)" })
        #expect(Self.figures(try SurveyImport.aggregate(bytes, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [9, 4]]])
        o.agree = ["Strongly agree"]
        #expect(Self.figures(try SurveyImport.aggregate(bytes, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [9, 1]]])
        // A scale of one's own, lowest first: the upper half agrees.
        o.agree = nil
        o.scale = try SurveyImport.Scale.parse("Never, Rarely, Sometimes, Often, Always")
        let own = Self.csv(["Role,Q"] + ["Never", "Rarely", "Sometimes", "Often", "always"].map { "Engineer,\($0)" })
        #expect(Self.figures(try SurveyImport.aggregate(own, file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [5, 2]]])
    }

    /// A free-text column stops the import at its first answer, which is not quoted.
    @Test func anAnswerOffTheScaleNamesItsCellAndNotItsText() throws {
        var o = Self.realisticOptions()
        o.questions = []
        let message = Self.error { try SurveyImport.aggregate(try Self.fixture(Self.export), file: Self.export, options: o) } ?? ""
        #expect(message.hasPrefix(#"realistic-export.csv:3:74: column G ("Anything else you'd like to tell us? (optional)"): this answer is not on the scale (4 answers of this column are not); accepted: "#), "\(message)")
        #expect(message.hasSuffix("or leave out a column that is not a scale question (free text) with --question G=skip"))
        #expect(!message.contains("I like it here"))
    }

    @Test func scaleArgumentsAreChecked() {
        #expect(Self.error { try SurveyImport.Scale.parse("5-1") }?.hasPrefix("--scale '5-1': expected the lowest and highest point") == true)
        #expect(Self.error { try SurveyImport.Scale.parse("Yes") }?.hasPrefix("--scale 'Yes': expected") == true)
        #expect(Self.error { try SurveyImport.Scale.parse("a,A") }?.hasPrefix("--scale 'a,A': expected at least two different answers") == true)
        #expect(Self.error { try SurveyImport.AnswerScale(scale: nil, agree: ["4"]) }?.hasPrefix("--agree '4': a number that agrees must be a point of a numeric --scale") == true)
    }

    // MARK: columns

    @Test func questionsAreNamedByHeaderLeadingWordsOrLetter() throws {
        let header = "Timestamp,Your role,\"Do managers hear you more than engineers, in practice?\",Q2,Pulse score (1-5),Respondent ID,Team"
        let rows = Array(repeating: "2026-03-01,Engineer,Agree,Agree,Agree,r-1,Core", count: 5)
        var o = SurveyImport.Options(ladder: "x")
        o.questions = [("do managers hear you", "heard"), ("d", "q-two"), ("Pulse score (1-5)", nil)]
        let r = try SurveyImport.aggregate(Self.csv([header] + rows), file: "s.csv", options: o)
        #expect(Self.figures(r.yaml) == ["individual-contributor": ["heard": [5, 5], "q-two": [5, 5]]])
        #expect(r.notes.first == #"s.csv: columns A ("Timestamp"), F ("Respondent ID"), G ("Team") read as identity or metadata and left out of the counts (timestamps are read for the date only); count one as a question with --question COLUMN=ID"#)
        o.questions = [("Zed", "x")]
        #expect(Self.error { try SurveyImport.aggregate(Self.csv([header] + rows), file: "s.csv", options: o) } == #"s.csv: --question 'Zed': no column has this header or letter; the columns are A ("Timestamp"), B ("Your role"), C ("Do managers hear you more than engineers, in practice?"), D ("Q2"), E ("Pulse score (1-5)"), F ("Respondent ID"), G ("Team")"#)
        // A leading part that two headers share names neither.
        o.questions = [("Pulse", "x"), ("Do", "y")]
        let header2 = header.replacingOccurrences(of: "Q2", with: "Pulse check")
        #expect(Self.error { try SurveyImport.aggregate(Self.csv([header2] + rows), file: "s.csv", options: o) } == "--question 'Pulse': 2 headers start this way (D, E): give more of the header, or the column's letter")
    }

    @Test func columnProblems() throws {
        var o = SurveyImport.Options(ladder: "x")
        o.conducted = Day("2026-01-01")
        func message(_ lines: [String]) -> String { Self.error { try SurveyImport.aggregate(Self.csv(lines), file: "s.csv", options: o) } ?? "" }
        #expect(message(["Role,Q", "Engineer,Agree,Agree"]) == "s.csv:2:16: this row has more cells than the header row (2): a cell holding a comma or a line break may have lost its quotes; export the file again as CSV")
        #expect(message(["Role,Career?,career", "Engineer,Agree,Agree"]) == #"s.csv:1:14: columns B ("Career?") and C ("career") both give the question id career: give one another id with --question C=ID"#)
        #expect(message(["Role,Seat at the table?,Seat at the table (again)", "Engineer,Agree,Agree"]).hasPrefix(#"s.csv:1:25: columns B ("Seat at the table?") and C ("Seat at the table (again)") both read like the seat-at-the-table question"#))
        #expect(message(["Role,Q,", "Engineer,Agree,Agree"]) == "s.csv:2:16: column C has answers and no header: name its question with --question C=ID, or leave it out with --question C=skip")
        #expect(message(["Role,Q", "\"Engineer,Agree"]).hasPrefix("s.csv:2:1: this quoted cell has no closing quote"))
        #expect(message(["Role,Timestamp", "Engineer,2026-01-01"]).hasPrefix("s.csv:1:1: no question columns"))
        #expect(message(["Role,Q"]) == "s.csv:1:1: the file holds a header row and no respondents: export the answers too")
        #expect(message(["Role,日本語", "Engineer,Agree"]).hasPrefix("s.csv:1:6: column B's header gives no question id"))
        // A trailing empty column (a comma at the end of each row) is no question.
        #expect(Self.figures(try SurveyImport.aggregate(Self.csv(["Role,Q,"] + Array(repeating: "Engineer,Agree,", count: 5)), file: "s.csv", options: o).yaml) == ["individual-contributor": ["q": [5, 5]]])
        // Tab-separated, by the file's name.
        #expect(Self.figures(try SurveyImport.aggregate(Self.csv(["Role\tQ, really"] + Array(repeating: "Engineer\tAgree", count: 5)), file: "s.tsv", options: o).yaml) == ["individual-contributor": ["q-really": [5, 5]]])
    }

    @Test func slugsAndLetters() {
        #expect(SurveyImport.slug("Do you feel you need to become a manager to have a seat at the table when decisions about your work are made?") == "do-you-feel-you-need-to-become-a-manager-to-have-a-seat-at-the")
        #expect(SurveyImport.slug("Êtes-vous écouté·e ? Don't know") == "etes-vous-ecoute-e-dont-know")
        #expect(SurveyImport.columnLetter(0) == "A" && SurveyImport.columnLetter(25) == "Z" && SurveyImport.columnLetter(26) == "AA" && SurveyImport.columnLetter(701) == "ZZ")
    }

    // MARK: conducted

    @Test(arguments: [
        ("2026-03-01", "2026-03-01"), ("2026-03-01 10:22:03", "2026-03-01"), ("2026-03-01T23:59:59Z", "2026-03-01"),
        ("2026-03-01T10:22:03.123+02:00", "2026-03-01"), ("2026/3/1 10:22", "2026-03-01"), ("1.3.2026 10:22", "2026-03-01"),
    ])
    func isoAndDottedDatesAreDays(text: String, day: String) {
        #expect(SurveyImport.Timestamps.read(text) == .day(Day(day)!))
    }

    @Test func otherDateForms() {
        #expect(SurveyImport.Timestamps.read("3/1/2026 10:22:03") == .slashed(first: 3, second: 1, year: 2026))
        #expect(SurveyImport.Timestamps.read("3/1/2026, 10:22:03 AM") == .slashed(first: 3, second: 1, year: 2026))
        #expect(SurveyImport.Timestamps.read("2026-02-30") == .impossible)
        for text in ["3/1/26", "March 1, 2026", "2026-03-01 later", "yesterday", "2026-03"] {
            #expect(SurveyImport.Timestamps.read(text) == nil, "\(text)")
        }
    }

    @Test func conductedIsTheLatestTimestamp() throws {
        var o = SurveyImport.Options(ladder: "x")
        func conducted(_ stamps: [String], header: String = "Timestamp") throws -> Day {
            let rows = stamps.map { "\($0),Engineer,Agree" }
            return try SurveyImport.aggregate(Self.csv(["\(header),Role,Q"] + rows), file: "s.csv", options: o).conducted
        }
        func message(_ stamps: [String]) -> String { Self.error { try conducted(stamps) } ?? "" }
        // Month first: a 13 or more in second place.
        #expect(try conducted(["\"3/2/2026 9:01:12\"", "\"3/14/2026 18:02:37\"", "\"3/9/2026 8:00:00\""]) == Day("2026-03-14"))
        // Day first: a 13 or more in first place.
        #expect(try conducted(["2/3/2026 9:01", "14/3/2026 18:02", "9/3/2026 8:00"]) == Day("2026-03-14"))
        // Nothing tells, but both readings give the same latest date.
        #expect(try conducted(["3/3/2026", "1/1/2026"]) == Day("2026-03-03"))
        #expect(try conducted(["2026-03-01 10:00:00", "", "2026-02-28 23:00:00"], header: "Submitted at") == Day("2026-03-01"))
        #expect(message(["3/1/2026", "3/2/2026"]) == #"s.csv:2:1: column A ("Timestamp"): its dates read month first give 2026-03-02 as the latest, day first 2026-02-03, and no date in the column tells which it is: give the date the survey closed with --conducted YYYY-MM-DD"#)
        #expect(message(["3/14/2026", "14/3/2026"]).hasPrefix(#"s.csv:3:1: column A ("Timestamp"): this date is not a calendar date in the order"#))
        #expect(message(["2026-03-01", "01/03/26"]).hasPrefix(#"s.csv:3:1: column A ("Timestamp"): expected a date with a four-digit year"#))
        let none = Self.error { try SurveyImport.aggregate(Self.csv(["Role,Q", "Engineer,Agree"]), file: "s.csv", options: o) }
        #expect(none == "s.csv: the export has no timestamp column (Timestamp, Submitted at, Submit date) to take the survey's date from: give the date the survey closed with --conducted YYYY-MM-DD")
        // --conducted wins, and the timestamps are not read at all.
        o.conducted = Day("2026-04-01")
        #expect(try conducted(["not a date"]) == Day("2026-04-01"))
    }

    // MARK: files

    @Test func neverOverAFileThatExists() throws {
        let dir = try SurveyTempFolder()
        try dir.write("export.csv", try Self.fixture(Self.export))
        try dir.write("survey.yaml", Array("kept\n".utf8))
        var a = SurveyImport.Arguments(file: "export.csv", ladder: "acme-eng")
        a.roles = ["Prefer not to say=skip"]
        a.questions = ["G=skip"]
        a.output = "survey.yaml"
        let refused = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(refused.exitCode == 2)
        #expect(refused.stderr == "ladderlint: survey.yaml: this file exists and was left as it is: give another path with -o, or add --force to replace it\n")
        #expect(try dir.text("survey.yaml") == "kept\n")
        a.force = true
        let forced = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(forced.exitCode == 0)
        #expect(forced.stdout.isEmpty)
        #expect(forced.stderr.hasSuffix("ladderlint: wrote survey.yaml: 18 respondents, conducted 2026-03-15\n"), "\(forced.stderr)")
        #expect(try dir.text("survey.yaml") == (try Self.realistic()).yaml.replacingOccurrences(of: Self.export, with: "export.csv"))
        // Never over the export itself, even with --force.
        a.output = "./export.csv"
        let same = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(same.exitCode == 2)
        #expect(same.stderr == "ladderlint: ./export.csv: this is the survey export being read: write the YAML to another path\n")
        // To stdout, with the notes on stderr.
        a.output = nil
        let out = SurveyImport.execute(a, workingDirectory: dir.path)
        #expect(out.exitCode == 0)
        #expect(out.stdout == (try Self.realistic()).yaml.replacingOccurrences(of: Self.export, with: "export.csv"))
        #expect(out.stderr.contains("ladderlint: note: export.csv: roles read as audiences: \"Software Engineer\" as individual-contributor"))
    }

    @Test func argumentsAreChecked() {
        func message(_ edit: (inout SurveyImport.Arguments) -> Void) -> String {
            var a = SurveyImport.Arguments(file: "missing.csv", ladder: "acme-eng")
            edit(&a)
            return SurveyImport.execute(a, workingDirectory: "/nonexistent").stderr
        }
        #expect(message { $0.ladder = " " } == "ladderlint: --ladder: expected the id of the ladder whose people answered (its kind: ladder document's id)\n")
        #expect(message { $0.conducted = "1/3/2026" } == "ladderlint: --conducted: expected the date the survey closed, written YYYY-MM-DD, found '1/3/2026'\n")
        #expect(message { $0.roles = ["Engineer"] }.hasPrefix("ladderlint: --role 'Engineer': expected VALUE=AUDIENCE"))
        #expect(message { $0.roles = ["Engineer=managment"] } == "ladderlint: --role 'Engineer=managment': unknown audience 'managment': did you mean management? Audiences: individual-contributor, management, tech-lead, skip\n")
        #expect(message { $0.minGroup = 0 } == "ladderlint: --min-group: expected a whole number of at least 1, found 0\n")
        #expect(message { _ in } .hasPrefix("ladderlint: missing.csv: cannot read the survey export: No such file or directory"))
    }

    @Test func questionIDsGivenAreChecked() throws {
        var o = SurveyImport.Options(ladder: "x")
        o.conducted = Day("2026-01-01")
        o.questions = [("B", "Seat at the table")]
        #expect(Self.error { try SurveyImport.aggregate(Self.csv(["Role,Q", "Engineer,Agree"]), file: "s.csv", options: o) } == "--question 'B=Seat at the table': a question id is ASCII letters, digits, -, _ and ., starting with a letter or digit (or skip, to leave the column out)")
        o.questions = [("A", "x")]
        #expect(Self.error { try SurveyImport.aggregate(Self.csv(["Role,Q", "Engineer,Agree"]), file: "s.csv", options: o) } == #"--question 'A': column A ("Role") is the role column; choose another role column with --role-column first"#)
    }

    @Test func theDefaultMinGroupIsTheRulePacks() {
        #expect(SurveyImport.defaultMinGroup == 5)
    }
}

/// A fresh folder under the system's temporary folder, removed when the test ends.
final class SurveyTempFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ladderlint-survey-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func text(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}
