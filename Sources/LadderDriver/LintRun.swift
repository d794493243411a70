import Foundation
import LadderModel
import LadderReport
import LadderRules
import LadderYAML
import LadderOutput

/// One `ladderlint lint`: the stages chained, from options to what the command line writes.
/// The command-line layer only parses arguments and writes what this returns; `Linter` runs
/// the same stages on files held in memory.
public struct LintRun: Sendable {
    public var workingDirectory: String
    public var registry: CheckRegistry
    public var formats: InputFormats = .standard
    /// Files read before the ladders they complete are checked (default: 64 per job). Tests set
    /// it small to exercise ladders whose documents straddle chunks; the output never depends on it.
    public var chunkSize: Int?

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath, registry: CheckRegistry = .builtin) {
        self.workingDirectory = workingDirectory
        self.registry = registry
    }

    /// Runs and returns the standard output as a String (for tests and small outputs).
    public func execute(_ options: LintOptions) -> LintResult {
        let sink = ByteSink()
        var result = execute(options, stdout: sink)
        result.stdout = sink.string()
        return result
    }

    /// Runs and streams the standard output into `stdout` as it is produced (`result.stdout`
    /// stays empty). Output files and the baseline are written first, so a run that fails with
    /// a usage error has written nothing to `stdout`.
    public func execute(_ options: LintOptions, stdout: ByteSink) -> LintResult {
        do {
            return try run(options, stdout: stdout)
        } catch let e as UsageError {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(e.description)\n", report: nil)
        } catch {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(UsageError.describe(error))\n", report: nil)
        }
    }

    /// The stages, each taking the values the ones before it made: Settings, Inputs, Checking
    /// (documents, models, findings), Outcome, Delivery.
    func run(_ options: LintOptions, stdout: ByteSink) throws -> LintResult {
        let delivery = Delivery(workingDirectory: workingDirectory, outputs: try Delivery.outputs(options.outputs), stepSummary: options.stepSummary != nil)
        let required = try Requirements.parse(options.require)
        let settings = try Settings.load(options, workingDirectory: workingDirectory, registry: registry)
        let formats = self.formats.adding(settings.configuration.sources)
        let inputs = try Inputs.discover(options.paths, settings: settings, workingDirectory: workingDirectory, formats: formats)
            .refusingEmpty(options, settings: settings, workingDirectory: workingDirectory)
        let adding = try AddWaivers.prepare(options, inputs: inputs, settings: settings, workingDirectory: workingDirectory)
        let before = try options.changedSince.map { ref in
            try ChangedSince.read(ref, inputs: inputs, settings: settings, workingDirectory: workingDirectory, formats: formats, registry: registry, chunkSize: chunkSize)
        }
        let checked = Checking(registry: registry, formats: formats, chunkSize: chunkSize, previous: before?.ladders).run(inputs, settings: settings, needs: delivery.needs)
        let baseline = try options.baseline.map { path in
            BaselineComparison(
                baseline: try Baseline.read(Discovery.absolute(path, cwd: workingDirectory), display: path),
                shown: path, strict: options.strictBaseline)
        }
        let outcome = Outcome.make(
            checked, inputs: inputs, settings: settings, needs: delivery.needs, baseline: baseline, required: required,
            writingBaseline: options.writeBaseline != nil, changedSince: before)
        if let adding { return try adding.run(outcome, delivery: delivery, inputs: inputs, settings: settings, options: options, stdout: stdout) }
        return try delivery.deliver(outcome, inputs: inputs, settings: settings, options: options, stdout: stdout)
    }

    public static func currentDay() -> Day {
        var t = time(nil)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        // From its parts: formatting it with `String(format:)` to parse it again went through
        // Foundation's locale machinery.
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }
}
