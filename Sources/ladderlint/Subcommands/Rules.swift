import ArgumentParser
import Foundation
import LadderDriver
import LadderModel

/// `ladderlint rules`: the catalogue, from RuleCatalogue.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Print the rule catalogue with ids, severities and parameters.")

    @Option(help: "text, json, markdown, or docs (the index of docs/rules).")
    var format = "text"

    @OptionGroup var settings: CatalogueSettings

    func run() throws {
        let result = RuleCatalogue(allowOutsideRepo: settings.allowOutsideRepo).catalogue(format: format, config: settings.config, packs: settings.rulePacks)
        emit(result.stdout, result.stderr)
        throw ExitCode(result.exitCode)
    }
}
