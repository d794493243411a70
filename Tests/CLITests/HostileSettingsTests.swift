import Foundation
import LadderDriver
import LadderModel
import Testing

/// `.ladderlint.yml` arrives with the pull request it checks: its paths and packs stay inside
/// the repository, its limits only go down, and no error about a file it names shows that
/// file's text.
@Suite("Hostile settings: configuration paths stay in the repository, limits only go down, no file echoed")
struct HostileSettingsTests {
    /// A passwd-like file: the first line must never reach any output.
    static let secret = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"

    /// `outside/secret` beside a repository `repo/` (with `.git`) holding a clean organisation.
    func layout(_ config: String, extra: [String: FileContent] = [:]) throws -> (root: URL, repo: URL) {
        var files: [String: FileContent] = [
            "outside/secret": .text(Self.secret),
            "outside/ladders/ladder.yaml": .text(Fixtures.ladder),
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/ladders/ladder.yaml": .text(Fixtures.ladder),
            "repo/ladders/comp.yaml": .text(Fixtures.compensation),
            "repo/.ladderlint.yml": .text(config),
            "repo/empty.yml": "version: 1\n",
        ]
        files.merge(extra) { $1 }
        let root = try Scenario.folder(files)
        return (root, root.appendingPathComponent("repo"))
    }

    func lint(_ dir: URL, _ configure: (inout LintOptions) -> Void = { _ in }) -> LintResult {
        var options = LintOptions()
        options.today = Day("2026-06-01")
        options.jobs = 1
        configure(&options)
        return LintRun(workingDirectory: dir.path).execute(options)
    }

    @Test func aRulePackOutsideTheRepositoryIsAConfigurationErrorAtItsValue() throws {
        let (root, repo) = try layout("rules: ../outside/secret\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = lint(repo)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("ladderlint: .ladderlint.yml:1:8: rules: expected a path inside the repository"), "\(result.stderr)")
        #expect(result.stderr.contains("--allow-outside-repo"))
        #expect(!result.stderr.contains("SECRET-FIRST-LINE"))
        #expect(result.stdout.isEmpty)
    }

    @Test func pathsOutsideTheRepositoryOrTheWholeDiskAreConfigurationErrors() throws {
        for (config, column) in [("paths: [\"/\"]\n", 9), ("paths:\n  - ladders\n  - ../outside/ladders\n", 5)] {
            let (root, repo) = try layout(config)
            defer { try? FileManager.default.removeItem(at: root) }
            let result = lint(repo)
            #expect(result.exitCode == 2, "\(config)")
            #expect(result.stderr.contains(".ladderlint.yml:"), "\(result.stderr)")
            #expect(result.stderr.contains(":\(column): paths: expected a path inside the repository"), "\(result.stderr)")
        }
    }

    @Test func aLinkInsideTheRepositoryThatLeadsOutIsResolvedFirst() throws {
        let (root, repo) = try layout("paths: [escape]\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(symlink(root.appendingPathComponent("outside/ladders").path, repo.appendingPathComponent("escape").path) == 0)
        let result = lint(repo)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("paths: expected a path inside the repository"), "\(result.stderr)")
        // A rule pack folder inside the repository holding a link to a file outside.
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("packs"), withIntermediateDirectories: true)
        #expect(symlink(root.appendingPathComponent("outside/secret").path, repo.appendingPathComponent("packs/x.yaml").path) == 0)
        try "rules: [packs]\n".write(to: repo.appendingPathComponent(".ladderlint.yml"), atomically: true, encoding: .utf8)
        let packs = lint(repo)
        #expect(packs.exitCode == 2)
        #expect(packs.stderr.contains(".ladderlint.yml:1:9: rules: expected a path inside the repository"), "\(packs.stderr)")
        #expect(!packs.stderr.contains("SECRET-FIRST-LINE"))
    }

