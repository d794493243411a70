import Foundation
import LadderModel
import LadderReport
import Testing

/// The hostile corpus of docs/security.md: ladder files, file names and values an attacker can
/// put in a pull request, generated per class, linted by the built binary into every output
/// format at once, each output checked against the guarantees (OutputSafety): no raw control,
/// bidi or zero-width character, every line of text/github/markdown starts with ladderlint's
/// own text, no live mention or autolink, no crash, output bounded by the findings.
@Suite struct HostileCorpusTests {
    /// Text that tries each trick the threat model names, as YAML double-quoted escapes.
    static let tricks: [String] = [
        #"OSC52\e]52;c;ZXZpbA==\a"#,  // writes the clipboard
        #"OSC8\e]8;;https://evil.example\e\\link\e]8;;\e\\"#,  // a hyperlink
        #"erase\r\e[2K\e[1A"#,  // CR and CSI erase a real finding from the screen
        #"forged\n::error file=forged.yaml,line=1::forged annotation"#,
        #"stop\n::stop-commands::t0k3n"#,
        #"line\nladders/acme/x.yaml:1:1: error: a forged finding [pay-ceiling-parity]"#,
        #"summary\n0 errors, 0 warnings, 0 info in 1 file (1 document, 1 ladder)"#,
        #"C1 \x9b31m CSI, \x85 NEL, DEL \x7f, NUL \0, BEL \a"#,
        #"bidi \u202Eexe.yaml\u202C \u2066isolate\u2069 \u200Fmark"#,
        #"zero\u200Bwidth\u200D\uFEFF joiners, \u2028line \u2029paragraph"#,
        #"mention @octocat @acme/security-team #123 GH-42 !7 ~bug %v1"#,
        #"links https://evil.example/x www.evil.example mail owner@evil.example"#,
        #"markdown | cell <img src=x> [a](javascript:alert(1)) `code` **b**"#,
    ]

    /// One ladder whose names and titles carry the tricks, bands with a ceiling gap (so
    /// pay-ceiling-parity quotes the titles), and broken documents whose decoder messages quote
    /// an unknown key, an unknown reference and a wrong kind.
    static func corpus() -> [String: FileContent] {
        let t = tricks
        let ladder = """
            kind: ladder
            id: acme
            name: "\(t[0])"
            organization: "\(t[8])"
            tracks:
              - {id: ic, name: "\(t[2])", kind: individual-contributor}
              - {id: em, name: "\(t[10])", kind: management}
            levels:
              - {id: ic-4, track: ic, grade: 4, title: "\(t[3])", roles: [tech-lead]}
              - {id: ic-5, track: ic, grade: 5, title: "\(t[5])", roles: [tech-lead]}
              - {id: em-4, track: em, grade: 4, title: "\(t[11])"}
              - {id: em-5, track: em, grade: 5, title: "\(t[7])"}

            """
        let compensation = """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-4, base: {min: 150000, max: 200000}, bonus_target: 0.10}
              - {level: em-4, base: {min: 160000, max: 230000}, bonus_target: 0.10}
              - {level: ic-5, base: {min: 180000, max: 240000}, bonus_target: 0.10}
              - {level: em-5, base: {min: 190000, max: 250000}, bonus_target: 0.10}
              - {level: "ic-9\(t[4])", base: {min: 1, max: 2}}

            """
        var files: [String: FileContent] = [
            "corpus/acme/ladder.yaml": .text(ladder),
            "corpus/acme/compensation.yaml": .text(compensation),
            "corpus/acme/policy.yaml": .text("""
                kind: policy
                ladder: acme
                "\(t[6])": 1
                "\(t[12])": 2
                "\(t[9])": 3

                """),
            "corpus/acme/kind.yaml": .text("kind: \"\(t[1])\"\n"),
        ]
        // File names are input too: a newline, ESC and bidi in a name.
        files["corpus/acme/\u{1B}[2Kname\n::error file=forged::x \u{202E}lmay.yaml"] = .text("kind: \"\(t[10])\"\n")
        return files
    }

    static let formats = ["text", "json", "sarif", "github", "junit", "gitlab", "markdown", "html"]

    /// Runs the corpus into every format, each to its own file, and returns the raw bytes.
    static func lint(_ files: [String: FileContent], extra: [String] = []) throws -> (outputs: [String: Data], run: RunOutput, root: URL) {
        let root = try Scenario.folder(files)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
        let args = ["lint", "corpus"] + Fixtures.today + extra + formats.flatMap { ["--format", "\($0):out/\($0).out"] }
        let run = try Scenario.run(args, in: root, timeout: 120)
        var outputs: [String: Data] = [:]
        for f in formats {
            outputs[f] = try Data(contentsOf: root.appendingPathComponent("out/\(f).out"))
        }
        return (outputs, run, root)
    }

    /// The file names as findings carry them: relative to the run's folder.
    static func names(_ files: [String: FileContent]) -> [String] { Array(files.keys) }

