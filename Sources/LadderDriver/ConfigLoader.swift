import Foundation
import LadderModel
import LadderRules
import LadderYAML

/// Finds `.ladderlint.yml` in the working folder or the nearest parent; `--config` overrides.
/// Its `paths` and `rules` must stay inside the repository unless `allowOutsideRepo`
/// (RepositoryBounds).
struct ConfigLoader {
    var workingDirectory: String
    var allowOutsideRepo = false

    func load(explicit: String?) throws -> Configuration {
        var config = try find(explicit: explicit)
        try RepositoryBounds(configurationFolder: config.directory, allowOutside: allowOutsideRepo).check(config)
        try readWaiversFile(&config)
        return config
    }

    /// `waivers_file: PATH` (relative to the configuration's folder, inside the repository):
    /// its waivers join `waivers:`. A file that does not exist yet waives nothing (the first
    /// `lint --add-waivers PATH` creates it).
    func readWaiversFile(_ config: inout Configuration) throws {
        guard let value = config.waiversFile else { return }
        let absolute = Discovery.absolute(value, cwd: config.directory)
        try RepositoryBounds(configurationFolder: config.directory, allowOutside: allowOutsideRepo)
            .check(value, absolute: absolute, key: "waivers_file", config: config, span: config.waiversFileSpan)
        config.waiversFileSource = absolute
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir) else { return }
        let shown = Discovery.relative(absolute, to: workingDirectory)
        guard !isDir.boolValue, let bytes = FileManager.default.contents(atPath: absolute) else {
            throw UsageError(file: config.file, span: config.waiversFileSpan, "waivers_file: cannot read \(Escape.capped(shown)) as a file: give the path of a YAML list of waivers")
        }
        config.waivers += try Configuration.parseWaiversFile(Array(bytes), file: shown)
    }

    private func find(explicit: String?) throws -> Configuration {
        if let explicit {
            let path = Discovery.absolute(explicit, cwd: workingDirectory)
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw UsageError(file: explicit, "cannot read the configuration file: check the --config path")
            }
            var config = try Configuration.parse(Array(bytes), file: explicit, directory: Self.parent(path))
            config.source = path
            return config
        }
        var dir = Discovery.normalize(workingDirectory)
        while true {
            for name in Configuration.fileNames {
                let path = dir == "/" ? "/" + name : dir + "/" + name
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                    guard let bytes = FileManager.default.contents(atPath: path) else {
                        throw UsageError(file: path, "cannot read the configuration file")
                    }
                    var config = try Configuration.parse(Array(bytes), file: Discovery.relative(path, to: workingDirectory), directory: dir)
                    config.source = path
                    return config
                }
            }
            if dir == "/" { break }
            dir = Self.parent(dir)
        }
        return Configuration(directory: workingDirectory)
    }

    static func parent(_ path: String) -> String {
        let norm = Discovery.normalize(path)
        guard let slash = norm.lastIndex(of: "/"), slash != norm.startIndex else { return "/" }
        return String(norm[..<slash])
    }
}

/// The rules of a run: the built-in pack, then the configuration's packs, then `--rules`,
/// with the configuration's severity, disable and params applied.
struct RuleLoader {
    var workingDirectory: String
    var registry: CheckRegistry
    var allowOutsideRepo = false

    func rules(config: Configuration, extra: [String]) throws -> [Rule] {
        try load(config: config, extra: extra).rules
    }

    /// The rules, and the pack files read (absolute), which no output may replace.
    func load(config: Configuration, extra: [String]) throws -> (rules: [Rule], files: [String]) {
        var rules = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: registry).rules
        var read: [String] = []
        let bounds = RepositoryBounds(configurationFolder: config.directory, allowOutside: allowOutsideRepo)
        // The configuration's packs, each with where it is written; `--rules` packs are the user's own.
        var packs: [(shown: String, path: String, span: Span?, configured: Bool)] = []
        for (i, p) in config.rulePacks.enumerated() {
            packs.append((p, Discovery.absolute(p, cwd: config.directory), i < config.rulePackSpans.count ? config.rulePackSpans[i] : nil, true))
        }
        packs += extra.map { ($0, Discovery.absolute($0, cwd: workingDirectory), nil, false) }
        for (shown, path, span, configured) in packs {
            for file in try packFiles(shown, path) {
                // A file of a pack folder may be a link out of the repository.
                if configured && config.file != nil {
                    try bounds.check(file.0, absolute: file.1, key: "rules", config: config, span: span)
                }
                read.append(file.1)
                guard let bytes = FileManager.default.contents(atPath: file.1) else {
                    throw UsageError(file: file.0, "cannot read the rule pack")
                }
                let pack = try RulePack.parse(String(decoding: bytes, as: UTF8.self), file: file.0, registry: registry)
                for r in pack.rules {
                    if let existing = rules.first(where: { $0.id == r.id }) {
                        throw UsageError(file: file.0, "the rule id '\(r.id)' is already declared by \(existing.origin): give the new rule its own id")
                    }
                    if CoreRules.ids.contains(r.id) || CoreRules.waiverIDs.contains(r.id) {
                        throw UsageError(file: file.0, "the rule id '\(r.id)' is reserved for ladderlint's own findings: choose another id")
                    }
                    try RulePack.checkAliases(of: r, against: rules, file: file.0)
                    rules.append(r)
                }
            }
        }
        return (try config.apply(to: rules, registry: registry), read)
    }

    func packFiles(_ shown: String, _ path: String) throws -> [(String, String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw UsageError(file: shown, "the rule pack does not exist: check the path given to --rules or in the configuration's rules")
        }
        guard isDir.boolValue else { return [(shown, path)] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { ("\(shown)/\($0)", "\(path)/\($0)") }
    }
}