    @Test func pathsInsideTheRepositoryAndAboveTheConfigurationAreAllowed() throws {
        // The configuration in a subfolder names a folder beside it: still the same repository
        // (found by its `.git`, here a worktree's file).
        let (root, repo) = try layout("", extra: ["repo/hr/.ladderlint.yml": "paths: [../ladders]\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git"))
        try "gitdir: /elsewhere/.git/worktrees/repo\n".write(to: repo.appendingPathComponent(".git"), atomically: true, encoding: .utf8)
        let result = lint(repo.appendingPathComponent("hr"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.report?.summary.files == 2)
    }

    @Test func outsideGitTheConfigurationFolderIsTheBound() throws {
        let (root, repo) = try layout("", extra: ["repo/hr/.ladderlint.yml": "paths: [../ladders]\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git"))
        let result = lint(repo.appendingPathComponent("hr"))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(".ladderlint.yml:1:9: paths: expected a path inside the repository"), "\(result.stderr)")
    }

    @Test func theCommandLineAllowsWhatTheConfigurationMayNot() throws {
        let (root, repo) = try layout("paths: [../outside/ladders]\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(lint(repo).exitCode == 2)
        #expect(lint(repo) { $0.allowOutsideRepo = true }.exitCode == 0)
        // Paths given as arguments are the user's own.
        let named = lint(repo) { $0.paths = [root.appendingPathComponent("outside/ladders").path]; $0.configFile = "empty.yml" }
        #expect(named.exitCode == 0, "\(named.stderr)")
    }

    @Test func aFileThatIsNotYAMLSettingsIsNeverEchoed() throws {
        let (root, repo) = try layout("rules: ../outside/secret\n", extra: [
            "repo/dup.yaml": "version: 1\nSECRET-KEY-NAME: 1\nSECRET-KEY-NAME: 2\n",
            "repo/alias.yaml": "version: 1\nrules: *SECRET-ALIAS-NAME\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("outside/secret").path
        let runs = [
            lint(repo) { $0.allowOutsideRepo = true },  // as a rule pack named by the configuration
            lint(repo) { $0.configFile = secret },  // as the configuration
            lint(repo) { $0.configFile = "empty.yml"; $0.rulePacks = [secret] },
            lint(repo) { $0.configFile = "empty.yml"; $0.rulePacks = ["dup.yaml"] },
            lint(repo) { $0.configFile = "empty.yml"; $0.rulePacks = ["alias.yaml"] },
            lint(repo) { $0.configFile = "empty.yml"; $0.baseline = secret },
        ]
        for r in runs {
            #expect(r.exitCode == 2, "\(r.stderr)")
            #expect(r.stderr.contains(":"), "names the file: \(r.stderr)")
            for leak in ["SECRET-FIRST-LINE", "root:x", "SECRET-KEY-NAME", "SECRET-ALIAS-NAME"] {
                #expect(!r.stderr.contains(leak), "\(r.stderr)")
            }
        }
        #expect(runs[0].stderr.contains("outside/secret:1:1: expected a rule pack (a mapping), found text"), "\(runs[0].stderr)")
        #expect(runs[3].stderr.contains("dup.yaml:3:1:"), "\(runs[3].stderr)")
    }

    @Test func limitsCanOnlyBeLowered() throws {
        let (root, repo) = try layout("limits:\n  max_depth: 64\n  max_alias_nodes: 1000000000\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = lint(repo)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(".ladderlint.yml:3:20: limits.max_alias_nodes is 1000000000, above the built-in maximum of 100000"), "\(result.stderr)")

        try "limits: {max_file_bytes: 20}\n".write(to: repo.appendingPathComponent(".ladderlint.yml"), atomically: true, encoding: .utf8)
        let lowered = lint(repo) { $0.outputs = [OutputRequest(format: "json", file: nil)] }
        #expect(lowered.exitCode == 1)
        #expect(lowered.report?.findings.filter { $0.rule == "input-limit" }.count == 2)
    }
}
