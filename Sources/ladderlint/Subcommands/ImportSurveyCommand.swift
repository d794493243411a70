import ArgumentParser

// Placeholder until the command lands (this session).
struct ImportSurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "survey")
    func run() throws { throw ValidationError("not yet") }
}
