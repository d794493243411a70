import ArgumentParser
import LadderDriver
import LadderImport

/// `ladderlint init [DIR]`: a commented starter ladder that lints clean (Starter).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter: .ladderlint.yml, ladders/ (ladder, bands, policy, survey) and the JSON Schema.",
        discussion: "Writes nothing if any of its files exists. DIR is created when its parent folder exists.")

    @Argument(help: ArgumentHelp("The folder to start in; created when its parent folder exists.", valueName: "DIR"))
    var directory: String = "."

    func run() throws {
        let result = Starter.run(Starter.Request(directory: directory, today: LintRun.currentDay()))
        emit(result.stdout, result.stderr)
        throw ExitCode(result.exitCode)
    }
}
