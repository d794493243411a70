import Foundation
import Testing

/// CLI scenario tests run the built `ladderlint` as a subprocess in a fresh folder of files.
enum Scenario {
    /// The repository root: this file is `<root>/Tests/CLITests/Support/ScenarioSupport.swift`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let python = repoRoot.appendingPathComponent(".venv/bin/python3").path
    static let reportSchema = repoRoot.appendingPathComponent("schemas/report.schema.json").path

    /// The `ladderlint` built with the tests (see `Integration.ladderlint()`).
    static func binary() throws -> String { try Integration.ladderlint() }

    /// The venv's python; the test fails with the fix when scripts/test-setup has not run.
    static func venvPython() throws -> String { try Integration.venv("python3") }

    /// A fresh folder holding `files` (path relative to the folder → text or bytes).
    static func folder(_ files: [String: FileContent]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-scenario-\(UUID().uuidString.prefix(12))")
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.data.write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// Runs `program arguments` in `directory`, with NO_COLOR unset unless `environment` sets it;
    /// output goes through files so a chatty program never blocks. A run past `timeout` seconds
    /// is killed and reported.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], program: String? = nil, timeout: Double = 60
    ) throws -> RunOutput {
        let program = try program ?? binary()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-output-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        // A test run inside GitHub Actions must not append to the job's own summary (issue 19.4).
        env["GITHUB_STEP_SUMMARY"] = nil
        env.merge(environment) { $1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let started = Date()
        try process.run()
        while process.isRunning && Date().timeIntervalSince(started) < timeout { usleep(2_000) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
        }
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(started)
        try outHandle.close()
        try errHandle.close()
        if timedOut { throw ScenarioError("ladderlint \(arguments) did not finish within \(timeout) s") }
        return RunOutput(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
            seconds: elapsed)
    }

    /// Validates JSON reports against schemas/report.schema.json in one Python call; returns
    /// one line per error ("name: at /path: message"), empty when all are valid.
    static func reportSchemaErrors(_ reports: [(name: String, json: String)]) throws -> [String] {
        let python = try venvPython()
        let dir = try folder(Dictionary(uniqueKeysWithValues: reports.enumerated().map { ("\($0.offset).json", FileContent.text($0.element.json)) }))
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(reports.map(\.name).joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("names.txt"))
        let r = try run(["-c", validatorScript, reportSchema, dir.path], in: dir, program: python)
        guard r.status == 0 else { throw ScenarioError("the report validator failed: \(r)") }
        return r.stdout.split(separator: "\n").map(String.init)
    }

    /// Fails the test unless every report is valid JSON of the documented shape.
    static func expectValidReports(_ reports: [(name: String, json: String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let errors = try reportSchemaErrors(reports)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    static let validatorScript = """
        import json, os, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        folder = sys.argv[2]
        names = open(os.path.join(folder, "names.txt")).read().split("\\n")
        for i, name in enumerate(names):
            try:
                instance = json.load(open(os.path.join(folder, "%d.json" % i)))
            except ValueError as e:
                print("%s: not JSON: %s" % (name, e))
                continue
            for e in validator.iter_errors(instance):
                print("%s: at /%s: %s" % (name, "/".join(map(str, e.absolute_path)), e.message[:300]))
        """

    /// Runs `arguments` under a pseudo-terminal (so ladderlint sees a TTY) and returns what it printed.
    static func runOnTerminal(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> RunOutput {
        let script = """
            import json, os, pty, subprocess, sys
            master, slave = pty.openpty()
            p = subprocess.Popen(sys.argv[2:], stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=sys.argv[1])
            os.close(slave)
            out = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            p.wait()
            sys.stdout.write(json.dumps({"status": p.returncode, "output": out.decode("utf-8", "replace")}))
            """
        let r = try run(["-c", script, directory.path, try binary()] + arguments, in: directory, environment: environment, program: try venvPython())
        guard r.status == 0, let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
            let status = object["status"] as? Int, let output = object["output"] as? String
        else { throw ScenarioError("the terminal run failed: \(r)") }
        return RunOutput(status: Int32(status), stdout: output, stderr: "", seconds: r.seconds)
    }
}

/// The content of a scenario file.
enum FileContent: ExpressibleByStringLiteral {
    case text(String)
    case bytes([UInt8])

    init(stringLiteral value: String) { self = .text(value) }

    var data: Data {
        switch self {
        case .text(let s): return Data(s.utf8)
        case .bytes(let b): return Data(b)
        }
    }
}

/// What one run printed and how it ended.
struct RunOutput: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double

    /// stdout split into lines, without the empty string after the last newline.
    var lines: [String] {
        var l = stdout.components(separatedBy: "\n")
        if l.last == "" { l.removeLast() }
        return l
    }

    var description: String { "exit \(status) after \(String(format: "%.2f", seconds)) s\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A scenario could not be set up; the message says how to fix that.
struct ScenarioError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
