import Foundation
import LadderDriver
import LadderModel
import LadderRules

/// `ladderlint init [DIR]`: a commented starter that lints clean, written all or nothing.
/// Every file is checked first; if one exists, nothing is written and every existing one is
/// named. The folder itself is created when its parent exists (a typo'd deeper path is an
/// error, not a tree of new folders).
public enum Starter {
    public struct Request: Sendable {
        /// DIR as the user wrote it (relative to `workingDirectory`); `.` by default.
        public var directory: String
        public var workingDirectory: String
        /// The survey template's `conducted` date: the day of the run.
        public var today: Day

        public init(directory: String = ".", workingDirectory: String = FileManager.default.currentDirectoryPath, today: Day) {
            self.directory = directory
            self.workingDirectory = workingDirectory
            self.today = today
        }
    }

    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// The files, by path relative to DIR, in the order they are written.
    public static func files(today: Day) -> [(path: String, text: String)] {
        [
            (".ladderlint.yml", StarterFiles.configuration),
            ("ladders/ladder.yaml", StarterFiles.ladder),
            ("ladders/compensation.yaml", StarterFiles.compensation),
            ("ladders/policy.yaml", StarterFiles.policy),
            ("ladders/survey.yaml", StarterFiles.survey(conducted: today)),
            (".ladderlint/ladder.schema.json", StarterSchema.text + "\n"),
        ]
    }

    /// Files whose presence stops `init`: its own, and `.ladderlint.yaml`, the other name the
    /// configuration may have (two configurations would leave one ignored).
    static func blockers(today: Day) -> [String] {
        files(today: today).map(\.path) + [".ladderlint.yaml"]
    }

    public static func run(_ request: Request) -> Result {
        run(request) { text, path, shown in try NewFile.write(text, to: path, shown: shown, force: false) }
    }

    /// `write(text, path, shown)` writes one new file; tests pass one that fails midway.
    static func run(_ request: Request, write: (String, String, String) throws -> Void) -> Result {
        let shownDir = request.directory
        let dir = request.directory.hasPrefix("/") ? request.directory : (request.workingDirectory as NSString).appendingPathComponent(request.directory)
        func shown(_ path: String) -> String {
            shownDir == "." ? path : (shownDir.hasSuffix("/") ? shownDir + path : shownDir + "/" + path)
        }
        func failure(_ message: String) -> Result { Result(stdout: "", stderr: "ladderlint: \(message)\n", exitCode: 2) }

        var created: [String] = []
        switch kind(dir, following: true) {
        case .directory: break
        case .other:
            return failure(UsageError(file: shownDir, "expected a folder to start the ladder in, found a file: give a folder").description)
        case .missing:
            let parent = (dir as NSString).deletingLastPathComponent
            guard kind(parent.isEmpty ? "/" : parent) == .directory else {
                return failure(UsageError(file: shownDir, "expected a folder or a new folder in an existing one, found that its parent folder does not exist: create the parent first").description)
            }
            guard mkdir(dir, 0o755) == 0 else {
                return failure(UsageError(file: shownDir, "cannot create the folder: \(String(cString: strerror(errno)))").description)
            }
            created.append(dir)
        }

        let existing = blockers(today: request.today).filter { kind((dir as NSString).appendingPathComponent($0)) != .missing }
        let folders = ["ladders", ".ladderlint"].filter { kind((dir as NSString).appendingPathComponent($0)) == .other }
        if !existing.isEmpty || !folders.isEmpty {
            undo(created)
            let names = (existing + folders).map { Escape.terminal(shown($0)) }
            return failure(
                "init writes nothing when one of its files exists; found \(names.joined(separator: ", ")), left as \(names.count == 1 ? "it is" : "they are"): move \(names.count == 1 ? "it" : "them") away, or give init another folder")
        }

        var written: [String] = []
        do {
            for folder in ["ladders", ".ladderlint"] {
                let path = (dir as NSString).appendingPathComponent(folder)
                if kind(path) == .missing {
                    guard mkdir(path, 0o755) == 0 else { throw UsageError(file: shown(folder), "cannot create the folder: \(String(cString: strerror(errno)))") }
                    created.append(path)
                }
            }
            for file in files(today: request.today) {
                let path = (dir as NSString).appendingPathComponent(file.path)
                try write(file.text, path, shown(file.path))
                written.append(path)
            }
        } catch {
            for path in written.reversed() { unlink(path) }
            undo(created)
            let message = (error as? UsageError)?.description ?? Escape.terminal(String(describing: error))
            return failure("\(message) (init removed what it had written)")
        }

        var out = "Wrote a starter ladder that lints clean:\n"
        for file in files(today: request.today) { out += "  \(Escape.terminal(shown(file.path)))\n" }
        out += "\nNext:\n"
        if shownDir != "." { out += "  cd \(Escape.terminal(shownDir))\n" }
        out += "  ladderlint lint            # checks ladders/: no findings yet\n"
        out += "  ladderlint import bands YOUR-BANDS.csv --ladder engineering -o ladders/compensation.yaml --force\n"
        out += "                             # your pay bands from a spreadsheet (or map the CSV under sources: in .ladderlint.yml)\n"
        out += "  ladderlint import ladder YOUR-TITLES.md --id engineering -o ladders/ladder.yaml --force\n"
        out += "                             # your levels, from a Markdown table or a competency matrix\n"
        out += "Edit the files: each comment says what a key means; docs/format.md says more.\n"
        return Result(stdout: out, stderr: "", exitCode: 0)
    }

    enum Kind { case missing, directory, other }

    /// What is at `path`. Inside DIR links are not followed: a link counts as there, and init
    /// never writes through one; DIR itself may be a link to a folder.
    static func kind(_ path: String, following: Bool = false) -> Kind {
        var st = stat()
        guard (following ? stat(path, &st) : lstat(path, &st)) == 0 else { return .missing }
        return st.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// Removes the folders this run created, innermost first, if they are empty.
    static func undo(_ created: [String]) {
        for path in created.reversed() { rmdir(path) }
    }
}
