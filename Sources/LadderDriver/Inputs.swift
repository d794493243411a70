import Foundation
import LadderModel

/// Stage 2 of a run: the files it reads. Its own files, the files read only as context for
/// resolving references (when the run names files, as pre-commit does), and the paths that
/// could not be used.
public struct Inputs: Sendable {
    /// The files the run reports on.
    public var files: [InputFile]
    /// Read to resolve what the named files refer to; only their ladders' findings are kept.
    public var context: [InputFile] = []
    /// Paths that could not be walked or read, as findings.
    public var problems: [Finding] = []
    /// Files were named (not folders): the report keeps only their problems and their ladders'.
    public var named = false
    /// The files and folders the run walked and read as context, absolute: what a
    /// `--changed-since` run reads at the other revision.
    public var roots: [String] = []
    /// The report keeps only the findings of the run's files and their ladders: files were
    /// named, or context was read beside the folders walked.
    public var scoped: Bool { named || !context.isEmpty }

    public init(files: [InputFile], context: [InputFile] = [], problems: [Finding] = [], named: Bool = false) {
        self.files = files
        self.context = context
        self.problems = problems
        self.named = named
    }

    /// Files held in memory, each reported under `path` (relative to `workingDirectory` when
    /// under it, as a folder walk shows them).
    public static func inMemory(_ files: [(path: String, bytes: [UInt8])], workingDirectory: String) -> Inputs {
        Inputs(files: files.map { f in
            let absolute = Discovery.absolute(f.path, cwd: workingDirectory)
            return InputFile(display: Discovery.relative(absolute, to: workingDirectory), absolute: absolute, contents: f.bytes)
        })
    }

    /// As `ladderlint lint` finds them: `paths`, else the configuration's paths (else
    /// `ladders/`); when `paths` names files, the configured paths are read as context.
    /// The spreadsheets of `sources:` are files of the run when it walks the configured paths
    /// or a folder holding them; otherwise context (read to resolve the ladders of the run's
    /// files: a run over `ladders/` still sees the bands kept in `comp/`).
    public static func discover(_ paths: [String], settings: Settings, workingDirectory: String, formats: InputFormats = .standard) -> Inputs {
        let config = settings.configuration
        let discovery = Discovery(workingDirectory: workingDirectory, formats: formats)
        let configuredPaths = (config.paths ?? ["ladders"]).map { Discovery.absolute($0, cwd: config.directory) }
        let sources = config.sources.map(\.absolute)
        // Without paths, a missing source is reported; as context, it is read when it exists.
        let (files, problems) = discovery.files(paths.isEmpty ? configuredPaths + sources : paths)
        var inputs = Inputs(files: files, problems: problems)
        inputs.named = !paths.isEmpty && !explicitFiles(paths, cwd: workingDirectory).isEmpty
        inputs.roots = paths.isEmpty ? configuredPaths + sources : paths.map { Discovery.absolute($0, cwd: workingDirectory) }
        if !paths.isEmpty {
            let known = Set(files.map(\.absolute))
            let existing = ((inputs.named ? configuredPaths : []) + sources).filter { FileManager.default.fileExists(atPath: $0) }
            inputs.context = discovery.files(existing).files.filter { !known.contains($0.absolute) }
            inputs.roots += existing
        }
        return inputs
    }

    /// Arguments that name files rather than folders (as pre-commit passes them).
    static func explicitFiles(_ paths: [String], cwd: String) -> [String] {
        paths.filter { p in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: Discovery.absolute(p, cwd: cwd), isDirectory: &isDir) && !isDir.boolValue
        }
    }
}
