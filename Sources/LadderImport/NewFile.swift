import Foundation
import LadderDriver
import LadderRules

/// Where `import` and `init` write: whole or not at all, and never over a file that exists
/// unless `force` (then replaced whole, as every output is: AtomicFile).
public enum NewFile {
    /// Writes `text` to `path` (shown as `shown` in errors). Without `force` the file must not
    /// exist: the text goes to a temporary file in the same folder that is then hard-linked to
    /// `path`, which fails, atomically, if anything has appeared there meanwhile.
    public static func write(_ text: String, to path: String, shown: String? = nil, force: Bool = false) throws {
        let shown = shown ?? path
        if force { return try AtomicFile.write(text, to: path) }
        var st = stat()
        if lstat(path, &st) == 0 {
            throw UsageError(file: shown, "this file exists and was left as it is: give another path with -o, or add --force to replace it")
        }
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
