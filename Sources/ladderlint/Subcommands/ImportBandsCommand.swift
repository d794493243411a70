import ArgumentParser

// Placeholder until the command lands (this session).
struct ImportBandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bands")
    func run() throws { throw ValidationError("not yet") }
}
