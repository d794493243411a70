import Foundation
import LadderModel
import LadderRules

/// Every file a run read: ladder and context files, the configuration, rule packs and the
/// baseline. A named output that is one of them, by resolved path or by device and inode (a
/// hard link, a link, `/proc/self/fd/N`), is refused: the report would replace the input.
struct ReadFiles {
    enum Role: String {
        case ladder = "a ladder file"
        case configuration = "the configuration"
        case rulePack = "a rule pack"
        case baseline = "the baseline"
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private var byIdentity: [Identity: (String, Role)] = [:]
    private var byPath: [String: (String, Role)] = [:]

    /// `path` is absolute; `raw` its bytes when a name on it is not UTF-8.
    mutating func add(_ path: String, raw: [UInt8]? = nil, shown: String, role: Role) {
        var st = stat()
        if Discovery.withCPath(raw ?? Array(path.utf8), { stat($0, &st) }) == 0 {
            byIdentity[Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))] = (shown, role)
        }
        if raw == nil { byPath[RepositoryBounds.resolve(path)] = (shown, role) }
    }

    /// Why `output` (absolute) must not be written, or nil. `allowing` is the role an output may
    /// replace: the baseline, for the option that rewrites it.
    func refusal(_ output: String, allowing: Role? = nil) -> String? {
        var hit = byPath[RepositoryBounds.resolve(output)]
        var st = stat()
        if hit == nil, stat(output, &st) == 0 {
            hit = byIdentity[Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))]
        }
        guard let (shown, role) = hit, role != allowing else { return nil }
        return "refusing to write an output over \(role.rawValue) this run reads (\(shown)): choose another output path"
    }
}

extension UsageError {
    /// Any error as one stderr line: a UsageError escapes itself; anything else may carry a
    /// path or text from the input, so it is escaped and capped here.
    static func describe(_ error: any Error) -> String {
        if let e = error as? UsageError { return e.description }
        return Escape.terminal(Escape.capped("\(error)", 4 * Escape.inputCap))
    }
}

/// The folders an output file needs that do not exist yet (issue 18.10). `--format F:PATH` and
/// `--write-baseline` create them, as `mkdir -p` would, so `json:reports/out.json` works in a
/// fresh checkout. Checked for every output before any is written; created just before the file
/// is, and removed again (those still empty) when the file cannot be written.
///
/// Only inside the repository (RepositoryBounds, from the working folder): a path that leads
/// out of it, by `..` or through a link, is written only into a folder that already exists,
/// unless `--allow-outside-repo`. A link that leads nowhere is never created through.
/// `import -o` creates the folder of its new file the same way (NewFile), with no flag to lift
/// the bound: outside the repository its folder must exist.
public struct OutputFolders {
    /// Absolute, normal paths, outermost first.
    var missing: [String] = []
    /// How each is shown in a message: as the user spelled it.
    var shown: [String] = []
    /// The output as given, for messages.
    var file = ""

    /// Checks the folder of `target` (absolute, normal; `file` as given, relative to `cwd`).
    /// `bounds` nil creates anywhere. `lift`: how the command lets a folder outside the bounds be
    /// created, said after "create it first"; nil when it cannot.
    static func plan(for target: String, file: String, cwd: String, bounds: RepositoryBounds?,
                     lift: String? = "pass --allow-outside-repo") throws -> OutputFolders {
        var plan = OutputFolders(file: file)
        let parent = ConfigLoader.parent(target)
        var st = stat()
        if stat(parent, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return plan }
        var dir = "/"
        for part in parent.split(separator: "/") {
            let next = dir == "/" ? "/" + part : dir + "/" + part
            defer { dir = next }
            if !plan.missing.isEmpty {
                plan.add(next, cwd: cwd)
                continue
            }
            if stat(next, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFDIR else { throw plan.error("\(plan.show(next, cwd: cwd)) is not a folder: choose another output path") }
                continue
            }
            let e = errno
            guard e == ENOENT else {
                throw plan.error("cannot reach the folder \(plan.show(next, cwd: cwd)): \(String(cString: strerror(e)))")
            }
            // A link whose target is missing: creating through it would create where it leads.
            if lstat(next, &st) == 0 { throw plan.error("\(plan.show(next, cwd: cwd)) is not a folder: choose another output path") }
            if let bounds, !bounds.allowOutside, !bounds.contains(dir) {
                throw plan.error(
                    "the folder \(plan.show(next, cwd: cwd)) does not exist, and ladderlint creates folders only inside the repository "
                        + "(\(bounds.root)): create it first\(lift.map { ", or \($0)" } ?? "")")
            }
            plan.add(next, cwd: cwd)
        }
        return plan
    }

    /// For a command with no `--allow-outside-repo` (`import -o`): the missing folders of
    /// `target` (absolute, normal; `file` as given, relative to `cwd`), which may be created only
    /// inside the repository of the working folder `cwd`; throws as above.
    public static func plan(for target: String, file: String, workingDirectory cwd: String) throws -> OutputFolders {
        try plan(for: target, file: file, cwd: cwd, bounds: RepositoryBounds(configurationFolder: cwd, allowOutside: false), lift: nil)
    }

    private mutating func add(_ folder: String, cwd: String) {
        missing.append(folder)
        shown.append(show(folder, cwd: cwd))
    }

    private func error(_ message: String) -> UsageError {
        UsageError(file: file, "cannot write the output: " + message)
    }

    /// `folder` as the output path spells it: the shortest leading part of it that names the
    /// folder (`../reports`, `./out`), else the absolute path.
    func show(_ folder: String, cwd: String) -> String {
        var prefix = file.hasPrefix("/") ? "/" : ""
        for part in file.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if Discovery.absolute(prefix, cwd: cwd) == folder { return prefix }
        }
        return folder
    }

    /// The folder of a path as given: `reports` for `reports/out.json`, `.` for `out.json`.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates the missing folders; returns those this call created (one that appeared
    /// meanwhile is used, not claimed). On failure removes what it created and throws.
    public func create() throws -> [String] {
        var created: [String] = []
        for (folder, name) in zip(missing, shown) {
            if mkdir(folder, 0o777) == 0 {
                created.append(folder)
                continue
            }
            let e = errno
            var st = stat()
            if e == EEXIST, stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { continue }
            Self.remove(created)
            throw error(e == EEXIST
                ? "\(name) is not a folder: choose another output path"
                : "cannot create the folder \(name): \(String(cString: strerror(e)))")
        }
        return created
    }

    /// Removes `created` folders, innermost first, each only if still empty (rmdir).
    public static func remove(_ created: [String]) {
        for folder in created.reversed() { rmdir(folder) }
    }
}
