import ArgumentParser

/// The settings `rules` and `explain` share: which configuration and rule packs name the rules.
struct CatalogueSettings: ParsableArguments {
    @Option(help: "Configuration file (default: .ladderlint.yml here or in a parent folder).")
    var config: String?

    @Option(name: .customLong("rules"), help: "Extra rule pack file or folder; repeatable.")
    var rulePacks: [String] = []

    @Flag(help: "Let the configuration's paths, rules and sources name files outside the repository (for a trusted configuration; paths on the command line may always).")
    var allowOutsideRepo = false
}
