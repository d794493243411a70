import Foundation
import LadderModel
import LadderRules
import LadderYAML

/// What one file gave: its documents, decoded, and the findings about it.
public struct LoadedFile: Sendable {
    public var file: InputFile
    public var documents: [Document]
    public var findings: [Finding]
    public var brokenIDs: [BrokenID]
    public var documentCount: Int
    /// Money amounts of the file's compensation documents, collected for `--redact`.
    public var amounts: [Double] = []
    /// Its waivers written as comments (`# ladderlint: waive …`, InlineWaivers); rule ids not
    /// yet checked.
    public var waivers: [Waiver] = []
}

/// Reads one file (from disk, or its bytes from memory) and has its input format decode it.
/// Safe on any bytes: limits first, then the format's parser.
public struct FileLoader: Sendable {
    public var limits: LoadLimits
    public var collectAmounts: Bool
    public var formats: InputFormats

    public init(limits: LoadLimits, collectAmounts: Bool = false, formats: InputFormats = .standard) {
        self.limits = limits
        self.collectAmounts = collectAmounts
        self.formats = formats
    }

    public func load(_ file: InputFile) -> LoadedFile {
        let bytes: [UInt8]
        switch file.contents.map(inMemory) ?? read(file.rawPath ?? Array(file.absolute.utf8)) {
        case .success(let b): bytes = b
        case .failure(let f):
            return LoadedFile(file: file, documents: [], findings: [f.finding(file.display)], brokenIDs: [], documentCount: 0)
        }
        let format = formats.format(for: file)
        let decoded = format.documents(bytes: bytes, file: file.display, limits: limits, collectAmounts: collectAmounts)
        // Only the YAML format reads comments: spreadsheets have none.
        let inline = InlineWaivers.read(decoded.comments, file: file.display)
        return LoadedFile(
            file: file, documents: decoded.documents, findings: decoded.findings + inline.findings, brokenIDs: decoded.brokenIDs,
            documentCount: decoded.documentCount, amounts: decoded.amounts, waivers: inline.waivers)
    }

    enum ReadFailure: Error {
        case unreadable(String)
        case tooBig(size: Int, limit: Int)

        func finding(_ file: String) -> Finding {
            switch self {
            case .unreadable(let m):
                return Finding(rule: "unreadable-file", severity: .error, message: m, location: Location(file: file, span: .unknown), modelPath: "file")
            case .tooBig(let size, let limit):
                return Finding(rule: "input-limit", severity: .error,
                               message: "the file is \(size) bytes, above the limit of \(limit) bytes: split it into smaller files (limits.max_file_bytes in .ladderlint.yml can set the limit up to \(LoadLimits.default.maxFileBytes) bytes)",
                               location: Location(file: file, span: .unknown), modelPath: "file-size")
            }
        }
    }

    /// Bytes given in memory meet the same size limit as a file on disk.
    func inMemory(_ bytes: [UInt8]) -> Result<[UInt8], ReadFailure> {
        bytes.count > limits.maxFileBytes ? .failure(.tooBig(size: bytes.count, limit: limits.maxFileBytes)) : .success(bytes)
    }

    /// Reads a regular file, checking its size before reading a byte of it.
    /// By the path's bytes: a name that is not UTF-8 has no String to open it by.
    func read(_ path: [UInt8]) -> Result<[UInt8], ReadFailure> {
        let fd = Discovery.withCPath(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return .failure(.unreadable("cannot open the file: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable("cannot read the file: \(String(cString: strerror(errno)))")) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.unreadable((st.st_mode & S_IFMT) == S_IFDIR ? "this is a folder, not a file: give the folder as a path to walk it" : "not a regular file (a FIFO, socket or device)"))
        }
        let size = Int(st.st_size)
        if size > limits.maxFileBytes {
            return .failure(.tooBig(size: size, limit: limits.maxFileBytes))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { buf in Foundation.read(fd, buf.baseAddress! + done, size - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable("cannot read the file: \(String(cString: strerror(errno)))"))
            }
            if n == 0 { break }
            done += n
        }
        if done < size { bytes.removeLast(size - done) }
        return .success(bytes)
    }
}
