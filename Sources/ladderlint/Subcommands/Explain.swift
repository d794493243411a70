import ArgumentParser
import Foundation
import LadderDriver
import LadderModel

/// `ladderlint explain RULE`: one rule, from RuleCatalogue.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: rationale, parameters, examples, how to waive.")

    @Argument(help: "A rule id, e.g. pay-ceiling-parity.")
    var rule: String

    @Option(help: "text, or markdown (the rule's page in docs/rules).")
    var format = "text"

    @OptionGroup var settings: CatalogueSettings

    func run() throws {
        let result = RuleCatalogue(allowOutsideRepo: settings.allowOutsideRepo).explain(rule, format: format, config: settings.config, packs: settings.rulePacks)
        emit(result.stdout, result.stderr)
        throw ExitCode(result.exitCode)
    }
}
