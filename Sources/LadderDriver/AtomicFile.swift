import Foundation
import LadderModel
import LadderRules

/// Writes output files whole or not at all: a temporary file in the same folder, flushed,
/// then renamed over the target. Never writes into an input file.
public enum AtomicFile {
    public static func write(_ text: String, to path: String, inputs: Set<String>) throws {
        try write(to: path, inputs: inputs) { $0.write(text) }
    }

    /// Streams an output into the temporary file through a sink, then renames it into place.
    public static func write(to path: String, inputs: Set<String>, _ body: (ByteSink) -> Void) throws {
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
        let sink = ByteSink(fileDescriptor: fd)
        body(sink)
        sink.flush()
        var failure = sink.failure
        if failure == nil && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil && rename(temp, path) != 0 { failure = errno }
        if let failure {
            unlink(temp)
            throw UsageError(file: path, "cannot write the output: \(String(cString: strerror(failure)))")
        }
    }
}
