import ArgumentParser
import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules

/// Parses and dispatches only: each subcommand is one file in Subcommands/, and every decision
/// is made in LadderDriver, where tests reach it.
/// Every command names itself: otherwise swift-argument-parser derives the name from the type's
/// name through `String(describing:)`, a runtime type lookup that costs a one-file run ~1 ms.
struct Ladderlint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladderlint",
        abstract: "Finds ladder, pay and people policies that treat management as a promotion.",
        version: Tool.version,
        subcommands: [Lint.self, Rules.self, Explain.self, Import.self, InitCommand.self],
        defaultSubcommand: Lint.self)
}

func emit(_ out: String, _ err: String) {
    if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
    if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
}

// `ladderlint inti`: a typo of a command, not a path to lint (CommandGuess decides).
let commands = Ladderlint.configuration.subcommands.compactMap { $0.configuration.commandName }
if let message = CommandGuess.unknownCommand(Array(CommandLine.arguments.dropFirst()), commands: commands) {
    emit("", "ladderlint: \(message)\nRun 'ladderlint --help' for usage.\n")
    exit(2)
}

// Usage errors exit 2, as OUTPUT.md says (swift-argument-parser's own default is 64).
do {
    var command = try Ladderlint.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = Ladderlint.exitCode(for: error)
    if status == .success {
        emit(Ladderlint.fullMessage(for: error) + "\n", "")
        exit(0)
    }
    // Arguments can carry file names from a pull request (`ladderlint lint $(git diff --name-only)`):
    // each line of the parser's message is terminal-visible (docs/security.md).
    let message = Ladderlint.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
        .map { Escape.terminal(String($0)) }.joined(separator: "\n")
    emit("", "ladderlint: " + message + "\n" + "Run 'ladderlint --help' for usage.\n")
    exit(2)
}
