import Foundation
import LadderModel
import LadderRules
import LadderYAML

/// Stage 1 of a run: what it is configured to do. The configuration file, the rule packs with
/// it applied, the day date rules count from, the limits, and what fails the run. Every later
/// stage reads it; none changes it.
public struct Settings: Sendable {
    public var configuration: Configuration
    public var rules: [Rule]
    /// Rule pack files read (absolute), which no output may replace.
    public var packFiles: [String]
    public var today: Day
    public var failOn: FailLevel
    /// No money amount appears in any output.
    public var redact: Bool
    /// Parallel workers.
    public var jobs: Int

    public var limits: LoadLimits { configuration.limits }

    public init(configuration: Configuration, rules: [Rule], packFiles: [String] = [], today: Day, failOn: FailLevel = .error, redact: Bool = false, jobs: Int? = nil) {
        self.configuration = configuration
        self.rules = rules
        self.packFiles = packFiles
        self.today = today
        self.failOn = failOn
        self.redact = redact
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// As `ladderlint lint` finds them: the configuration file named or found from
    /// `workingDirectory` up, its rule packs and `options.rulePacks`, checked against the
    /// repository's bounds.
    public static func load(_ options: LintOptions, workingDirectory: String, registry: CheckRegistry = .builtin) throws -> Settings {
        let config = try ConfigLoader(workingDirectory: workingDirectory, allowOutsideRepo: options.allowOutsideRepo).load(explicit: options.configFile)
        let (rules, packFiles) = try RuleLoader(workingDirectory: workingDirectory, registry: registry, allowOutsideRepo: options.allowOutsideRepo)
            .load(config: config, extra: options.rulePacks)
        return Settings(
            configuration: config, rules: rules, packFiles: packFiles, today: options.today ?? LintRun.currentDay(),
            failOn: options.failOn ?? config.failOn ?? .error, redact: options.redact, jobs: options.jobs)
    }
}
