import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import LadderYAML
import Testing

/// The library product (`Linter`) lints files held in memory exactly as `ladderlint lint`
/// lints them on disk: same report in every format, same exit status, same notes. The run on
/// disk computes only what its one format declares it needs (`Reporters.needs`), the library
/// everything, so equal output also holds each reporter to its declared needs.
@Suite struct LibraryLintTests {
    static let today = Day("2026-11-21")!

    /// The files a folder walk finds under `folder` (relative to the repository), with their bytes:
    /// YAML and the spreadsheets the repository's `sources:` maps (ladders/larkspur's export).
    static func filesInMemory(_ folder: String) throws -> [(path: String, bytes: [UInt8])] {
        let root = Integration.root.path
        let settings = try Settings.load(LintOptions(), workingDirectory: root)
        let formats = InputFormats.standard.adding(settings.configuration.sources)
        let found = Discovery(workingDirectory: root, formats: formats).files([Discovery.absolute(folder, cwd: root)])
        #expect(found.problems.isEmpty, "\(found.problems.map(\.message))")
        return try found.files.map { f in
            (f.display, [UInt8](try Data(contentsOf: URL(fileURLWithPath: f.absolute))))
        }
    }

    static func options(_ folder: String, format: String, redact: Bool) -> LintOptions {
        var options = LintOptions()
        options.paths = [folder]
        options.today = today
        options.redact = redact
        options.outputs = [OutputRequest(format: format, file: nil)]
        return options
    }

    @Test(arguments: ["ladders", "Tests/Fixtures/orgs"], [false, true])
    func memoryAndDiskAgreeInEveryFormat(folder: String, redact: Bool) throws {
        let root = Integration.root.path
        let files = try Self.filesInMemory(folder)
        #expect(!files.isEmpty)
        let settings = try Settings.load(Self.options(folder, format: "text", redact: redact), workingDirectory: root)
        let outcome = Linter(settings: settings, workingDirectory: root).lint(files)
        #expect(outcome.report.files == files.map(\.path))
        for format in Reporters.formats {
            let disk = LintRun(workingDirectory: root).execute(Self.options(folder, format: format, redact: redact))
            #expect(disk.stdout.count > 0, "\(format): \(disk.stderr)")
            #expect(outcome.render(format) == disk.stdout, "\(folder) \(format) redact=\(redact)")
            #expect(outcome.exitCode == disk.exitCode, "\(format)")
            #expect(outcome.notes.map { "ladderlint: note: \(Escape.terminal($0))\n" }.joined() == disk.stderr, "\(format)")
        }
    }

    /// The sample ladders fail on purpose (scripts/lint-samples): the library says so too.
    @Test func samplesFailFromMemory() throws {
        let root = Integration.root.path
        let settings = try Settings.load(Self.options("ladders", format: "text", redact: false), workingDirectory: root)
        let outcome = Linter(settings: settings, workingDirectory: root).lint(try Self.filesInMemory("ladders"))
        #expect(outcome.failed)
        #expect(outcome.report.summary.error > 0)
    }

    /// `required` is `--require`: the same unmet families, the same failure, the same lines.
    @Test func requiredFamiliesFailAsOnTheCommandLine() throws {
        let root = Integration.root.path
        var options = Self.options("ladders", format: "json", redact: false)
        options.require = ["pay,survey"]
        let settings = try Settings.load(options, workingDirectory: root)
        var linter = Linter(settings: settings, workingDirectory: root)
        linter.required = [.pay, .survey]
        let outcome = linter.lint(try Self.filesInMemory("ladders"))
        let disk = LintRun(workingDirectory: root).execute(options)
        #expect(!outcome.unmet.isEmpty, "the samples include ladders without bands or a survey")
        #expect(outcome.unmet.allSatisfy { $0.hasPrefix("pay was") || $0.hasPrefix("survey was") }, "\(outcome.unmet)")
        #expect(outcome.render("json") == disk.stdout)
        #expect(outcome.exitCode == disk.exitCode)
        #expect(disk.stderr.contains(outcome.unmet.map { "ladderlint: required: \(Escape.terminal($0))\n" }.joined()), "\(disk.stderr)")

        // Without it, nothing is unmet.
        let free = Linter(settings: settings, workingDirectory: root).lint(try Self.filesInMemory("ladders"))
        #expect(free.unmet.isEmpty)
    }

    /// Bytes in memory meet the file size limit, as a file on disk does.
    @Test func memoryBytesMeetTheSizeLimit() throws {
        var config = Configuration(directory: Integration.root.path)
        config.limits.maxFileBytes = 10
        let settings = Settings(configuration: config, rules: [], today: Self.today)
        let outcome = Linter(settings: settings, workingDirectory: Integration.root.path)
            .lint([("big.yaml", Array("kind: ladder\nid: x\n".utf8))])
        #expect(outcome.report.findings.map(\.rule) == ["input-limit"])
        #expect(outcome.report.findings.first?.location.file == "big.yaml")
        #expect(outcome.failed)
    }
}

/// The input-format seam: a folder walk picks up what a registered format claims, and the
/// loader hands each file to the format that claims it.
@Suite struct InputFormatSeamTests {
    /// YAML under another extension, marking each file it reads.
    struct Renamed: InputFormat {
        var name: String { "renamed" }
        func claims(name: [UInt8], path: String) -> Bool { name.count > 7 && name.suffix(7).elementsEqual(".ladder".utf8) }
        func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile {
            var decoded = YAMLInput().documents(bytes: bytes, file: file, limits: limits, collectAmounts: collectAmounts)
            decoded.findings.append(Finding(rule: "renamed-format", severity: .info, message: "read as renamed",
                                            location: Location(file: file, span: .unknown), modelPath: "file"))
            return decoded
        }
    }

    @Test func discoveryAndLoaderAskTheRegistry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-seam-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a.yaml", "b.ladder", "c.txt"] {
            try Data("kind: ladder\n".utf8).write(to: dir.appendingPathComponent(name))
        }
        let standard = Discovery(workingDirectory: dir.path).files([dir.path]).files.map(\.display)
        #expect(standard == ["a.yaml"])
        let formats = InputFormats(YAMLInput(), [Renamed()])
        let found = Discovery(workingDirectory: dir.path, formats: formats).files([dir.path]).files
        #expect(found.map(\.display) == ["a.yaml", "b.ladder"])
        let loader = FileLoader(limits: LoadLimits(), formats: formats)
        let marked = found.map { loader.load($0).findings.contains { $0.rule == "renamed-format" } }
        #expect(marked == [false, true])
        // A file no format claims, named on its own, is read by the first format; a spreadsheet,
        // Markdown or JSON file no source maps gets the one clear finding instead.
        #expect(formats.format(for: InputFile(display: "c.txt", absolute: dir.path + "/c.txt")).name == "yaml")
        #expect(formats.format(for: InputFile(display: "c.csv", absolute: dir.path + "/c.csv")).name == "unmapped")
        #expect(InputFormats.standard.format(for: InputFile(display: "c.md", absolute: dir.path + "/c.md")).name == "unmapped")
    }
}
