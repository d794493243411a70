import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

@testable import LadderImport

private typealias S = LadderImportSupport

@Suite struct InitTests {
    static let paths = [
        ".ladderlint.yml", "ladders/ladder.yaml", "ladders/compensation.yaml", "ladders/policy.yaml", "ladders/survey.yaml",
        ".ladderlint/ladder.schema.json",
    ]

    /// Every file below `dir`, relative, with its bytes.
    static func tree(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walk = FileManager.default.enumerator(atPath: dir.path)
        while let name = walk?.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = dir.appendingPathComponent(name).path
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            out[name] = isDir.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return out
    }

    @Test func theStarterLintsCleanWithNoFindingAtAll() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = Starter.run(Starter.Request(workingDirectory: dir.path, today: S.today))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try Set(Self.tree(dir).keys) == Set(Self.paths + ["ladders", ".ladderlint"]))
        // `ladderlint lint` in the folder: the configuration's paths, every rule, the same day...
        let lint = S.lint(dir)
        #expect(lint.exitCode == 0, "\(lint.stderr)")
        #expect(lint.report?.findings.map(\.message) == [])
        #expect(lint.report?.summary.documents == 4)
        // ...and a year on, when the survey template is 365 days old (survey-missing asks for 400).
        let later = S.lint(dir, today: Day(year: 2027, month: 11, day: 21)!)
        #expect(later.report?.findings.map(\.message) == [])
    }

    @Test func theStarterIsWhatTheBriefPromises() throws {
        let files = Dictionary(uniqueKeysWithValues: Starter.files(today: S.today).map { ($0.path, $0.text) })
        #expect(Starter.files(today: S.today).map(\.path) == Self.paths)
        for (path, text) in files where path.hasPrefix("ladders/") {
            #expect(text.hasPrefix("# yaml-language-server: $schema=../.ladderlint/ladder.schema.json\n"), "\(path)")
            #expect(text.contains("docs/format.md"), "\(path)")
        }
        #expect(files["ladders/survey.yaml"]?.contains("conducted: 2026-11-21") == true)
        // Groups of at least 5 (survey-small-group's min_group): no answer is withheld.
        let respondents = files["ladders/survey.yaml"]!.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "respondents: ") else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(respondents.count == 2 && respondents.allSatisfy { $0 >= 5 }, "\(respondents)")
        #expect(!files[".ladderlint.yml"]!.contains("$schema"))
    }

    static let schemaURL = S.root.appendingPathComponent(StarterSchema.path)
    static let schemaPresent = FileManager.default.fileExists(atPath: schemaURL.path)

    @Test(.enabled(if: schemaPresent, "schemas/ladder.schema.json is not beside these tests (a copy of the sources without it): nothing to compare the embedded schema with"))
    func theEmbeddedSchemaIsTheRepositorysByteForByte() throws {
        let data = try Data(contentsOf: Self.schemaURL)
        #expect(Data((StarterSchema.text + "\n").utf8) == data, "run scripts/embed-schema")
        let written = try #require(Starter.files(today: S.today).first { $0.path == ".ladderlint/ladder.schema.json" })
        #expect(Data(written.text.utf8) == data)
    }

    @Test func anExistingFileStopsEverythingAndIsLeftByteForByte() throws {
        let mine = "kind: policy\nladder: mine   # hand-written, keep\n\u{0}binary?"
        let dir = try S.folder(["ladders/policy.yaml": mine, ".ladderlint.yaml": "version: 1\n", "notes.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.tree(dir)
        let result = Starter.run(Starter.Request(workingDirectory: dir.path, today: S.today))
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "ladderlint: init writes nothing when one of its files exists; found ladders/policy.yaml, .ladderlint.yaml, left as they are: move them away, or give init another folder\n")
        #expect(try Self.tree(dir) == before)
    }

    @Test func aSecondInitWritesNothing() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Starter.run(Starter.Request(directory: "new", workingDirectory: dir.path, today: S.today)).exitCode == 0)
        let before = try Self.tree(dir)
        let again = Starter.run(Starter.Request(directory: "new", workingDirectory: dir.path, today: Day(year: 2027, month: 1, day: 1)!))
        #expect(again.exitCode == 2)
        for path in Self.paths { #expect(again.stderr.contains("new/\(path)"), "\(path)") }
        #expect(try Self.tree(dir) == before)
    }

    @Test func aFileWhereAFolderGoesStopsEverything() throws {
        let dir = try S.folder(["ladders": "not a folder"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.tree(dir)
        let result = Starter.run(Starter.Request(workingDirectory: dir.path, today: S.today))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("found ladders,"), "\(result.stderr)")
        #expect(try Self.tree(dir) == before)
    }

    /// When a write fails midway, what this run wrote is removed, folders it made included.
    @Test func aWriteThatFailsMidwayLeavesNothingBehind() throws {
        let dir = try S.folder(["keep.txt": "mine"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var writes = 0
        let result = Starter.run(Starter.Request(directory: "fresh", workingDirectory: dir.path, today: S.today)) { text, path, shown in
            writes += 1
            if writes == 4 { throw UsageError(file: shown, "cannot write the file: No space left on device") }
            try NewFile.write(text, to: path, shown: shown)
        }
        #expect(result.exitCode == 2)
        #expect(result.stderr == "ladderlint: fresh/ladders/policy.yaml: cannot write the file: No space left on device (init removed what it had written)\n")
        #expect(try Self.tree(dir) == ["keep.txt": Data("mine".utf8)])
    }

    @Test func theFolderIsCreatedWhenItsParentExists() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = Starter.run(Starter.Request(directory: "eng/", workingDirectory: dir.path, today: S.today))
        #expect(made.exitCode == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("eng/ladders/ladder.yaml").path))
        #expect(made.stdout.contains("  eng/ladders/ladder.yaml\n"))
        #expect(made.stdout.contains("  cd eng/\n"))
        let deep = Starter.run(Starter.Request(directory: "a/b", workingDirectory: dir.path, today: S.today))
        #expect(deep.exitCode == 2)
        #expect(deep.stderr == "ladderlint: a/b: expected a folder or a new folder in an existing one, found that its parent folder does not exist: create the parent first\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a").path))
    }

    @Test func itSaysWhatItWroteAndWhatToRunNext() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = Starter.run(Starter.Request(workingDirectory: dir.path, today: S.today))
        for path in Self.paths { #expect(result.stdout.contains("  \(path)\n"), "\(path)") }
        #expect(result.stdout.contains("  ladderlint lint "))
        #expect(result.stdout.contains("  ladderlint import bands "))
        #expect(result.stdout.contains("  ladderlint import ladder "))
        #expect(!result.stdout.contains("cd "))
    }

    /// The starter's level ids and tracks are the ones `import ladder` writes from a table, so an
    /// imported ladder drops in beside the starter's bands and policy.
    @Test func anImportedTableFitsTheStarter() throws {
        let dir = try S.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Starter.run(Starter.Request(workingDirectory: dir.path, today: S.today)).exitCode == 0)
        let table = """
            | Grade | IC title | Manager title |
            |---|---|---|
            | 1 | Engineer I | |
            | 2 | Engineer II | |
            | 3 | Senior Engineer | Engineering Manager |
            | 4 | Staff Engineer | Senior Engineering Manager |
            | 5 | Senior Staff Engineer | Director |
            | 6 | Principal Engineer | VP Engineering |
            """
        try Data(table.utf8).write(to: dir.appendingPathComponent("titles.md"))
        var request = LadderImporter.Request(input: "titles.md", workingDirectory: dir.path)
        request.id = "engineering"
        request.output = "ladders/ladder.yaml"
        request.force = true
        #expect(LadderImporter.run(request).exitCode == 0)
        let lint = S.lint(dir)
        // The starter's tech-lead roles are gone with its ladder; nothing else changes.
        #expect(lint.report?.findings.map(\.rule) == [], "\(S.findings(lint))")
    }
}
