import Foundation
import Testing

/// What the integration tests share: where the repository, the built `ladderlint` and the
/// Python validators are, and a way to run a program and keep what it printed.
enum Integration {
    /// The repository root, three folders up from this file (Tests/CLITests/…).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `ladderlint` executable built with the tests: `LADDERLINT_BIN` when set, else the
    /// first folder holding one, walking up from the test runner (which SwiftPM puts beside the
    /// products, with or without `--scratch-path`).
    static func ladderlint() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["LADDERLINT_BIN"], !explicit.isEmpty {
            return explicit
        }
        var starts = [Bundle.main.bundlePath, CommandLine.arguments.first ?? ""]
        if let executable = Bundle.main.executablePath { starts.append(executable) }
        for start in starts where !start.isEmpty {
            var dir = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("ladderlint").path
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate)
                {
                    return candidate
                }
                dir.deleteLastPathComponent()
            }
        }
        throw SetupError(
            "no built ladderlint found near the test runner (\(starts.joined(separator: ", "))): "
                + "build it first (`swift build`, or `swift build --scratch-path DIR` for `swift test --scratch-path DIR`) or set LADDERLINT_BIN")
    }

    /// A program from the test virtualenv; fails the test with the fix when the venv is missing.
    static func venv(_ program: String) throws -> String {
        let file = path(".venv/bin/\(program)")
        guard FileManager.default.isExecutableFile(atPath: file) else {
            throw SetupError("\(file) is missing: run scripts/test-setup to install the Python validators (Tests/requirements.txt) in .venv")
        }
        return file
    }

    /// A fresh folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ladderlint-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A YAML file as JSON, read by the venv's PyYAML (the parser pre-commit itself uses).
    static func yamlAsJSON(_ file: String) throws -> Any {
        let script = "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)"
        let r = try run(venv("python3"), ["-c", script, file])
        guard r.status == 0 else { throw SetupError("cannot read \(file) as YAML: \(r.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    /// Git variables that would point a child at another repository, index or identity (set,
    /// for instance, when the tests run inside a git hook). Network ones (GIT_SSL_CAINFO, …) stay.
    static let repositoryGitVariables: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_CEILING_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR",
    ]

    /// An environment for programs that must not see the developer's git, pre-commit or
    /// colour settings: HOME and PRE_COMMIT_HOME inside `sandbox`, no repository git variable.
    /// The machine's git configuration (/etc/gitconfig: mirrors, proxies, CAs) still applies.
    static func isolatedEnvironment(sandbox: URL, prependingPath folders: [String] = []) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !repositoryGitVariables.contains(key) && !key.hasPrefix("PRE_COMMIT") && key != "XDG_CONFIG_HOME"
        }
        env["HOME"] = sandbox.appendingPathComponent("home").path
        env["PRE_COMMIT_HOME"] = sandbox.appendingPathComponent("pre-commit-cache").path
        env["PRE_COMMIT_COLOR"] = "never"
        env["NO_COLOR"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        // A test run inside GitHub Actions must not append to the job's own summary (issue 19.4).
        env["GITHUB_STEP_SUMMARY"] = nil
        let path = env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        env["PATH"] = (folders + [path]).joined(separator: ":")
        try? FileManager.default.createDirectory(atPath: env["HOME"]!, withIntermediateDirectories: true)
        return env
    }

    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs `program` to completion; output goes through files, so a chatty program never
    /// blocks on a full pipe.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        let scratch = try temporaryFolder("output")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? arguments : [program] + arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A throw-away git repository holding `ladders/healthy` as `ladders/`, committed, with a
    /// local identity so commits work without any global git configuration.
    static func gitRepositoryWithHealthyLadders(sandbox: URL, environment: [String: String]) throws -> URL {
        let repo = sandbox.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path("ladders/healthy"), toPath: repo.appendingPathComponent("ladders").path)
        for args in [
            ["init", "-q", "-b", "main"], ["config", "user.name", "Ladder Tester"],
            ["config", "user.email", "ladders@example.invalid"], ["config", "commit.gpgsign", "false"],
        ] {
            try git(args, in: repo, environment: environment)
        }
        return repo
    }

    @discardableResult
    static func git(_ arguments: [String], in repo: URL, environment: [String: String]) throws -> Result {
        let r = try run("git", arguments, in: repo, environment: environment)
        guard r.status == 0 else { throw SetupError("git \(arguments.joined(separator: " ")) failed: \(r)") }
        return r
    }

    /// Replaces `old` with `new` in a file, failing when the sample no longer holds `old`.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains(old) else {
            throw SetupError("\(file.path) no longer contains \(old.debugDescription): update the scenario to the sample ladders")
        }
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}

/// A test could not be set up; the message says how to fix that.
struct SetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
