import Foundation
import LadderModel
import LadderRules
import LadderYAML

/// Where the paths a configuration names may lead. `.ladderlint.yml` usually arrives with the
/// pull request being checked, so its `paths` and `rules` could otherwise make the run read any
/// file on the machine (and show its text in findings) or walk the whole disk. They must
/// resolve, after `..` and symbolic links, inside the repository: the nearest folder at or above
/// the configuration holding `.git` (a folder, or the file of a worktree or submodule), or the
/// configuration's own folder outside git. Paths on the command line are the user's own and go
/// anywhere; `--allow-outside-repo` lets a trusted configuration do the same.
/// The same bounds, taken from the working folder, say where an output may have its missing
/// folders created (OutputFolders, issue 18.10); `--allow-outside-repo` lifts that too.
struct RepositoryBounds {
    /// The repository's folder with every link resolved.
    var root: String
    var allowOutside: Bool

    init(configurationFolder: String, allowOutside: Bool) {
        let folder = Self.resolve(Discovery.normalize(configurationFolder))
        root = Self.topLevel(from: folder) ?? folder
        self.allowOutside = allowOutside
    }

    /// Found by looking, not by running git: the run must not depend on git being installed,
    /// nor run a program a repository's own git settings could name.
    static func topLevel(from folder: String) -> String? {
        var dir = folder
        while true {
            var st = stat()
            if lstat(dir == "/" ? "/.git" : dir + "/.git", &st) == 0 { return dir }
            if dir == "/" { return nil }
            dir = ConfigLoader.parent(dir)
        }
    }

    /// `path` (absolute, normal) with `..` and links resolved as far as it exists; the rest,
    /// which does not exist yet, appended as written.
    static func resolve(_ path: String) -> String {
        if let real = Discovery.realPath(path) { return real }
        if path == "/" { return path }
        let parent = resolve(ConfigLoader.parent(path))
        let name = path[path.index(after: path.lastIndex(of: "/")!)...]
        return parent == "/" ? "/" + name : parent + "/" + name
    }

    func contains(_ absolute: String) -> Bool {
        let real = Self.resolve(absolute)
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// Throws a configuration error at the first of the configuration's paths or rule packs
    /// that leads out of the repository.
    func check(_ config: Configuration) throws {
        guard !allowOutside, config.file != nil else { return }
        for (key, values, spans) in [("paths", config.paths ?? [], config.pathSpans), ("rules", config.rulePacks, config.rulePackSpans),
                                     ("sources", config.sources.map(\.path), config.sources.map(\.span))] {
            for (i, value) in values.enumerated() {
                try check(value, absolute: Discovery.absolute(value, cwd: config.directory), key: key, config: config,
                          span: i < spans.count ? spans[i] : nil)
            }
        }
    }

    func check(_ value: String, absolute: String, key: String, config: Configuration, span: Span?) throws {
        guard !allowOutside, !contains(absolute) else { return }
        throw UsageError(
            file: config.file, span: span,
            "\(key): expected a path inside the repository \(root), found '\(Escape.capped(value))', which leads to \(Escape.capped(Self.resolve(absolute))): "
                + "a configuration can only name files inside its repository; move the files there, give the path on the command line, "
                + "or pass --allow-outside-repo if you trust this configuration")
    }
}
