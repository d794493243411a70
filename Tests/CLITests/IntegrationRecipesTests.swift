import Foundation
import Testing

/// The CI recipes users copy: each file validated by a real linter (check-jsonschema with
/// SchemaStore's schemas, pre-commit's own manifest check), and each recipe's ladderlint
/// commands run as written on the sample ladders, so a recipe cannot drift from the CLI.
@Suite("CI recipes")
struct IntegrationRecipesTests {
    static let workflow = "examples/ci/github-workflow.yml"
    static let gitlab = "examples/ci/gitlab-ci.yml"
    static let action = "action.yml"
    static let manifest = ".pre-commit-hooks.yaml"

    struct SchemaCase: CustomTestStringConvertible, Sendable {
        var file: String
        var schema: String
        /// A small edit that makes the file invalid, to show the validator really checks it.
        var breakIt: @Sendable (String) -> String
        var testDescription: String { "\(file) against \(schema)" }
    }

    static let schemaCases: [SchemaCase] = [
        SchemaCase(file: workflow, schema: "vendor.github-workflows") { $0.replacingOccurrences(of: "runs-on:", with: "runs_on:") },
        SchemaCase(file: action, schema: "vendor.github-actions") { $0.replacingOccurrences(of: "shell: bash", with: "") },
        SchemaCase(file: gitlab, schema: "vendor.gitlab-ci") { $0.replacingOccurrences(of: "when: always", with: "when: sometimes") },
    ]