    @Test func everyFormatKeepsTheGuarantees() throws {
        let files = Self.corpus()
        let (outputs, run, root) = try Self.lint(files)
        defer { try? FileManager.default.removeItem(at: root) }
        // Findings, no crash: exit 1, and nothing on stderr that is not ladderlint's.
        #expect(run.status == 1, "exit \(run.status): \(Escape.terminal(run.stderr))")
        for line in run.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("ladderlint: "), "stderr line: \(Escape.terminal(String(line)))")
        }
        #expect(OutputSafety.violations(format: "stderr", output: run.stderr, files: []).isEmpty)
        for format in Self.formats {
            let bytes = try #require(outputs[format])
            // Valid UTF-8 (a decoder would otherwise hide a raw byte behind U+FFFD).
            let text = try #require(String(validating: bytes, as: UTF8.self), "\(format) output is not UTF-8")
            let problems = OutputSafety.violations(format: format, output: text, files: Self.names(files))
            #expect(problems.isEmpty, "\(format): \(problems)")
        }
        // The tricks did reach the outputs (escaped), so the test is not vacuous.
        let text = String(decoding: outputs["text"]!, as: UTF8.self)
        #expect(text.contains("\\e]8;;https:"))
        #expect(text.contains("\\n::error file=forged.yaml"))
        #expect(text.contains("\\u{202E}"))
        #expect(text.contains("pay-ceiling-parity"))
        #expect(text.contains("\\e[2Kname\\n::error file=forged::x \\u{202E}lmay.yaml:"))
        let markdown = String(decoding: outputs["markdown"]!, as: UTF8.self)
        #expect(markdown.contains("@&#8203;octocat"))
        let html = String(decoding: outputs["html"]!, as: UTF8.self)
        #expect(!html.unicodeScalars.contains { Escape.isNoncharacter($0.value) })
    }

    @Test func noncharactersNeverReachTheReport() throws {
        // YAML forbids U+FFFE and U+FDD0 raw; escapes bring them in.
        var files = Self.corpus()
        files["corpus/acme/ladder.yaml"] = .text(
            (files["corpus/acme/ladder.yaml"].map { String(decoding: $0.data, as: UTF8.self) } ?? "")
                .replacingOccurrences(of: "organization: ", with: "description: \"non \\uFFFE \\uFDD0 \\U0010FFFF chars\"\norganization: "))
        let (outputs, run, root) = try Self.lint(files)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.status == 1 || run.status == 0)
        for format in Self.formats {
            let text = String(decoding: outputs[format]!, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { Escape.isNoncharacter($0.value) }, "\(format)")
        }
    }

    @Test func oneAliasedTitleCannotBlowUpTheOutput() throws {
        // A 256 KiB title, anchored once and used by 400 levels: 100 MiB of text before the cap.
        let big = String(repeating: "Principal Engineer ", count: 256 * 1024 / 19)
        var ladder = """
            kind: ladder
            id: big
            name: Big
            organization: Big
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Management, kind: management}
            levels:
              - {id: ic-1, track: ic, grade: 1, title: &t "\(big)"}

            """
        for i in 2...400 { ladder += "  - {id: ic-\(i), track: ic, grade: \(i), title: *t}\n" }
        for i in 1...400 { ladder += "  - {id: em-\(i), track: em, grade: \(i), title: *t}\n" }
        // Every manager tops out above the IC peer: 400 pay-ceiling-parity findings, each
        // quoting the title twice.
        var bands = "kind: compensation\nladder: big\ncurrency: USD\nbands:\n"
        for i in 1...400 {
            bands += "  - {level: ic-\(i), base: {min: 100000, max: 200000}}\n"
            bands += "  - {level: em-\(i), base: {min: 100000, max: 300000}}\n"
        }
        let files: [String: FileContent] = ["corpus/big/ladder.yaml": .text(ladder), "corpus/big/compensation.yaml": .text(bands)]
        let (outputs, run, root) = try Self.lint(files)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(run.status <= 1, "exit \(run.status): \(Escape.terminal(run.stderr))")
        let findings = String(decoding: outputs["text"]!, as: UTF8.self).split(separator: "\n").count - 1
        for format in Self.formats {
            let size = outputs[format]!.count
            // Each finding shows at most a few capped strings; the HTML report adds its page.
            #expect(size <= 600_000 + findings * 4 * Finding.messageCap, "\(format): \(size) bytes for \(findings) findings")
        }
        #expect(findings >= 400)
        let text = String(decoding: outputs["text"]!, as: UTF8.self)
        // A level is shown as "em-1 (its title)": the capped string is that whole argument.
        #expect(text.contains("…[elided: \(big.count + " (em-1)".count) characters]"))
        for line in text.split(separator: "\n") {
            #expect(line.count <= Finding.messageCap + 200, "a line of \(line.count) characters")
        }
    }

    @Test func extremeNumbersGiveFindingsNotCrashes() throws {
        var files = Self.corpus()
        files["corpus/acme/compensation.yaml"] = .text("""
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-4, base: {min: 1e16, max: 1.0000000000000002e16}, bonus_target: 0.10}
              - {level: em-4, base: {min: 0, max: 1e21}, bonus_target: 0.10}
              - {level: ic-5, base: {min: 5e-324, max: 1e300}, bonus_target: 1e300}
              - {level: em-5, base: {min: -0.0, max: 9007199254740993}, bonus_target: -1e-300}

            """)
        files["corpus/acme/policy.yaml"] = .text("""
            kind: policy
            ladder: acme
            transitions:
              - {from: ic, to: em, grade_change: -9223372036854775808, pay_change: 0}
              - {from: em, to: ic, grade_change: 9223372036854775807, pay_change: -1e300}

            """)
        for redact in [false, true] {
            let (outputs, run, root) = try Self.lint(files, extra: redact ? ["--redact"] : [])
            defer { try? FileManager.default.removeItem(at: root) }
            #expect(run.status == 1, "redact \(redact): exit \(run.status): \(Escape.terminal(run.stderr))")
            for format in Self.formats {
                let text = String(decoding: outputs[format]!, as: UTF8.self)
                #expect(!text.isEmpty, "\(format)")
                #expect(OutputSafety.violations(format: format, output: text, files: Self.names(files)).isEmpty, "\(format)")
            }
        }
    }
}
