import ArgumentParser

// Placeholder until the command lands (this session).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init")
    func run() throws { throw ValidationError("not yet") }
}
