import Foundation
import LadderDriver
import LadderModel
import LadderRules

extension SurveyImport {
    /// The command line as given, text only: everything is read and decided here, where tests
    /// reach it; `ImportSurveyCommand` only fills this in.
    public struct Arguments: Sendable {
        public var file: String
        public var ladder: String
        public var conducted: String?
        public var roleColumn: String?
        /// `VALUE=AUDIENCE|skip`, repeatable.
        public var roles: [String] = []
        /// Answers separated by commas.
        public var agree: String?
        public var scale: String?
        /// `COLUMN=ID|skip`, repeatable.
        public var questions: [String] = []
        public var minGroup: Int?
        /// Ladder files or folders with the ladder's earlier surveys.
        public var previous: [String] = []
        public var output: String?
        public var force = false

        public init(file: String, ladder: String) {
            self.file = file
            self.ladder = ladder
        }

        /// The options, every argument checked; a wrong one is a UsageError naming its option.
        public func options() throws -> Options {
            let id = ladder.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw UsageError("--ladder: expected the id of the ladder whose people answered (its kind: ladder document's id)")
            }
            var o = Options(ladder: id, minGroup: minGroup ?? SurveyImport.defaultMinGroup)
            if let minGroup, minGroup < 1 {
                throw UsageError("--min-group: expected a whole number of at least 1, found \(minGroup)")
            }
            if let conducted {
                guard let day = Day(conducted) else {
                    throw UsageError("--conducted: expected the date the survey closed, written YYYY-MM-DD, found '\(conducted)'")
                }
                o.conducted = day
            }
            o.roleColumn = roleColumn
            for r in roles {
                guard let (value, audience) = splitAssignment(r) else {
                    throw UsageError("--role '\(r)': expected VALUE=AUDIENCE, e.g. --role \"Engineering Manager=management\"")
                }
                let names = Audience.allCases.map(\.rawValue) + ["skip"]
                guard let choice = audience == "skip" ? RoleChoice.skip : Audience(rawValue: audience).map(RoleChoice.audience) else {
                    let near = Suggest.nearest(audience, in: names).map { ": did you mean \($0)?" } ?? "."
                    throw UsageError("--role '\(r)': unknown audience '\(audience)'\(near) Audiences: \(names.joined(separator: ", "))")
                }
                o.roles.append((value, choice))
            }
            if let agree { o.agree = agree.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            if let scale { o.scale = try Scale.parse(scale) }
            for q in questions {
                guard let (column, id) = splitAssignment(q), !id.isEmpty else {
                    throw UsageError("--question '\(q)': expected COLUMN=ID or COLUMN=skip, where COLUMN is a header, its first words or the column's letter")
                }
                o.questions.append((column, id == "skip" ? nil : id))
            }
            return o
        }
    }

    /// What the command prints and its exit status (0, or 2 for a usage error).
    public struct Outcome: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// Reads the export, aggregates it and writes the YAML to `-o` (never over a file that
    /// exists unless `--force`) or returns it as stdout.
    public static func execute(_ a: Arguments, workingDirectory: String = FileManager.default.currentDirectoryPath) -> Outcome {
        do {
            var options = try a.options()
            let input = Discovery.absolute(a.file, cwd: workingDirectory)
            let output = a.output.map { Discovery.absolute($0, cwd: workingDirectory) }
            let bytes = try read(input, shown: a.file)
            if let output, let out = a.output, let real = realPath(output), real == realPath(input) {
                throw UsageError(file: out, "this is the survey export being read: write the YAML to another path")
            }
            options.earlier = try earlierFigures(a.previous, ladder: options.ladder, workingDirectory: workingDirectory,
                                                 leaving: [output, input].compactMap { $0.flatMap(realPath) })
            let result = try aggregate(bytes, file: a.file, options: options)
            var stderr = result.notes.map { "ladderlint: note: \(Escape.terminal($0))\n" }.joined()
            guard let output, let shown = a.output else {
                return Outcome(stdout: result.yaml, stderr: stderr, exitCode: 0)
            }
            try NewFile.write(result.yaml, to: output, shown: shown, force: a.force, workingDirectory: workingDirectory)
            stderr += "ladderlint: wrote \(Escape.terminal(shown)): \(result.respondents) respondents, conducted \(result.conducted)\n"
            return Outcome(stdout: "", stderr: stderr, exitCode: 0)
        } catch let e as UsageError {
            return Outcome(stdout: "", stderr: "ladderlint: \(e)\n", exitCode: 2)
        } catch {
            return Outcome(stdout: "", stderr: "ladderlint: \(Escape.terminal(String(describing: error)))\n", exitCode: 2)
        }
    }

    /// The export's bytes; a folder, FIFO or device is refused before it is opened.
    static func read(_ path: String, shown: String) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw UsageError(file: shown, "cannot read the survey export: \(String(cString: strerror(errno)))")
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw UsageError(file: shown, "expected a CSV or TSV file of survey answers, found a folder or a special file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(file: shown, "cannot read the survey export")
        }
        return [UInt8](data)
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// The figures of the ladder's surveys in `paths` (`--previous`), leaving out the files
    /// this import reads or writes (a re-import with --force would otherwise meet its own
    /// figures and withhold them all). A file that does not load is an error: its surveys
    /// could be the ones a new figure gives away.
    static func earlierFigures(_ paths: [String], ladder: String, workingDirectory: String, leaving: [String]) throws -> [SurveySuppression.Cell] {
        guard !paths.isEmpty else { return [] }
        let found = Discovery(workingDirectory: workingDirectory).files(paths)
        if let p = found.problems.first {
            throw UsageError(file: p.location.file, "--previous: \(p.message)")
        }
        let leave = Set(leaving)
        var cells: [SurveySuppression.Cell] = []
        let loader = FileLoader(limits: .default)
        for file in found.files {
            if let real = realPath(file.absolute), leave.contains(real) { continue }
            let loaded = loader.load(file)
            if let bad = loaded.findings.first {
                throw UsageError(file: bad.location.file, span: bad.location.span, "--previous: \(bad.message) [\(bad.rule)]: fix the file, or leave it out of --previous")
            }
            for case .survey(let s) in loaded.documents where s.ladder.value == ladder {
                // A question written `withheld: true` has no counts: nothing to subtract from.
                for q in s.questions {
                    guard let (respondents, agree) = q.counts else { continue }
                    cells.append(SurveySuppression.Cell(question: q.id.value, conducted: s.conducted.value, audience: q.audience,
                                                        respondents: respondents.value, agree: agree.value))
                }
            }
        }
        return cells
    }
}
