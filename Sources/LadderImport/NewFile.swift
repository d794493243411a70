import Foundation
import LadderDriver
import LadderRules

/// Where `import` and `init` write: whole or not at all, and never over a file that exists
/// unless `force` (then replaced whole, as every output is: AtomicFile).
public enum NewFile {
    /// Writes `text` to `path` (shown as `shown` in errors). Without `force` the file must not
    /// exist: the text goes to a temporary file in the same folder that is then hard-linked to
    /// `path`, which fails, atomically, if anything has appeared there meanwhile.
    ///
    /// With `workingDirectory` (`import -o`), the missing folders of `path` are created first, as
    /// `lint --format F:PATH` creates them (OutputFolders, issue 18.10): only inside the
    /// repository of the working folder, never through a link that leads nowhere, and removed
    /// again (those still empty) when the file cannot be written. Without it (`init`, which makes
    /// its own folders), the folder must exist.
    public static func write(_ text: String, to path: String, shown: String? = nil, force: Bool = false, workingDirectory: String? = nil) throws {
        let shown = shown ?? path
        let path = workingDirectory.map { Discovery.absolute(path, cwd: $0) } ?? path
        var st = stat()
        if !force, lstat(path, &st) == 0 {
            throw UsageError(file: shown, "this file exists and was left as it is: give another path with -o, or add --force to replace it")
        }
        guard let cwd = workingDirectory else { return try write(text, to: path, shown: shown, force: force) }
        let created = try OutputFolders.plan(for: path, file: shown, workingDirectory: cwd).create()
        do {
            try write(text, to: path, shown: shown, force: force)
        } catch {
            OutputFolders.remove(created)
            throw error
        }
    }

    private static func write(_ text: String, to path: String, shown: String, force: Bool) throws {
        if force { return try AtomicFile.write(to: path, shown: shown) { $0.write(text) } }
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(file: shown, "cannot write the file: its folder does not exist; create it first")
        }
        let temp = "\(dir)/.ladderlint-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        try AtomicFile.write(text, to: temp)
        defer { unlink(temp) }
        guard link(temp, path) == 0 else {
            let e = errno
            throw UsageError(file: shown, e == EEXIST
                ? "this file exists and was left as it is: give another path with -o, or add --force to replace it"
                : "cannot write the file: \(String(cString: strerror(e)))")
        }
    }
}
