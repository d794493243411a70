import Foundation
import LadderRules

/// Writes output files whole or not at all: a temporary file in the same folder, flushed,
/// then renamed over the target. Never writes into an input file.
public enum AtomicFile {
    public static func write(_ text: String, to path: String, inputs: Set<String>) throws {
        let real = Discovery.realPath(path) ?? path
        if inputs.contains(path) || inputs.contains(real) || inputs.contains(where: { Discovery.realPath($0) == real }) {
            throw UsageError(file: path, "refusing to write an output into an input file: choose another output path")
        }
        let dir = ConfigLoader.parent(path)
        let name = String(path[path.index(after: path.lastIndex(of: "/")!)...])
        let temp = "\(dir)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw UsageError(file: path, "cannot write the output: \(String(cString: strerror(errno)))")
        }
        var ok = true
        var utf8 = Array(text.utf8)
        var done = 0
        utf8.withUnsafeMutableBytes { buf in
            while done < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                done += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let writeError = errno
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let message = String(cString: strerror(ok ? errno : writeError))
            unlink(temp)
            throw UsageError(file: path, "cannot write the output: \(message)")
        }
    }
}
