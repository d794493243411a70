import Foundation
import LadderDriver
import Testing

/// Issue 17, §3: every run says what it could check, `--require` fails a run that could not
/// check what it must, a run that found no ladder file is not a clean run, and a mistyped
/// command is named as one.
@Suite struct CoverageScenarioTests {
    /// The clean organisation without its compensation file: nothing found, pay not checked.
    static func acmeWithoutBands() -> [String: FileContent] {
        var files = Fixtures.acme()
        files["ladders/acme/compensation.yaml"] = nil
        return files
    }

    static let payLine = "pay: not checked — no bands or formula for ladder acme"
    static let summaryWithoutBands = "0 errors, 0 warnings, 0 info in 2 files (3 documents, 1 ladder)"

    // MARK: the samples

    /// The sample ladders, as `scripts/lint-samples` runs them: vantage-data has a ladder, a
    /// survey and a policy of transitions only, so its pay and policy are said to be unchecked; Kestrel,
    /// Vantage's engineering ladder and Larkspur (bands from a mapped spreadsheet) have every
    /// family on file.
    @Test func theSamplesSayWhatWasNotChecked() throws {
        let r = try Scenario.run(["lint", "ladders/"] + Fixtures.today, in: Scenario.repoRoot)
        let coverage = r.lines.filter { $0.contains(": not checked — ") || $0.contains(": disabled — ") }
        let vantageData = [
            "pay: not checked — no bands or formula for ladder vantage-data",
            "policy: not checked — no programs, decisions, forums or recognition in the policy of ladder vantage-data",
        ]
        #expect(coverage.filter { $0.hasSuffix("ladder vantage-data") } == vantageData, "\(r)")
        // Just before the summary, which stays the last line.
        #expect(Array(r.lines.dropLast().suffix(coverage.count)) == coverage, "\(r)")
        #expect(r.lines.last?.hasSuffix("ladders)") == true, "\(r)")

        let json = try Scenario.run(["lint", "--format", "json", "ladders/"] + Fixtures.today, in: Scenario.repoRoot)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ladders = try #require((doc["coverage"] as? [String: Any])?["ladders"] as? [[String: Any]])
        var unchecked: [String: [String]] = [:]
        for l in ladders {
            let families = try #require(l["families"] as? [String: [String: String]])
            unchecked[l["id"] as! String] = families.filter { $0.value["status"] != "checked" }.map(\.key).sorted()
        }
        #expect(unchecked["vantage-data"] == ["pay", "policy"])
        for id in ["kestrel-engineering", "vantage-engineering", "larkspur-engineering"] {
            #expect(unchecked[id] == [], "\(id): \(unchecked[id] ?? ["absent"])")
        }
        try Scenario.expectValidReports([("samples", json.stdout)])
    }

    // MARK: --require

    @Test func requireFailsWhenAFamilyCouldNotRunAndSaysWhy() throws {
        let dir = try Scenario.folder(Self.acmeWithoutBands())
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(plain.lines == [Self.payLine, Self.summaryWithoutBands], "\(plain)")
        #expect(plain.status == 0, "without --require, an unchecked family is reported, not failed: \(plain)")
        #expect(plain.stderr == "", "\(plain)")

        let r = try Scenario.run(["lint", "--require", "pay,policy"] + Fixtures.today, in: dir)
        #expect(r.lines == ["\(Self.payLine) (required)", Self.summaryWithoutBands], "\(r)")
        #expect(r.stderr == "ladderlint: required: pay was not checked: no bands or formula for ladder acme\n", "\(r)")
        #expect(r.status == 1, "\(r)")

        // Whatever --fail-on says: a requirement is not a finding's severity.
        let never = try Scenario.run(["lint", "--require", "pay", "--fail-on", "never"] + Fixtures.today, in: dir)
        #expect(never.status == 1, "\(never)")

        // Every output says so: JSON lists what was required, GitHub annotates the ladder.
        let json = try Scenario.run(["lint", "--require", "pay", "--require", "survey", "--format", "json"] + Fixtures.today, in: dir)
        #expect(json.status == 1, "\(json)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["coverage"] as? [String: Any])?["required"] as? [String] == ["pay", "survey"])
        try Scenario.expectValidReports([("required", json.stdout)])
        let github = try Scenario.run(["lint", "--require", "pay", "--format", "github"] + Fixtures.today, in: dir)
        #expect(github.lines == ["::error file=ladders/acme/ladder.yaml,line=2,title=ladderlint --require::required: \(Self.payLine)"], "\(github)")
    }

