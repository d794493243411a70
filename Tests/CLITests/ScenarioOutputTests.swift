import Foundation
import Testing

/// What the command line prints: default paths, output files, the catalogue, order, paths
/// relative to the working folder, colour.
@Suite struct ScenarioOutputTests {
    @Test func defaultPathIsLaddersOfTheWorkingFolder() throws {
        var files = Fixtures.acme()
        // Outside ladders/: never read unless named.
        files["notes.yaml"] = "kind: nonsense\n"
        files["drafts/broken.yaml"] = "kind: ladder\nid: [\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [Fixtures.today, ["lint"] + Fixtures.today] {
            let r = try Scenario.run(arguments, in: dir)
            #expect(r.lines == [Fixtures.cleanSummary], "\(arguments): \(r)")
            #expect(r.status == 0, "\(r)")
        }
        // Named, they are read.
        let named = try Scenario.run(["lint", "notes.yaml"] + Fixtures.today, in: dir)
        #expect(named.lines.first?.hasPrefix("notes.yaml:1:7: error: ") == true, "\(named)")
        #expect(named.status == 1, "\(named)")
    }

    @Test func withoutALaddersFolderTheRunFailsAndSaysWhy() throws {
        let dir = try Scenario.folder(["README.md": "no ladders here\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.count == 2, "\(r)")
        #expect(r.lines.first?.hasPrefix("ladders:1:1: error: cannot read '") == true, "\(r)")
        #expect(r.lines.first?.hasSuffix("/ladders': No such file or directory: check the path [unreadable-file]") == true, "\(r)")
        #expect(r.lines.last == "1 error, 0 warnings, 0 info in 0 files (0 documents, 0 ladders)", "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    /// Reports stream to standard output; when it cannot take them (a full disk here), the run
    /// says so and exits 2 instead of reporting success. Output files come first and are whole.
    @Test func aStandardOutputThatCannotBeWrittenFailsTheRun() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(
            ["-c", "exec \"$0\" \"$@\" > /dev/full", try Scenario.binary(), "lint", "--format", "json:report.json", "--format", "json"] + Fixtures.today,
            in: dir, program: "/bin/sh")
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "ladderlint: cannot write the report to standard output: No space left on device\n", "\(r)")
        let file = try String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8)
        let stdoutJSON = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        #expect(file == stdoutJSON.stdout, "the output file is whole")
    }

    @Test func jsonToAFileAndTextToStdoutInOneRun() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json:report.json", "--format", "text"] + Fixtures.today, in: dir)
        #expect(r.lines == [ScenarioExitCodeTests.gapLine, "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        #expect(r.status == 1, "\(r)")
        let json = try String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8)
        let stdoutJSON = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        #expect(json == stdoutJSON.stdout, "the file and stdout JSON differ")
        try Scenario.expectValidReports([("json:FILE", json), ("json", stdoutJSON.stdout)])

        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let finding = try #require((report["findings"] as? [[String: Any]])?.first)
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["file"] as? String == "ladders/acme/compensation.yaml")
        #expect(location["line"] as? Int == 8)
        #expect(location["column"] as? Int == 57)
        #expect(finding["ladder"] as? String == "acme")
        #expect(finding["subjects"] as? [String] == ["em-5", "ic-5"])
        // Keys in the documented order.
        let order = ["\"tool\"", "\"schema_version\"", "\"findings\"", "\"summary\"", "\"metrics\""].map { json.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "top-level keys out of order")
    }

    @Test func anOutputFileThatCannotBeWrittenIsAUsageError() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        // A missing folder is created (issue 18.10); a file where a folder should be cannot be.
        let r = try Scenario.run(["lint", "--format", "json:ladders/acme/ladder.yaml/report.json", "--format", "text"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: ") && r.stderr.contains("ladders/acme/ladder.yaml/report.json"), "\(r)")
    }

    @Test func versionAndHelp() throws {
        let dir = try Scenario.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let version = try Scenario.run(["--version"], in: dir)
        #expect(version.status == 0, "\(version)")
        #expect(version.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil, "\(version)")
        // The same version the JSON report names.
        let json = try Scenario.run(["lint", "--allow-empty", "--format", "json", "."] + Fixtures.today, in: dir)
        #expect(json.stdout.contains("\"version\": \"\(version.stdout.trimmingCharacters(in: .newlines))\""), "\(json)")

        let help = try Scenario.run(["--help"], in: dir)
        #expect(help.status == 0, "\(help)")
        for word in ["USAGE:", "lint", "rules", "explain", "--version"] {
            #expect(help.stdout.contains(word), "--help lacks \(word): \(help)")
        }
        let lintHelp = try Scenario.run(["lint", "--help"], in: dir)
        #expect(lintHelp.status == 0, "\(lintHelp)")
        for option in ["--format", "--config", "--rules", "--fail-on", "--baseline", "--write-baseline", "--today", "--redact", "--jobs", "--no-color"] {
            #expect(lintHelp.stdout.contains(option), "lint --help lacks \(option): \(lintHelp)")
        }
    }

    @Test func rulesAsMarkdownListsEveryBuiltInRule() throws {
        let dir = try Scenario.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["rules", "--format", "markdown"], in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines.first?.hasPrefix("| id | default |") == true, "\(r)")
        let ids = [
            "pay-ceiling-parity", "pay-floor-parity", "pay-midpoint-parity", "variable-pay-parity", "ic-track-ceiling",
            "missing-parallel-level", "management-entry-promotion", "return-to-ic-demotion", "management-required-for-ic-promotion",
            "manager-only-leadership-training", "tech-lead-excluded-from-leadership-training", "leadership-cohort-design",
            "manager-owned-technical-decisions", "leadership-forum-excludes-ics", "survey-seat-at-the-table", "survey-return-status-loss",
            "survey-small-group", "survey-not-anonymous", "survey-missing", "band-shape", "band-progression", "band-spread",
        ]
        for id in ids {
            #expect(r.lines.contains { $0.hasPrefix("| `\(id)` |") }, "no row for \(id)")
        }
        #expect(r.lines.contains("| `pay-ceiling-parity` | error | A management band's base.max is above the highest IC peer's base.max. | `measure` max, `tolerance` 0 | the management band's base.max |") || r.lines.contains { $0.hasPrefix("| `pay-ceiling-parity` | error |") })
        let unknown = try Scenario.run(["rules", "--format", "yaml"], in: dir)
        #expect(unknown.status == 2, "\(unknown)")
    }

    @Test func explainARule() throws {
        let dir = try Scenario.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["explain", "pay-ceiling-parity"], in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines.first == "pay-ceiling-parity (error)", "\(r)")
        #expect(r.stdout.contains("tolerance"), "explain names the parameters: \(r)")
    }

    @Test func explainAnUnknownRuleExitsTwoWithASuggestion() throws {
        let dir = try Scenario.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["explain", "pay-cieling-parity"], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr == "ladderlint: unknown rule 'pay-cieling-parity': did you mean 'pay-ceiling-parity'? Run 'ladderlint rules' for the list.\n", "\(r)")
    }

    @Test func findingsAreSortedByFileLineColumnRule() throws {
        let files: [String: FileContent] = [
            "ladders/b/ladder.yaml": """
                kind: ladder
                id: beta
                name: Beta
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor}
                  - {id: em, name: Management, kind: management}
                levels:
                  - {id: ic-3, track: ic, grade: 3, title: Senior Engineer, roles: [tech-lead]}
                  - {id: em-3, track: em, grade: 3, title: Manager}
                  - {id: em-4, track: em, grade: 4, title: Director}
                """,
            "ladders/b/policy.yaml": """
                kind: policy
                ladder: beta
                programs:
                  - {id: lead, name: Lead, kind: leadership-training, eligible: {track_kinds: [management]}}
                transitions:
                  - {from: ic, to: em, grade_change: 1, pay_change: 0.1}
                """,
            "ladders/a.yaml": """
                kind: ladder
                id: alpha
                name: Alpha
                tracks: [{id: ic, name: Engineering, kind: individual-contributor}]
                levels: [{id: ic-1, track: ic, grade: one, title: Engineer}]
                """,
        ]
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Scenario.run(["lint", "--fail-on", "never"] + Fixtures.today, in: dir)
        let json = try Scenario.run(["lint", "--format", "json", "--fail-on", "never"] + Fixtures.today, in: dir)
        try Scenario.expectValidReports([("sorted", json.stdout)])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        typealias Key = (file: String, line: Int, column: Int, rule: String)
        let keys: [Key] = findings.map {
            let l = $0["location"] as? [String: Any] ?? [:]
            return (l["file"] as? String ?? "", l["line"] as? Int ?? 0, l["column"] as? Int ?? 0, $0["rule"] as? String ?? "")
        }
        #expect(keys.count >= 6, "\(text)")
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect((a.file, a.line, a.column, a.rule) <= (b.file, b.line, b.column, b.rule), "\(a) comes before \(b)")
        }
        // Two rules on one node come in rule order; the text lists the same findings in the same order.
        let onEligible = keys.filter { $0.file == "ladders/b/policy.yaml" && $0.line == 4 }.map(\.rule)
        #expect(onEligible == ["manager-only-leadership-training", "tech-lead-excluded-from-leadership-training"], "\(keys)")
        // Lines of what could not be checked (beta has no bands or survey) come before the summary.
        let findingLines = text.lines.dropLast().filter { !$0.contains(": not checked — ") }
        #expect(findingLines.count < text.lines.count - 1, "\(text)")
        let textKeys = findingLines.map { line -> String in
            let parts = line.split(separator: ":", maxSplits: 3)
            return "\(parts[0]):\(parts[1]):\(parts[2]) \(line.split(separator: "[").last!.dropLast())"
        }
        #expect(textKeys == keys.map { "\($0.file):\($0.line):\($0.column) \($0.rule)" }, "\(text)")
        #expect(keys.first?.file == "ladders/a.yaml")
    }

    @Test func pathsAreRelativeToTheWorkingFolder() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap, under: "work/ladders")
        files["elsewhere/acme-extra.yaml"] = "kind: policy\nladder: acme\nbudget: 1\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work")
        let expected = "ladders/acme/compensation.yaml:8:57: error: "
        for path in ["ladders", "./ladders/", work.appendingPathComponent("ladders").path, "../work/ladders/acme/../acme"] {
            let r = try Scenario.run(["lint", path] + Fixtures.today, in: work)
            #expect(r.lines.first?.hasPrefix(expected) == true, "\(path): \(r)")
        }
        // A file outside the working folder keeps its absolute path.
        let outside = try Scenario.run(["lint", "ladders", "../elsewhere/acme-extra.yaml"] + Fixtures.today, in: work)
        let outsidePath = dir.appendingPathComponent("elsewhere/acme-extra.yaml").standardizedFileURL.path
        #expect(outside.lines.contains { $0.hasPrefix("\(outsidePath):3:1: error: unknown key 'budget'") }, "\(outside)")
        // From inside the ladders folder, the same file is named from there.
        let inside = try Scenario.run(["lint", "."] + Fixtures.today, in: work.appendingPathComponent("ladders/acme"))
        #expect(inside.lines.first?.hasPrefix("compensation.yaml:8:57: error: ") == true, "\(inside)")
    }

    @Test func explicitFilesAreReadWhateverTheirExtension() throws {
        var files = Fixtures.acme()
        files["extra/policy.txt"] = "kind: policy\nladder: acme\nprograms: {}\n"
        files["extra/ignored.txt"] = "not yaml at all: [\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "extra/policy.txt"] + Fixtures.today, in: dir)
        #expect(r.lines == ["extra/policy.txt:3:1: error: programs: expected a list, found a mapping [invalid-document]", "1 error, 0 warnings, 0 info in 1 file (1 document, 0 ladders)"], "\(r)")
        #expect(r.status == 1)
        // (0 ladders: its one document could not be read, so no ladder's findings are reported;
        // the summary counts what was reported, issue 18.7.)
        // A folder is walked for *.yaml and *.yml only: this one holds no ladder file, and a
        // run that finds none is a usage error (exit 2) unless --allow-empty.
        let folder = try Scenario.run(["lint", "extra"] + Fixtures.today, in: dir)
        #expect(folder.status == 2, "\(folder)")
        #expect(folder.stderr.hasPrefix("ladderlint: no ladder files under extra: "), "\(folder)")
        let allowed = try Scenario.run(["lint", "--allow-empty", "extra"] + Fixtures.today, in: dir)
        #expect(allowed.lines.last?.contains("in 0 files") == true, "\(allowed)")
        #expect(allowed.status == 0, "\(allowed)")
    }

    // MARK: colour

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let escape = "\u{1B}["
        // Not a terminal: plain.
        let piped = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(!piped.stdout.contains(escape), "\(piped)")
        // A terminal: coloured severities.
        let terminal = try Scenario.runOnTerminal(["lint"] + Fixtures.today, in: dir)
        #expect(terminal.status == 1, "\(terminal)")
        #expect(terminal.stdout.contains(escape), "no colour on a terminal: \(terminal)")
        // A terminal with NO_COLOR or --no-color: plain, same text.
        let noColor = try Scenario.runOnTerminal(["lint"] + Fixtures.today, in: dir, environment: ["NO_COLOR": "1"])
        let flag = try Scenario.runOnTerminal(["lint", "--no-color"] + Fixtures.today, in: dir)
        for r in [noColor, flag] {
            #expect(r.status == 1, "\(r)")
            #expect(!r.stdout.contains(escape), "colour despite NO_COLOR/--no-color: \(r)")
            // The same findings and summary line; a terminal also leads with a summary block and
            // wraps long lines (TerminalTextTests), undone here.
            let unwrapped = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n      ", with: " ")
            for line in piped.lines { #expect(unwrapped.contains(line + "\n"), "\(line) not in \(r)") }
        }
    }
}
