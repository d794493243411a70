import Foundation
import Testing

/// The pre-commit hook run for real by the `pre-commit` tool on a throw-away git repository
/// holding the healthy sample ladders.
///
/// Most scenarios use the hook exactly as `.pre-commit-hooks.yaml` declares it (files,
/// pass_filenames, require_serial, entry) as a `repo: local` hook with `language: system`
/// and the ladderlint built with the tests on PATH, so they take seconds. One test installs
/// the hook the way users do, from a clone with `language: swift`, which builds the package.
@Suite("pre-commit hook")
struct IntegrationPreCommitTests {
    static let policy = "ladders/policy.yaml"
    /// The healthy sample admits tech leads, managers and Principal Engineers.
    static let openProgramme = "eligible: *leads"
    static let managersOnly = "eligible: {track_kinds: [management]}  # managers only"

    /// A repository with the manifest's hook as a local one, committed with the ladders.
    struct Sandbox {
        var folder: URL
        var repo: URL
        var environment: [String: String]

        /// `hook`: the manifest's hook to install as a local one (`ladderlint`, its language
        /// made `system`; `ladderlint-system` as it is).
        init(_ label: String, hook: String = "ladderlint") throws {
            folder = try Integration.temporaryFolder(label)
            let bin = URL(fileURLWithPath: try Integration.ladderlint()).deletingLastPathComponent().path
            environment = Integration.isolatedEnvironment(sandbox: folder, prependingPath: [bin])
            repo = try Integration.gitRepositoryWithHealthyLadders(sandbox: folder, environment: environment)
            try Self.localHookConfig(hook).write(to: repo.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
            try Integration.git(["add", "-A"], in: repo, environment: environment)
            try Integration.git(["commit", "-q", "-m", "ladders"], in: repo, environment: environment)
        }

        /// `.pre-commit-hooks.yaml`'s hook, unchanged but for `language: system` (JSON is YAML).
        static func localHookConfig(_ id: String = "ladderlint") throws -> String {
            guard var hook = try IntegrationPreCommitTests.manifestHook(id) else {
                throw SetupError(".pre-commit-hooks.yaml has no hook with id \(id)")
            }
            hook["language"] = "system"
            let config: [String: Any] = ["repos": [["repo": "local", "hooks": [hook]]]]
            return String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        }

        func file(_ relative: String) -> URL { repo.appendingPathComponent(relative) }

        func stage(_ relative: String) throws {
            try Integration.git(["add", relative], in: repo, environment: environment)
        }

        func preCommit(_ arguments: [String]) throws -> Integration.Result {
            try Integration.run(Integration.venv("pre-commit"), arguments, in: repo, environment: environment)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// A hook of `.pre-commit-hooks.yaml`, as pre-commit reads it.
    static func manifestHook(_ id: String) throws -> [String: Any]? {
        let hooks = try Integration.yamlAsJSON(Integration.path(".pre-commit-hooks.yaml")) as? [[String: Any]]
        return hooks?.first { $0["id"] as? String == id }
    }

    @Test("a policy file changed alone that admits managers only fails with the policy finding, not unknown-reference")
    func badPolicyAlone() throws {
        let sandbox = try Sandbox("precommit-bad")
        defer { sandbox.remove() }
        try Integration.edit(sandbox.file(Self.policy), replacing: Self.openProgramme, with: Self.managersOnly)
        try sandbox.stage(Self.policy)

        let r = try sandbox.preCommit(["run"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("ladderlint") && r.stdout.contains("Failed"), "\(r)")
        #expect(r.stdout.contains("\(Self.policy):"), "the finding points at the changed file: \(r)")
        #expect(r.stdout.contains("manager-only-leadership-training"), "\(r)")
        #expect(!r.output.contains("unknown-reference"), "the policy's ladder is loaded for context: \(r)")
    }

    @Test("the installed git hook rejects the commit of a managers-only programme")
    func gitCommitRejected() throws {
        let sandbox = try Sandbox("precommit-commit")
        defer { sandbox.remove() }
        let install = try sandbox.preCommit(["install"])
        #expect(install.status == 0, "\(install)")
        let before = try Integration.git(["rev-parse", "HEAD"], in: sandbox.repo, environment: sandbox.environment).stdout
        try Integration.edit(sandbox.file(Self.policy), replacing: Self.openProgramme, with: Self.managersOnly)
        try sandbox.stage(Self.policy)

        let commit = try Integration.run("git", ["commit", "-m", "leadership circle: managers only"], in: sandbox.repo, environment: sandbox.environment)
        #expect(commit.status != 0, "\(commit)")
        #expect(commit.output.contains("manager-only-leadership-training"), "\(commit)")
        let after = try Integration.git(["rev-parse", "HEAD"], in: sandbox.repo, environment: sandbox.environment).stdout
        #expect(before == after, "no commit was made")
    }

    @Test("a clean change to a ladder file passes")
    func cleanChange() throws {
        let sandbox = try Sandbox("precommit-clean")
        defer { sandbox.remove() }
        try Integration.edit(sandbox.file(Self.policy), replacing: "name: Leadership Circle", with: "name: Leadership Circle (spring cohort)")
        try sandbox.stage(Self.policy)

        let r = try sandbox.preCommit(["run"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("ladderlint") && r.stdout.contains("Passed"), "\(r)")
    }

    @Test("YAML outside ladders/ does not run the hook")
    func otherYAMLSkipped() throws {
        let sandbox = try Sandbox("precommit-other")
        defer { sandbox.remove() }
        let workflow = sandbox.file(".github/workflows/ci.yml")
        try FileManager.default.createDirectory(at: workflow.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "on: push\njobs: {}\n".write(to: workflow, atomically: true, encoding: .utf8)
        try sandbox.stage(".github/workflows/ci.yml")

        let r = try sandbox.preCommit(["run"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("(no files to check)Skipped"), "\(r)")
    }

    /// The hook as users install it: pre-commit clones this repository at HEAD and builds it
    /// with its `swift` language (`swift build -c release`), in a fresh cache, so this takes
    /// minutes. Only committed work is tried: commit the manifest and the sources first.
    @Test("the swift-language hook builds from a clone of this repository and runs", .timeLimit(.minutes(30)))
    func tryRepoBuildsAndRuns() throws {
        let folder = try Integration.temporaryFolder("precommit-try-repo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Integration.isolatedEnvironment(sandbox: folder)
        let head = try Integration.git(["rev-parse", "HEAD"], in: Integration.root, environment: environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let manifest = try Integration.run("git", ["cat-file", "-e", "\(head):.pre-commit-hooks.yaml"], in: Integration.root, environment: environment)
        try #require(manifest.status == 0, "HEAD \(head) has no .pre-commit-hooks.yaml: commit it before trying the hook")

        let repo = try Integration.gitRepositoryWithHealthyLadders(sandbox: folder, environment: environment)
        try Integration.git(["add", "-A"], in: repo, environment: environment)
        try Integration.git(["commit", "-q", "-m", "ladders"], in: repo, environment: environment)
        try Integration.edit(repo.appendingPathComponent(Self.policy), replacing: Self.openProgramme, with: Self.managersOnly)

        let clock = ContinuousClock()
        let start = clock.now
        let r = try Integration.run(
            Integration.venv("pre-commit"),
            ["try-repo", Integration.root.path, "ladderlint", "--ref", head, "--verbose", "--files", Self.policy],
            in: repo, environment: environment)
        let took = clock.now - start
        print("pre-commit try-repo (clone at \(head.prefix(12)), swift build -c release, run) took \(took.components.seconds) s")

        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("manager-only-leadership-training"), "\(r)")
        #expect(!r.output.contains("unknown-reference"), "\(r)")
        #expect(!r.output.contains("An unexpected error has occurred"), "\(r)")
    }

    // MARK: - The `language: system` hook (issue 19.5): the ladderlint installed on PATH

    @Test("the system hook is the swift hook but for its id, description and language: the same files, entry and batching")
    func systemHookMatchesSwiftHook() throws {
        let swift = try #require(try Self.manifestHook("ladderlint"))
        let system = try #require(try Self.manifestHook("ladderlint-system"), ".pre-commit-hooks.yaml declares ladderlint-system")
        #expect(system["language"] as? String == "system")
        #expect(swift["language"] as? String == "swift")
        let differing: Set<String> = ["id", "description", "language"]
        let keys = Set(swift.keys).union(system.keys).subtracting(differing)
        for key in keys.sorted() {
            #expect(
                String(describing: swift[key] ?? "(none)") == String(describing: system[key] ?? "(none)"),
                "\(key) differs between ladderlint and ladderlint-system")
        }
    }

    @Test("the system hook, installed as declared, stops a managers-only programme with the ladderlint on PATH")
    func systemHookLocal() throws {
        let sandbox = try Sandbox("precommit-system", hook: "ladderlint-system")
        defer { sandbox.remove() }
        try Integration.edit(sandbox.file(Self.policy), replacing: Self.openProgramme, with: Self.managersOnly)
        try sandbox.stage(Self.policy)

        let r = try sandbox.preCommit(["run"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("- hook id: ladderlint-system"), "\(r)")
        #expect(r.stdout.contains("manager-only-leadership-training"), "\(r)")
        #expect(!r.output.contains("unknown-reference"), "\(r)")
    }

    /// An environment whose PATH has no folder holding a `ladderlint`, but `extra` first.
    static func environment(sandbox: URL, ladderlintIn extra: [String]) -> [String: String] {
        var environment = Integration.isolatedEnvironment(sandbox: sandbox)
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter {
            !FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: $0).appendingPathComponent("ladderlint").path)
        }
        environment["PATH"] = (extra + folders).joined(separator: ":")
        return environment
    }

    /// The system hook as users install it, from a clone of this repository at HEAD: nothing is
    /// built, so this takes seconds. `bin`: the folder of the ladderlint to put on PATH (the one
    /// built with the tests, or an extracted release), nil for none.
    static func tryRepoSystemHook(label: String, bin: String?) throws -> Integration.Result {
        let folder = try Integration.temporaryFolder(label)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = environment(sandbox: folder, ladderlintIn: bin.map { [$0] } ?? [])
        let head = try Integration.git(["rev-parse", "HEAD"], in: Integration.root, environment: environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let manifest = try Integration.run("git", ["show", "\(head):.pre-commit-hooks.yaml"], in: Integration.root, environment: environment)
        try #require(
            manifest.status == 0 && manifest.stdout.contains("id: ladderlint-system"),
            "HEAD \(head) has no ladderlint-system hook in .pre-commit-hooks.yaml: commit it before trying the hook")

        let repo = try Integration.gitRepositoryWithHealthyLadders(sandbox: folder, environment: environment)
        try Integration.git(["add", "-A"], in: repo, environment: environment)
        try Integration.git(["commit", "-q", "-m", "ladders"], in: repo, environment: environment)
        try Integration.edit(repo.appendingPathComponent(Self.policy), replacing: Self.openProgramme, with: Self.managersOnly)
        return try Integration.run(
            Integration.venv("pre-commit"),
            ["try-repo", Integration.root.path, "ladderlint-system", "--ref", head, "--verbose", "--files", Self.policy],
            in: repo, environment: environment)
    }

    @Test("the system hook from a clone of this repository runs the ladderlint on PATH, building nothing")
    func systemHookFromClone() throws {
        let bin = URL(fileURLWithPath: try Integration.ladderlint()).deletingLastPathComponent().path
        let r = try Self.tryRepoSystemHook(label: "precommit-system-clone", bin: bin)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("manager-only-leadership-training"), "\(r)")
        #expect(!r.output.contains("unknown-reference"), "\(r)")
        #expect(!r.output.contains("Installing environment"), "a system hook installs nothing: \(r)")
    }

    @Test("the system hook without a ladderlint on PATH fails and names the missing executable")
    func systemHookWithoutBinary() throws {
        let r = try Self.tryRepoSystemHook(label: "precommit-system-missing", bin: nil)
        #expect(r.status == 1, "\(r)")
        #expect(r.output.contains("Executable `ladderlint` not found"), "\(r)")
    }
}