    @Test func requirePassesWhenEveryFamilyRan() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--require", "pay,policy,survey,transitions", "--require", "tracks"] + Fixtures.today, in: dir)
        #expect(r.lines == [Fixtures.cleanSummary], "\(r)")
        #expect(r.stderr == "", "\(r)")
        #expect(r.status == 0, "\(r)")
    }

    @Test func requireOfAFamilyDisabledInTheConfigurationFails() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = "version: 1\ndisable: [survey-seat-at-the-table, survey-return-status-loss, survey-small-group, survey-not-anonymous, survey-missing, survey-return-intent, survey-trend]\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == ["survey: disabled — every survey rule is disabled in the configuration", Fixtures.cleanSummary], "\(r)")
        #expect(r.status == 0, "\(r)")
        let required = try Scenario.run(["lint", "--require", "survey"] + Fixtures.today, in: dir)
        #expect(required.stderr == "ladderlint: required: survey was disabled: every survey rule is disabled in the configuration\n", "\(required)")
        #expect(required.status == 1, "\(required)")
    }

    @Test func anUnknownFamilyIsAUsageErrorWithTheNearestOne() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--require", "pay,polcy"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr == "ladderlint: --require: unknown family 'polcy': did you mean 'policy'? Families: tracks, pay, policy, transitions, survey\n", "\(r)")
    }

    /// A pre-commit run on one ladder's file answers for that ladder only: another ladder of
    /// the configured paths, read as context, has no bands and does not fail it.
    @Test func aScopedRunRequiresOnlyOfItsOwnLadders() throws {
        var files = Fixtures.acme()
        files["ladders/beta/ladder.yaml"] = .text(Fixtures.ladder.replacingOccurrences(of: "id: acme", with: "id: beta"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scoped = try Scenario.run(["lint", "--require", "pay", "ladders/acme/policy.yaml"] + Fixtures.today, in: dir)
        #expect(scoped.status == 0, "\(scoped)")
        #expect(!scoped.stdout.contains("beta"), "\(scoped)")
        let whole = try Scenario.run(["lint", "--require", "pay"] + Fixtures.today, in: dir)
        #expect(whole.status == 1, "\(whole)")
        #expect(whole.stderr.contains("required: pay was not checked: no bands or formula for ladder beta"), "\(whole)")
    }

    /// Coverage carries the ladder id, which may be written like an amount: under --redact it
    /// is scrubbed with the rest.
    @Test func redactScrubsTheCoverageTexts() throws {
        let dir = try Scenario.folder([
            "ladders/ladder.yaml": .text(Fixtures.ladder.replacingOccurrences(of: "id: acme", with: "id: \"187123\"")),
            "ladders/pay.yaml": .text(Fixtures.compensation.replacingOccurrences(of: "ladder: acme", with: "ladder: \"187123\"")
                .replacingOccurrences(of: "min: 150000", with: "min: 187123")),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        #expect(plain.stdout.contains("no policy document for ladder 187123"), "\(plain)")
        for format in ["json", "text", "sarif", "markdown", "github"] {
            let r = try Scenario.run(["lint", "--redact", "--format", format, "--require", "policy"] + Fixtures.today, in: dir)
            #expect(!r.stdout.contains("187123") && !r.stderr.contains("187123"), "\(format): \(r)")
            // Markdown escapes the brackets.
            #expect(r.stdout.contains(format == "markdown" ? "no policy document for ladder \\[redacted\\]" : "no policy document for ladder [redacted]"), "\(format): \(r)")
        }
    }

    // MARK: empty runs

    @Test func aRunThatFindsNoLadderFileIsAUsageError() throws {
        let dir = try Scenario.folder(["ladders/README.md": "the ladders will live here\n", "other/notes.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: no ladder files under ladders: nothing was checked."), "\(r)")
        #expect(r.stderr.contains("--allow-empty"), "\(r)")

        let named = try Scenario.run(["lint", "other", "ladders"] + Fixtures.today, in: dir)
        #expect(named.status == 2, "\(named)")
        #expect(named.stderr.hasPrefix("ladderlint: no ladder files under other, ladders: "), "\(named)")

        let allowed = try Scenario.run(["lint", "--allow-empty", "--format", "json"] + Fixtures.today, in: dir)
        #expect(allowed.status == 0, "\(allowed)")
        #expect(allowed.stderr == "", "\(allowed)")
        try Scenario.expectValidReports([("empty", allowed.stdout)])
        let text = try Scenario.run(["lint", "--allow-empty"] + Fixtures.today, in: dir)
        #expect(text.lines == ["0 errors, 0 warnings, 0 info in 0 files (0 documents, 0 ladders)"], "\(text)")
    }

    /// Broken files, and files that hold no ladder document, are linted: not an empty run.
    @Test func brokenFilesAndFilesWithoutALadderAreNotEmpty() throws {
        let dir = try Scenario.folder([
            "broken/a.yaml": "kind: ladder\nid: [unclosed\n",
            "policies/p.yaml": .text(Fixtures.policy),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = try Scenario.run(["lint", "broken"] + Fixtures.today, in: dir)
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.lines.first?.hasSuffix("[yaml-syntax]") == true, "\(broken)")
        let orphans = try Scenario.run(["lint", "policies"] + Fixtures.today, in: dir)
        #expect(orphans.status == 1, "\(orphans)")
        #expect(orphans.lines.first?.hasSuffix("[unknown-reference]") == true, "\(orphans)")
    }

    // MARK: a mistyped command

    @Test func aMistypedCommandGetsADidYouMean() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        for (typo, command) in [("inti", "init"), ("imprt", "import"), ("lnit", "lint"), ("expalin", "explain"), ("rule", "rules")] {
            let r = try Scenario.run([typo], in: dir)
            #expect(r.status == 2, "\(typo): \(r)")
            #expect(r.stdout == "", "\(typo): \(r)")
            #expect(r.stderr.hasPrefix("ladderlint: unknown command '\(typo)': did you mean '\(command)'? Commands: lint, rules, explain, import, init\n"), "\(typo): \(r)")
        }
        // A folder is linted, whatever its name; lint stays the default command.
        let folder = try Scenario.run(["ladders"] + Fixtures.today, in: dir)
        #expect(folder.lines == [Fixtures.cleanSummary], "\(folder)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("inti"), withIntermediateDirectories: true)
        try Data(Fixtures.ladder.utf8).write(to: dir.appendingPathComponent("inti/ladder.yaml"))
        let existing = try Scenario.run(["inti"] + Fixtures.today, in: dir)
        #expect(existing.stderr.contains("unknown command") == false, "\(existing)")
        #expect(existing.lines.last?.hasSuffix("(1 document, 1 ladder)") == true, "\(existing)")
        // A word far from every command is still a path that cannot be read.
        let far = try Scenario.run(["budget"] + Fixtures.today, in: dir)
        #expect(far.status == 1, "\(far)")
        #expect(far.lines.first?.contains("cannot read 'budget'") == true, "\(far)")
    }
}

/// CommandGuess, the decision behind the did-you-mean, without a process.
@Suite struct CommandGuessTests {
    static let commands = ["lint", "rules", "explain", "import", "init"]

    func guess(_ args: [String], existing: Set<String> = []) -> String? {
        CommandGuess.unknownCommand(args, commands: Self.commands, exists: { existing.contains($0) })
    }

    @Test func typosOfCommandsAreNamed() {
        #expect(guess(["inti"]) == "unknown command 'inti': did you mean 'init'? Commands: lint, rules, explain, import, init")
        #expect(guess(["imprt", "bands", "x.csv"])?.hasPrefix("unknown command 'imprt': did you mean 'import'?") == true)
        #expect(guess(["INIT2"])?.contains("did you mean 'init'?") == true)
    }

    @Test func commandsPathsOptionsAndFarWordsAreLeftToTheParser() {
        #expect(guess([]) == nil)
        #expect(guess(["init"]) == nil)
        #expect(guess(["help"]) == nil)
        #expect(guess(["--format", "json"]) == nil)
        #expect(guess(["-h"]) == nil)
        #expect(guess(["inti"], existing: ["inti"]) == nil, "an existing path is linted")
        #expect(guess(["lint.yaml"]) == nil, "a file name")
        #expect(guess(["ladders/inti"]) == nil, "a path")
        #expect(guess(["budget"]) == nil, "not near any command")
        #expect(guess([""]) == nil)
    }

    @Test func theWordIsShownSafely() {
        let g = guess(["in\u{1B}it"])
        #expect(g?.contains("\u{1B}") == false)
    }
}
