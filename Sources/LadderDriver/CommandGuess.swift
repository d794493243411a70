import Foundation
import LadderModel

/// A first argument that is neither a command nor a path, but close to a command's name
/// (`ladderlint inti`): lint is the default command, so it would be linted as a path and fail
/// with "cannot read 'inti'", which hides the typo. Only a bare word is guessed at: anything
/// that exists, looks like a path (`/`, `.`) or an option is left to the parser, so
/// `ladderlint ladders/` and `ladderlint policy.yaml` keep working.
public enum CommandGuess {
    /// "unknown command 'inti': did you mean 'init'?", or nil when the arguments are not that
    /// case. `commands`: the subcommand names; `exists`: whether a path exists (the working
    /// folder's file system by default).
    public static func unknownCommand(
        _ arguments: [String], commands: [String],
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String? {
        guard let first = arguments.first, !first.isEmpty, !first.hasPrefix("-") else { return nil }
        guard !commands.contains(first), first != "help" else { return nil }
        guard !first.contains("/"), !first.contains("."), !exists(first) else { return nil }
        guard let nearest = Suggest.nearest(first, in: commands) else { return nil }
        return "unknown command '\(Escape.terminal(Escape.capped(first)))': did you mean '\(nearest)'? Commands: \(commands.joined(separator: ", "))"
    }
}
