import Foundation
import LadderModel
import LadderReport
import LadderRules

/// Lints files given as bytes, with settings already made: what `ladderlint lint` does after
/// reading them, for callers that hold the files themselves (a run over two git revisions, an
/// editor server). No file is read or written; the outcome is rendered with `Reporters`.
public struct Linter: Sendable {
    public var settings: Settings
    public var registry: CheckRegistry
    public var formats: InputFormats
    /// Paths are shown relative to it when under it, and waivers match them as shown.
    public var workingDirectory: String
    /// What to compute beyond the findings; by default what every reporter needs.
    public var needs: ReportNeeds = Reporters.needs(of: Reporters.formats)
    /// The rule families that must have run on every ladder (`--require`): the outcome fails,
    /// and says why in `unmet`, when one could not.
    public var required: [CoverageFamily] = []

    public init(settings: Settings, registry: CheckRegistry = .builtin, formats: InputFormats = .standard, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.settings = settings
        self.registry = registry
        self.formats = formats
        self.workingDirectory = workingDirectory
    }

    /// The outcome of linting `files`, each a ladder file as its path would be read.
    public func lint(_ files: [(path: String, bytes: [UInt8])]) -> Outcome {
        let inputs = Inputs.inMemory(files, workingDirectory: workingDirectory)
        let checked = Checking(registry: registry, formats: formats.adding(settings.configuration.sources)).run(inputs, settings: settings, needs: needs)
        return Outcome.make(checked, inputs: inputs, settings: settings, needs: needs, baseline: nil, required: required)
    }
}
