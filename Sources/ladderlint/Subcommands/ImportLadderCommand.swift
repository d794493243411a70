import ArgumentParser

// Placeholder until the command lands (this session).
struct ImportLadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ladder")
    func run() throws { throw ValidationError("not yet") }
}