    @Test("validates against its SchemaStore schema", arguments: schemaCases)
    func validates(_ c: SchemaCase) throws {
        let checker = try Integration.venv("check-jsonschema")
        let r = try Integration.run(checker, ["--builtin-schema", c.schema, Integration.path(c.file)])
        #expect(r.status == 0, "\(r)")

        let folder = try Integration.temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Integration.path(c.file), encoding: .utf8)
        let broken = c.breakIt(text)
        try #require(broken != text, "the negative control no longer changes \(c.file)")
        let copy = folder.appendingPathComponent(URL(fileURLWithPath: c.file).lastPathComponent)
        try broken.write(to: copy, atomically: true, encoding: .utf8)
        let rejected = try Integration.run(checker, ["--builtin-schema", c.schema, copy.path])
        #expect(rejected.status == 1, "a broken \(c.file) must be rejected: \(rejected)")
    }

    @Test("the pre-commit manifest passes pre-commit's own check and declares the swift hook")
    func manifestValid() throws {
        let r = try Integration.run(Integration.venv("pre-commit"), ["validate-manifest", Integration.path(Self.manifest)])
        #expect(r.status == 0, "\(r)")
        let hooks = try #require(try Integration.yamlAsJSON(Integration.path(Self.manifest)) as? [[String: Any]])
        let hook = try #require(hooks.first { $0["id"] as? String == "ladderlint" })
        #expect(hook["language"] as? String == "swift")
        #expect(hook["entry"] as? String == "ladderlint lint")
        #expect(hook["pass_filenames"] as? Bool == true)
        #expect(hook["require_serial"] as? Bool == true)
        let files = try #require(hook["files"] as? String)
        let pattern = try Regex(files)
        for name in ["ladders/acme/ladder.yaml", "ladders/policy.yml"] { #expect(name.firstMatch(of: pattern) != nil, "\(name)") }
        for name in [".github/workflows/ci.yml", "ladders/README.md", ".pre-commit-config.yaml"] {
            #expect(name.firstMatch(of: pattern) == nil, "\(name)")
        }
    }

    /// The fenced YAML blocks of docs/ci.md.
    static func yamlBlocks(of file: String) throws -> [String] {
        let text = try String(contentsOfFile: Integration.path(file), encoding: .utf8)
        let fence = try Regex("(?ms)^ *```yaml\\n(.*?)^ *```")
        return text.matches(of: fence).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test("docs/ci.md's complete workflow and pre-commit configuration are valid")
    func guideSnippetsValid() throws {
        let blocks = try Self.yamlBlocks(of: "docs/ci.md")
        let workflow = try #require(blocks.first { $0.contains("jobs:") }, "docs/ci.md shows a complete workflow")
        let config = try #require(blocks.first { $0.contains("repos:") }, "docs/ci.md shows a complete .pre-commit-config.yaml")
        let folder = try Integration.temporaryFolder("guide")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflowFile = folder.appendingPathComponent("ladderlint.yml")
        let configFile = folder.appendingPathComponent(".pre-commit-config.yaml")
        // The blocks sit in a numbered list, indented by three spaces.
        func dedent(_ s: String) -> String {
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            return lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
        }
        try dedent(workflow).write(to: workflowFile, atomically: true, encoding: .utf8)
        try dedent(config).write(to: configFile, atomically: true, encoding: .utf8)
        let w = try Integration.run(Integration.venv("check-jsonschema"), ["--builtin-schema", "vendor.github-workflows", workflowFile.path])
        #expect(w.status == 0, "\(w)")
        #expect(workflow.contains("security-events: write"))
        let c = try Integration.run(Integration.venv("pre-commit"), ["validate-config", configFile.path])
        #expect(c.status == 0, "\(c)")
        #expect(config.contains("id: ladderlint"))
    }

    @Test("docs/ci.md's team workflow lints a pull request's change with full history, and every pre-commit configuration is valid (issue 19.5)")
    func guideTeamWorkflow() throws {
        let blocks = try Self.yamlBlocks(of: "docs/ci.md")
        let workflow = try #require(blocks.first { $0.contains("jobs:") && $0.contains("--changed-since") }, "docs/ci.md shows a workflow with --changed-since")
        let folder = try Integration.temporaryFolder("guide-team")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ladderlint.yml")
        try workflow.write(to: file, atomically: true, encoding: .utf8)
        let valid = try Integration.run(Integration.venv("check-jsonschema"), ["--builtin-schema", "vendor.github-workflows", file.path])
        #expect(valid.status == 0, "\(valid)")
        let steps = try Self.steps(ofJob: "ladderlint", in: try Integration.yamlAsJSON(file.path))
        let checkout = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true })
        #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0, "--changed-since needs the base commit: fetch-depth: 0")
        let action = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("OWNER/ladderlint@") == true })
        let args = try #require((action["with"] as? [String: Any])?["args"] as? String)
        #expect(args.contains("--changed-since") && args.contains("github.event.pull_request.base.sha"), "\(args)")

        // Every input a snippet gives the action is one action.yml declares.
        let declared = try #require((try Integration.yamlAsJSON(Integration.path(Self.action)) as? [String: Any])?["inputs"] as? [String: Any])
        let text = try String(contentsOfFile: Integration.path("docs/ci.md"), encoding: .utf8)
        #expect(text.contains("binary: ${{ runner.temp }}/ladderlint-0.1.0-linux-x86_64/ladderlint"))
        for name in ["paths", "args", "binary", "fail-on", "sarif-file", "upload-sarif", "category"] {
            #expect(declared[name] != nil, "docs/ci.md documents input \(name)")
        }

        for (index, config) in blocks.filter({ $0.contains("repos:") }).enumerated() {
            let configFile = folder.appendingPathComponent("pre-commit-\(index).yaml")
            let lines = config.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            try lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
                .write(to: configFile, atomically: true, encoding: .utf8)
            let c = try Integration.run(Integration.venv("pre-commit"), ["validate-config", configFile.path])
            #expect(c.status == 0, "\(config)\n\(c)")
        }
        #expect(blocks.contains { $0.contains("repos:") && $0.contains("id: ladderlint-system") }, "docs/ci.md shows the system hook's configuration")
    }

    // MARK: - Running the recipes' own commands

    /// A working folder holding one sample organisation as `ladders/`.
    static func workspace(_ sample: String) throws -> URL {
        let folder = try Integration.temporaryFolder("recipe")
        try FileManager.default.copyItem(atPath: Integration.path("ladders/\(sample)"), toPath: folder.appendingPathComponent("ladders").path)
        return folder
    }

    /// Runs a `run:` or `script:` body as the CI system would (bash, stop at the first error).
    static func shell(_ script: String, in folder: URL, environment extra: [String: String] = [:], options: [String] = ["-e"]) throws -> Integration.Result {
        let bin = URL(fileURLWithPath: try Integration.ladderlint()).deletingLastPathComponent().path
        var env = Integration.isolatedEnvironment(sandbox: folder, prependingPath: [bin])
        env.merge(extra) { _, new in new }
        let file = folder.appendingPathComponent("step-\(UUID().uuidString.prefix(8)).sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Integration.run("/bin/bash", ["--noprofile", "--norc"] + options + [file.path], in: folder, environment: env)
    }

    static func steps(ofJob job: String, in workflow: Any) throws -> [[String: Any]] {
        let root = try #require(workflow as? [String: Any])
        let jobs = try #require(root["jobs"] as? [String: Any])
        let j = try #require(jobs[job] as? [String: Any], "no job \(job)")
        return try #require(j["steps"] as? [[String: Any]])
    }

    /// The FILE of `--format NAME:FILE` in a command line.
    static func outputFile(_ format: String, in command: String) -> String? {
        guard let match = command.firstMatch(of: try! Regex("--format[ =]\(format):(\\S+)")) else { return nil }
        return match.output[1].substring.map(String.init)
    }

    @Test("the GitHub workflow's lint step, run as written, feeds the upload and appends the summary (issue 19.4)")
    func githubWorkflowRuns() throws {
        let parsed = try Integration.yamlAsJSON(Integration.path(Self.workflow))
        let root = try #require(parsed as? [String: Any])
        let permissions = try #require(root["permissions"] as? [String: String])
        #expect(permissions["security-events"] == "write")
        let steps = try Self.steps(ofJob: "ladderlint", in: parsed)
        let lint = try #require(steps.first { ($0["run"] as? String)?.contains("ladderlint lint") == true })
        let command = try #require(lint["run"] as? String)
        let sarif = try #require(Self.outputFile("sarif", in: command), "the lint step writes SARIF")
        #expect(command.contains("--format github"))
        // ladderlint appends the summary itself: a step that appends it too would show it twice.
        #expect(!steps.contains { ($0["run"] as? String)?.contains("GITHUB_STEP_SUMMARY") == true })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect((upload["if"] as? String)?.contains("always()") == true, "the upload also runs when ladderlint fails")
        let with = try #require(upload["with"] as? [String: Any])
        #expect(with["sarif_file"] as? String == sarif)
        #expect(with["category"] as? String == "ladderlint")

        let folder = try Self.workspace("promotion-trap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summaryFile = folder.appendingPathComponent("step-summary.md")
        _ = FileManager.default.createFile(atPath: summaryFile.path, contents: Data("earlier\n".utf8))
        let run = try Self.shell(command, in: folder, environment: ["GITHUB_STEP_SUMMARY": summaryFile.path])
        #expect(run.status == 1, "the sample breaks rules on purpose, so the job fails: \(run)")
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("::error ") }, "annotations on stdout: \(run)")
        let sarifData = try Data(contentsOf: folder.appendingPathComponent(sarif))
        let sarifJSON = try #require(try JSONSerialization.jsonObject(with: sarifData) as? [String: Any])
        #expect(sarifJSON["version"] as? String == "2.1.0")
        let summary = try String(contentsOf: summaryFile, encoding: .utf8)
        #expect(summary.hasPrefix("earlier\n### ladderlint"), "\(summary)")
        #expect(summary.components(separatedBy: "### ladderlint").count == 2, "the summary once: \(summary)")
        #expect(summary.contains("manager-only-leadership-training"), "\(summary)")
    }

    @Test("the GitLab job's script, run as written, writes the Code Quality report it publishes")
    func gitlabJobRuns() throws {
        let parsed = try #require(try Integration.yamlAsJSON(Integration.path(Self.gitlab)) as? [String: Any])
        let job = try #require(parsed["ladderlint"] as? [String: Any])
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always")
        let report = try #require((artifacts["reports"] as? [String: Any])?["codequality"] as? String)
        let script = try #require(job["script"] as? [String])
        let command = try #require(script.first { $0.contains("ladderlint lint") })
        #expect(Self.outputFile("gitlab", in: command) == report, "the job publishes the file ladderlint writes")

        let folder = try Self.workspace("promotion-trap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.shell(command, in: folder, options: ["-eo", "pipefail"])
        #expect(run.status == 1, "\(run)")
        let data = try Data(contentsOf: folder.appendingPathComponent(report))
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(!issues.isEmpty)
        #expect(issues.contains { $0["check_name"] as? String == "manager-only-leadership-training" })
    }

    // MARK: - The composite action's steps

    struct ActionRun {
        var lint: Integration.Result
        var outputs: [String: String]
        var summary: String
        var final: Integration.Result
    }

    /// Runs the action's Lint step and its last step with their `env:` expressions filled in
    /// from `inputs` (over the declared defaults) and the built ladderlint; the build and the
    /// upload are GitHub's business.
    static func runAction(sample: String, inputs given: [String: String]) throws -> (ActionRun, URL) {
        let action = try #require(try Integration.yamlAsJSON(Integration.path(Self.action)) as? [String: Any])
        let declared = try #require(action["inputs"] as? [String: [String: Any]])
        var inputs = declared.compactMapValues { $0["default"] as? String }
        inputs.merge(given) { _, new in new }
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        let lintStep = try #require(steps.first { $0["id"] as? String == "lint" })
        let lastStep = try #require(steps.last)
        #expect(lastStep["if"] == nil, "the exit status is passed on whatever happened before")
        let build = try #require(steps.first { $0["id"] as? String == "build" })
        #expect((build["run"] as? String)?.contains("GITHUB_ACTION_PATH") == true, "the action builds from its own checkout")

        let folder = try workspace(sample)
        var handedOver = false
        defer { if !handedOver { try? FileManager.default.removeItem(at: folder) } }
        let outputs = folder.appendingPathComponent("github-output")
        let summary = folder.appendingPathComponent("step-summary.md")
        let runnerTemp = folder.appendingPathComponent("runner-temp")
        try FileManager.default.createDirectory(at: runnerTemp, withIntermediateDirectories: true)
        for f in [outputs, summary] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
        var context = ["steps.build.outputs.bin": try Integration.ladderlint()]
        for (k, v) in inputs { context["inputs.\(k)"] = v }
        let github = ["GITHUB_OUTPUT": outputs.path, "GITHUB_STEP_SUMMARY": summary.path, "RUNNER_TEMP": runnerTemp.path]

        let lint = try shell(
            lintStep["run"] as! String, in: folder,
            environment: try expand(lintStep["env"], context).merging(github) { $1 },
            options: ["-eo", "pipefail"])
        var values: [String: String] = [:]
        for line in try String(contentsOf: outputs, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        for (k, v) in values { context["steps.lint.outputs.\(k)"] = v }
        let final = try shell(lastStep["run"] as! String, in: folder, environment: try expand(lastStep["env"], context), options: ["-eo", "pipefail"])
        let result = ActionRun(lint: lint, outputs: values, summary: try String(contentsOf: summary, encoding: .utf8), final: final)
        handedOver = true
        return (result, folder)
    }

    /// Fills in `${{ name }}` expressions. A step output that was never written is empty, as on
    /// GitHub; any other unknown name fails the test.
    static func expand(_ env: Any?, _ context: [String: String]) throws -> [String: String] {
        let env = try #require(env as? [String: String])
        let expression = try Regex("\\$\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}")
        return try env.mapValues { value in
            var result = value
            for match in value.matches(of: expression).reversed() {
                let name = String(match.output[1].substring ?? "")
                let replacement = try #require(
                    context[name] ?? (name.hasPrefix("steps.") ? "" : nil), "the action's env uses \(name), which the test does not provide")
                result.replaceSubrange(match.range, with: replacement)
            }
            return result
        }
    }

    @Test("the action's lint step annotates, writes SARIF and the summary, and its last step fails the job on findings")
    func actionFailsOnFindings() throws {
        let (run, folder) = try Self.runAction(sample: "promotion-trap", inputs: ["paths": "ladders/"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.lint.status == 0, "the lint step itself never fails: \(run.lint)")
        #expect(run.outputs["exit-code"] == "1", "\(run.outputs)")
        #expect(run.outputs["sarif-file"] == "ladderlint.sarif", "\(run.outputs)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ladderlint.sarif").path))
        #expect(run.lint.stdout.split(separator: "\n").contains { $0.hasPrefix("::error ") }, "\(run.lint)")
        #expect(run.summary.contains("manager-only-leadership-training"), "\(run.summary)")
        #expect(run.summary.components(separatedBy: "### ladderlint").count == 2, "the summary once: \(run.summary)")
        #expect(run.final.status == 1, "\(run.final)")
    }

    @Test("the action passes on healthy ladders, and honours fail-on and extra args")
    func actionPassesOnHealthy() throws {
        let (clean, folder) = try Self.runAction(sample: "healthy", inputs: [:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(clean.outputs["exit-code"] == "0", "\(clean.lint)")
        #expect(clean.final.status == 0, "\(clean.final)")

        let (lenient, other) = try Self.runAction(sample: "promotion-trap", inputs: ["fail-on": "never", "args": "--jobs 1"])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(lenient.outputs["exit-code"] == "0", "\(lenient.lint)")
        #expect(lenient.final.status == 0, "\(lenient.final)")

        let (usage, third) = try Self.runAction(sample: "healthy", inputs: ["args": "--no-such-flag"])
        defer { try? FileManager.default.removeItem(at: third) }
        #expect(usage.outputs["exit-code"] == "2", "\(usage.lint)")
        #expect(usage.outputs["sarif-file"] == nil, "no SARIF to upload after a usage error")
        #expect(usage.final.status == 2, "\(usage.final)")
    }

    // MARK: - Where the action's ladderlint comes from (issue 19.5): `binary`, or a cached build

    /// A composite step of action.yml by id.
    static func actionStep(_ id: String) throws -> [String: Any] {
        let action = try #require(try Integration.yamlAsJSON(Integration.path(Self.action)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        return try #require(steps.first { $0["id"] as? String == id }, "action.yml has no step \(id)")
    }

    /// A folder with a fake `swift` that logs each call to `swift.log` beside it: `--version`
    /// prints `version`, `--show-bin-path` prints `products`, a build copies the test-built
    /// ladderlint into `products`.
    static func fakeSwift(in folder: URL, version: String = "Swift version 6.3 (fake)") throws -> (bin: URL, log: URL, products: URL) {
        let bin = folder.appendingPathComponent("fake-swift")
        let products = folder.appendingPathComponent("fake-products")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = bin.appendingPathComponent("swift.log")
        let script = """
            #!/bin/bash
            echo "$*" >> '\(log.path)'
            case " $* " in
              *" --version "*) echo '\(version)' ;;
              *" --show-bin-path "*) echo '\(products.path)' ;;
              *) mkdir -p '\(products.path)' && cp '\(try Integration.ladderlint())' '\(products.path)/ladderlint' ;;
            esac
            """
        let swift = bin.appendingPathComponent("swift")
        try script.write(to: swift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        return (bin, log, products)
    }

    /// Runs the action's build step with `inputs.binary` and the cache's outputs filled in; the
    /// fake `swift` comes first on PATH. Returns the run and the `bin` output.
    static func runBuildStep(in folder: URL, fake: URL, binary: String = "", cacheHit: String = "", key: String = "k") throws -> (Integration.Result, String?) {
        let step = try actionStep("build")
        let outputs = folder.appendingPathComponent("github-output-\(UUID().uuidString.prefix(8))")
        _ = FileManager.default.createFile(atPath: outputs.path, contents: nil)
        let context = ["inputs.binary": binary, "steps.cache.outputs.cache-hit": cacheHit, "steps.key.outputs.key": key]
        var env = try expand(step["env"], context)
        env["GITHUB_OUTPUT"] = outputs.path
        env["GITHUB_ACTION_PATH"] = Integration.root.path
        env["PATH"] = fake.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try shell(step["run"] as! String, in: folder, environment: env, options: ["-eo", "pipefail"])
        let bin = try String(contentsOf: outputs, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("bin=") }.map { String($0.dropFirst(4)) }
        return (r, bin)
    }

    @Test("action.yml: with `binary`, the build step builds nothing and hands the given executable to the lint step")
    func actionGivenBinary() throws {
        let action = try #require(try Integration.yamlAsJSON(Integration.path(Self.action)) as? [String: Any])
        let binaryInput = try #require((action["inputs"] as? [String: [String: Any]])?["binary"], "action.yml declares a binary input")
        #expect(binaryInput["default"] as? String == "")
        for id in ["key", "cache"] {
            #expect((try Self.actionStep(id))["if"] as? String == "inputs.binary == ''", "\(id) is skipped with a binary")
        }

        let folder = try Integration.temporaryFolder("action-binary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = try Self.fakeSwift(in: folder)
        let tools = folder.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try Integration.ladderlint(), toPath: tools.appendingPathComponent("ladderlint").path)

        let (given, bin) = try Self.runBuildStep(in: folder, fake: fake.bin, binary: "tools/ladderlint")
        #expect(given.status == 0, "\(given)")
        #expect(bin == tools.appendingPathComponent("ladderlint").resolvingSymlinksInPath().path, "\(given)")
        #expect(!FileManager.default.fileExists(atPath: fake.log.path), "swift was run: \((try? String(contentsOf: fake.log, encoding: .utf8)) ?? "")")

        let (missing, none) = try Self.runBuildStep(in: folder, fake: fake.bin, binary: "tools/no-such-ladderlint")
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stdout.contains("::error title=ladderlint::binary: tools/no-such-ladderlint is not an executable file"), "\(missing)")
        #expect(none == nil)
    }

    @Test("action.yml: without `binary`, the first run builds and fills the cache folder, a run on a cache hit builds nothing")
    func actionCachedBuild() throws {
        let restore = try Self.actionStep("cache")
        let save = try Self.actionStep("save")
        #expect((restore["uses"] as? String)?.hasPrefix("actions/cache/restore@") == true)
        #expect((save["uses"] as? String)?.hasPrefix("actions/cache/save@") == true, "saved right after the build, also when the lint fails the job")
        let restoreWith = try #require(restore["with"] as? [String: String])
        let saveWith = try #require(save["with"] as? [String: String])
        #expect(restoreWith == saveWith, "restore and save use the same path and key")
        #expect(restoreWith["key"] == "${{ steps.key.outputs.key }}")
        #expect((save["if"] as? String)?.contains("steps.cache.outputs.cache-hit != 'true'") == true)
        let cachePath = try #require(restoreWith["path"])
        let build = try #require(try Self.actionStep("build")["run"] as? String)
        #expect(build.contains(cachePath), "the build step fills the folder the cache saves")

        let folder = try Integration.temporaryFolder("action-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = try Self.fakeSwift(in: folder)
        let cached = folder.appendingPathComponent("home").appendingPathComponent(String(cachePath.dropFirst(2))).appendingPathComponent("ladderlint")

        let (first, firstBin) = try Self.runBuildStep(in: folder, fake: fake.bin, cacheHit: "")
        #expect(first.status == 0, "\(first)")
        #expect(firstBin == cached.path, "\(first)")
        #expect(FileManager.default.isExecutableFile(atPath: cached.path), "the build is copied into the cached folder")
        let builds = try String(contentsOf: fake.log, encoding: .utf8)
        #expect(builds.contains("build -c release --product ladderlint --package-path \(Integration.root.path)"), "\(builds)")

        try FileManager.default.removeItem(at: fake.log)
        let (second, secondBin) = try Self.runBuildStep(in: folder, fake: fake.bin, cacheHit: "true")
        #expect(second.status == 0, "\(second)")
        #expect(secondBin == cached.path)
        #expect(second.stdout.contains("restored from the cache (k), not rebuilt"), "\(second)")
        #expect(!FileManager.default.fileExists(atPath: fake.log.path), "a cache hit runs no swift: \((try? String(contentsOf: fake.log, encoding: .utf8)) ?? "")")

        // A hit whose folder lacks the executable (a cache saved by hand, say) builds again.
        try FileManager.default.removeItem(at: cached)
        let (third, _) = try Self.runBuildStep(in: folder, fake: fake.bin, cacheHit: "true")
        #expect(third.status == 0 && FileManager.default.isExecutableFile(atPath: cached.path), "\(third)")
    }

    @Test("action.yml: the cache key follows the action's sources and the Swift toolchain, and nothing else")
    func actionCacheKey() throws {
        let step = try Self.actionStep("key")
        let script = try #require(step["run"] as? String)
        let folder = try Integration.temporaryFolder("action-key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("action")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("Sources/ladderlint"), withIntermediateDirectories: true)
        try "// swift-tools-version: 6.0\n".write(to: source.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let main = source.appendingPathComponent("Sources/ladderlint/main.swift")
        try "print(1)\n".write(to: main, atomically: true, encoding: .utf8)

        func key(swiftVersion: String = "Swift version 6.3 (fake)") throws -> String {
            let run = folder.appendingPathComponent("run-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            let fake = try Self.fakeSwift(in: run, version: swiftVersion)
            let outputs = run.appendingPathComponent("github-output")
            _ = FileManager.default.createFile(atPath: outputs.path, contents: nil)
            let env = [
                "GITHUB_OUTPUT": outputs.path, "GITHUB_ACTION_PATH": source.path, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
                "PATH": fake.bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            ]
            let r = try Self.shell(script, in: run, environment: env, options: ["-eo", "pipefail"])
            try #require(r.status == 0, "\(r)")
            let line = try String(contentsOf: outputs, encoding: .utf8)
            return try #require(line.split(separator: "\n").first { $0.hasPrefix("key=") }.map { String($0.dropFirst(4)) }, "\(line)")
        }

        let first = try key()
        #expect(first.wholeMatch(of: try Regex("ladderlint-Linux-X64-swift-[0-9a-f]{8}-[0-9a-f]{20}")) != nil, "\(first)")
        #expect(try key() == first, "the same sources give the same key")
        #expect(try key(swiftVersion: "Swift version 6.4 (fake)") != first, "another toolchain builds again")
        try "print(2)\n".write(to: main, atomically: true, encoding: .utf8)
        let changed = try key()
        #expect(changed != first, "a changed source builds again")
        try "print(1)\n".write(to: main, atomically: true, encoding: .utf8)
        try "not a source\n".write(to: source.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        #expect(try key() == first, "a file outside Package.swift and Sources/ does not")
    }
}
