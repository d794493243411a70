import LadderModel
import LadderRules

extension Inputs {
    /// A run that found no ladder file at all checked nothing, and exit 0 would read as "all
    /// clear" (a typo in a CI path, a folder renamed): a usage error (exit 2) unless
    /// `--allow-empty` says an empty run is expected. A path that cannot be read is a finding
    /// already (exit 1), and files that are broken or hold no ladder are still linted: neither
    /// is empty.
    func refusingEmpty(_ options: LintOptions, settings: Settings, workingDirectory: String) throws -> Inputs {
        guard files.isEmpty, problems.isEmpty, !options.allowEmpty else { return self }
        let config = settings.configuration
        let shown = options.paths.isEmpty
            ? (config.paths ?? ["ladders"]).map { Discovery.relative(Discovery.absolute($0, cwd: config.directory), to: workingDirectory) }
            : options.paths
        throw UsageError(
            "no ladder files under \(shown.joined(separator: ", ")): nothing was checked. A folder is searched for *.yaml and *.yml files "
                + "(and the spreadsheets mapped under sources:): name the folders or files that hold the ladder, or pass --allow-empty if a run with nothing to check is expected")
    }
}
