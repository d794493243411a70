import Foundation
import LadderModel
import LadderYAML

/// A file to read, or a path that could not be used.
public struct InputFile: Sendable {
    /// As shown to users: relative to the working folder when under it.
    public var display: String
    /// Names that are not UTF-8 show each such byte as `\x{HH}` here and in `display`.
    public var absolute: String
    /// The path's bytes when a name on it is not UTF-8: the file is opened by these.
    public var rawPath: [UInt8]? = nil
    /// The file's bytes when they come from memory (`Linter.lint`), not from disk.
    public var contents: [UInt8]? = nil

    public init(display: String, absolute: String, rawPath: [UInt8]? = nil, contents: [UInt8]? = nil) {
        self.display = display
        self.absolute = absolute
        self.rawPath = rawPath
        self.contents = contents
    }
}

/// Finds the files of a run: folders walked recursively for the files an input format claims
/// (*.yaml and *.yml), explicit files read whatever their extension. Symlinks are not followed out of the walked folder, and
/// anything that is not a regular file (a FIFO, a device) is reported, never opened.
public struct Discovery: Sendable {
    public var workingDirectory: String
    public var formats: InputFormats

    public init(workingDirectory: String, formats: InputFormats = .standard) {
        self.workingDirectory = workingDirectory
        self.formats = formats
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
                walk(Array(absolute.utf8), shown: absolute, raw: false, real: Array(root.utf8), root: Array(root.utf8), into: &files, problems: &problems, seen: &seen)
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
    ///
    /// Paths are bytes, read with `opendir`/`readdir`: a name that is not UTF-8 has no `String`,
    /// and Foundation's listing leaves such names out, which skipped their files in silence.
    /// `shown` is `dir` as users see it (`NameBytes.shown`); `raw` says a component of `dir`
    /// is not UTF-8, so its files are opened by their bytes.
    private func walk(_ dir: [UInt8], shown: String, raw: Bool, real: [UInt8], root: [UInt8], into files: inout [InputFile], problems: inout [Finding], seen: inout Set<String>) {
        guard let names = Self.list(dir) else {
            problems.append(unreadable(display(shown), "cannot list the folder '\(display(shown))': \(Self.errnoText()): check its permissions"))
            return
        }
        for (name, shownName) in names {
            let path = Self.join(dir, name)
            let shownPath = shown.hasSuffix("/") ? shown + shownName : shown + "/" + shownName
            let undecodable = shownName.utf8.count != name.count || String(validating: name, as: UTF8.self) == nil
            let isRaw = raw || undecodable
            // Neither a link nor `.`/`..` (names starting with a dot are skipped): resolved, it is
            // the resolved folder and the name.
            var realPath = Self.join(real, name)
            var st = stat()
            guard Self.lstatBytes(path, &st) == 0 else {
                problems.append(unreadable(display(shownPath), "cannot read '\(display(shownPath))': \(Self.errnoText()): check the permissions of its folder"))
                continue
            }
            var mode = st.st_mode & S_IFMT
            if mode == S_IFLNK {
                // Follow a link only when it stays inside the walked folder.
                guard let target = Self.realPath(path) else {
                    if formats.claims(name: name, path: shownPath) {
                        problems.append(unreadable(display(shownPath), "'\(display(shownPath))' is a symbolic link that cannot be followed (\(Self.errnoText())): fix or remove the link"))
                    }
                    continue
                }
                guard target == root || target.starts(with: root.last == UInt8(ascii: "/") ? root : root + [UInt8(ascii: "/")]) else { continue }
                realPath = target
                guard Self.statBytes(path, &st) == 0 else { continue }
                mode = st.st_mode & S_IFMT
                if mode == S_IFDIR { continue }  // a link to a folder inside the walk is walked anyway
            }
            if mode == S_IFDIR {
                if undecodable {
                    problems.append(unreadable(display(shownPath), Self.undecodableMessage("folder")))
                }
                walk(path, shown: shownPath, raw: isRaw, real: realPath, root: root, into: &files, problems: &problems, seen: &seen)
            } else if formats.claims(name: name, path: shownPath) {
                if mode == S_IFREG {
                    if undecodable {
                        problems.append(unreadable(display(shownPath), Self.undecodableMessage("file")))
                    }
                    if seen.insert(NameBytes.shown(realPath)).inserted {
                        files.append(InputFile(display: display(shownPath), absolute: shownPath, rawPath: isRaw ? path : nil))
                    }
                } else {
                    problems.append(unreadable(display(shownPath), "'\(display(shownPath))' is not a regular file (a FIFO, socket or device): remove it or rename it"))
                }
            }
        }
    }

    static func undecodableMessage(_ what: String) -> String {
        "the name of this \(what) is not valid UTF-8 (each byte that is not is shown as \\x{HH}): rename it to UTF-8 text so every report can name it; its ladder files are still read"
    }

    /// The names in a folder but `.`, `..` and hidden ones, sorted as users see them; nil when
    /// the folder cannot be listed (errno says why).
    static func list(_ dir: [UInt8]) -> [(name: [UInt8], shown: String)]? {
        guard let handle = withCPath(dir, { opendir($0) }) else { return nil }
        defer { closedir(handle) }
        var names: [(name: [UInt8], shown: String)] = []
        errno = 0
        while let entry = readdir(handle) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name.first == UInt8(ascii: ".") { continue }
            names.append((name, NameBytes.shown(name)))
        }
        if errno != 0 { return nil }
        // As the names were sorted when they were Strings: valid names keep their order.
        return names.sorted { $0.shown < $1.shown }
    }

    static func join(_ dir: [UInt8], _ name: [UInt8]) -> [UInt8] {
        dir.last == UInt8(ascii: "/") ? dir + name : dir + [UInt8(ascii: "/")] + name
    }

    static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    static func lstatBytes(_ path: [UInt8], _ st: inout stat) -> Int32 { withCPath(path) { lstat($0, &st) } }
    static func statBytes(_ path: [UInt8], _ st: inout stat) -> Int32 { withCPath(path) { stat($0, &st) } }

    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        withCPath(path) { p -> [UInt8]? in
            guard let r = realpath(p, nil) else { return nil }
            defer { free(r) }
            return Array(UnsafeRawBufferPointer(start: r, count: strlen(r)))
        }
    }

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
