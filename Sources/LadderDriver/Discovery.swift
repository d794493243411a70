import Foundation
import LadderModel
import LadderYAML

/// A file to read, or a path that could not be used.
public struct InputFile: Sendable {
    /// As shown to users: relative to the working folder when under it.
    public var display: String
    public var absolute: String
}

/// Finds the files of a run: folders walked recursively for *.yaml and *.yml, explicit files
/// read whatever their extension. Symlinks are not followed out of the walked folder, and
/// anything that is not a regular file (a FIFO, a device) is reported, never opened.
public struct Discovery: Sendable {
    public var workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    public func files(_ paths: [String]) -> (files: [InputFile], problems: [Finding]) {
        var files: [InputFile] = []
        var problems: [Finding] = []
        var seen = Set<String>()
        for path in paths {
            let absolute = Self.absolute(path, cwd: workingDirectory)
            var st = stat()
            guard lstat(absolute, &st) == 0 else {
                problems.append(unreadable(display(absolute), "cannot read '\(path)': \(Self.errnoText()): check the path"))
                continue
            }
            var isLink = (st.st_mode & S_IFMT) == S_IFLNK
            if isLink {
                guard stat(absolute, &st) == 0 else {
                    problems.append(unreadable(display(absolute), "'\(path)' is a symbolic link that cannot be followed (\(Self.errnoText())): fix or remove the link"))
                    continue
                }
                isLink = false
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                guard let root = Self.realPath(absolute) else {
                    problems.append(unreadable(display(absolute), "cannot resolve the folder '\(path)': \(Self.errnoText())"))
                    continue
                }
                walk(absolute, real: root, root: root, into: &files, problems: &problems, seen: &seen)
            case S_IFREG:
                let key = Self.realPath(absolute) ?? absolute
                if seen.insert(key).inserted { files.append(InputFile(display: display(absolute), absolute: absolute)) }
            default:
                problems.append(unreadable(display(absolute), "'\(path)' is not a regular file (a FIFO, socket or device): give ladder files or folders"))
            }
        }
        return (files, problems)
    }

    /// `real` is `dir` with every symbolic link resolved (`realpath`), carried down the walk: a
    /// `realpath` per file resolved every component of its path again, a third of the time of
    /// walking a folder of 10,000 files, all of it on the serial start of a run.
    private func walk(_ dir: String, real: String, root: String, into files: inout [InputFile], problems: inout [Finding], seen: inout Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            problems.append(unreadable(display(dir), "cannot list the folder '\(display(dir))': \(Self.errnoText())"))
            return
        }
        for name in names.sorted() {
            if name.hasPrefix(".") { continue }
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            // Neither a link nor `.`/`..` (names starting with a dot are skipped): resolved, it is
            // the resolved folder and the name.
            var realPath = real.hasSuffix("/") ? real + name : real + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            var mode = st.st_mode & S_IFMT
            if mode == S_IFLNK {
                // Follow a link only when it stays inside the walked folder.
                guard let target = Self.realPath(path) else {
                    if Self.isLadderFile(name) {
                        problems.append(unreadable(display(path), "'\(display(path))' is a symbolic link that cannot be followed (\(Self.errnoText())): fix or remove the link"))
                    }
                    continue
                }
                guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { continue }
                realPath = target
                guard stat(path, &st) == 0 else { continue }
                mode = st.st_mode & S_IFMT
                if mode == S_IFDIR { continue }  // a link to a folder inside the walk is walked anyway
            }
            if mode == S_IFDIR {
                walk(path, real: realPath, root: root, into: &files, problems: &problems, seen: &seen)
            } else if Self.isLadderFile(name) {
                if mode == S_IFREG {
                    if seen.insert(realPath).inserted { files.append(InputFile(display: display(path), absolute: path)) }
                } else {
                    problems.append(unreadable(display(path), "'\(display(path))' is not a regular file (a FIFO, socket or device): remove it or rename it"))
                }
            }
        }
    }

    static func isLadderFile(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    func unreadable(_ file: String, _ message: String) -> Finding {
        Finding(rule: "unreadable-file", severity: .error, message: message, location: Location(file: file, span: .unknown), modelPath: "file")
    }

    /// Relative to the working folder when under it, else as absolute.
    public func display(_ absolute: String) -> String {
        Self.relative(absolute, to: workingDirectory)
    }

    public static func relative(_ absolute: String, to cwd: String) -> String {
        let norm = normalize(absolute)
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if norm.hasPrefix(base) { return String(norm.dropFirst(base.count)) }
        return norm
    }

    public static func absolute(_ path: String, cwd: String) -> String {
        normalize(path.hasPrefix("/") ? path : (cwd.hasSuffix("/") ? cwd : cwd + "/") + path)
    }

    /// Removes `.` and `..` components and repeated slashes, without touching the file system.
    static func normalize(_ path: String) -> String {
        // Most paths (every file a folder walk finds) are already normal: one byte scan instead
        // of splitting and joining (the walk is on the serial part of a large run).
        if isNormalized(path) { return path }
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Absolute, no empty, `.` or `..` component, no trailing slash: what `normalize` returns.
    static func isNormalized(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count == 1 { return true }
        var length = 0, dots = 0
        for b in bytes.dropFirst() {
            if b == UInt8(ascii: "/") {
                if length == 0 || (dots == length && length <= 2) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && length <= 2)
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
