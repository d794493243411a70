import Foundation
import LadderModel
import LadderRules
import LadderOutput

/// Writes output files whole or not at all: a temporary file in the same folder, flushed,
/// then renamed over the target. A link to a regular file keeps being a link (its target is
/// replaced). A FIFO, a device, or a link to one (`/dev/stdout`, `/proc/self/fd/1`) is written
/// through, never replaced: it is where the user wants the bytes to go.
/// Which outputs may be written at all is `ReadFiles`' decision; which missing folders may be
/// created for them is `OutputFolders`' (issue 18.10).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { $0.write(text) }
    }

    /// As below, for a whole text.
    static func write(_ text: String, to path: String, shown: String, creating folders: OutputFolders) throws {
        try write(to: path, shown: shown, creating: folders) { $0.write(text) }
    }

    /// Creates the missing `folders` (outermost first), then writes as below. When the write
    /// fails, the folders this call created are removed again, those still empty.
    static func write(to path: String, shown: String, creating folders: OutputFolders, _ body: (ByteSink) -> Void) throws {
        let created = try folders.create()
        do {
            try write(to: path, shown: shown, body)
        } catch {
            OutputFolders.remove(created)
            throw error
        }
    }

    /// Streams an output into the temporary file through a sink, then renames it into place.
    /// Errors name the file as `shown` (the path as given; `path` by default).
    public static func write(to path: String, shown: String? = nil, _ body: (ByteSink) -> Void) throws {
        let shown = shown ?? path
        var st = stat()
        if stat(path, &st) == 0 {
            let mode = st.st_mode & S_IFMT
            if mode == S_IFDIR {
                throw UsageError(file: shown, "cannot write the output: this is a folder; give a file path")
            }
            if mode != S_IFREG || path.hasPrefix("/proc/") || path.hasPrefix("/dev/") {
                return try writeThrough(path, shown: shown, regular: mode == S_IFREG, body)
            }
        }
        let target = Discovery.realPath(path) ?? path
        let dir = ConfigLoader.parent(target)
        let name = String(target[target.index(after: target.lastIndex(of: "/")!)...])
        let temp = "\(dir)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let e = errno
            // Name the folder (a permission is a folder's): as given, unless a link led elsewhere.
            let folder = target == path ? OutputFolders.parent(of: shown) : dir
            throw UsageError(file: shown, "cannot write the output: cannot create a file in the folder \(folder): \(String(cString: strerror(e)))")
        }
        let sink = ByteSink(fileDescriptor: fd)
        body(sink)
        sink.flush()
        var failure = sink.failure
        if failure == nil && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil && rename(temp, target) != 0 { failure = errno }
        if let failure {
            unlink(temp)
            throw UsageError(file: shown, "cannot write the output: \(String(cString: strerror(failure)))")
        }
    }

    /// Opens the existing path and writes into it. A regular file reached this way (standard
    /// output redirected to a file, seen through `/proc/self/fd/1`) is appended to, as the
    /// process's own standard output would be.
    static func writeThrough(_ path: String, shown: String, regular: Bool, _ body: (ByteSink) -> Void) throws {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (regular ? O_APPEND : 0))
        guard fd >= 0 else {
            throw UsageError(file: shown, "cannot write the output: \(String(cString: strerror(errno)))")
        }
        let sink = ByteSink(fileDescriptor: fd)
        body(sink)
        sink.flush()
        close(fd)
        if let failure = sink.failure {
            throw UsageError(file: shown, "cannot write the output: \(String(cString: strerror(failure)))")
        }
    }
}
