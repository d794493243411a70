import ArgumentParser

/// `ladderlint import bands|ladder|survey`: what people already have, written as ladderlint
/// YAML (LadderImport). Each kind is one file here.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write ladderlint YAML from a bands spreadsheet, an existing ladder or survey answers.",
        subcommands: [ImportBandsCommand.self, ImportLadderCommand.self, ImportSurveyCommand.self])
}
