import Dispatch
import Foundation
import LadderModel
import LadderRules
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The files of a git revision, read through git itself (`git ls-tree`, `git cat-file
/// --batch`): nothing is checked out, no file of the working tree is touched. For
/// `--changed-since REF`.
struct GitRevision: Sendable {
    /// As the user wrote it.
    var ref: String
    /// The commit it names.
    var commit: String
    /// The repository's top folder (`git rev-parse --show-toplevel`).
    var top: String
    /// Absolute path (under `top`) and bytes of each file read, in path order.
    var files: [(absolute: String, bytes: [UInt8])]

    /// What git printed, its exit status, and what it wrote on stderr.
    struct Ran {
        var status: Int32
        var out: [UInt8]
        var err: String
        var ok: Bool { status == 0 }
        var text: String { String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The most git may print for one command: the revision's ladder files and their headers.
    static let outputLimit = 1 << 30

    /// Runs `git -C cwd ARGS`, with `stdin` as its standard input. Subprocess is async; a run
    /// of ladderlint is not, so the calling thread waits (it is never one of the concurrency
    /// pool's threads: the command line calls in from the main thread).
    static func git(_ arguments: [String], cwd: String, stdin: [UInt8] = []) throws -> Ran {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let result = try await run(
                    .name("git"), arguments: Arguments(["-C", cwd] + arguments),
                    environment: .inherit.updating(["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]),
                    input: .array(stdin), output: .bytes(limit: outputLimit), error: .string(limit: 64 * 1024))
                let status: Int32 = switch result.terminationStatus {
                case .exited(let code): Int32(code)
                default: 128
                }
                box.set(.success(Ran(status: status, out: result.standardOutput, err: result.standardError)))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// Reads the files at `ref` under `roots` (absolute paths in the working tree, files or
    /// folders) that `claims` accepts, names starting with a dot skipped as a folder walk does.
    /// Throws a `UsageError` that says what to do when git is missing, `cwd` is not in a
    /// repository, or `ref` names no commit (in a shallow clone: fetch the history).
    static func read(ref: String, roots: [String], cwd given: String, claims: (String) -> Bool) throws -> GitRevision {
        let shown = Escape.capped(ref)
        // The repository is the one the run reads: the first root's folder (a run from outside
        // the working tree, `ladderlint lint repo/ladders`), else the working folder.
        var cwd = given
        if let first = roots.first {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: first, isDirectory: &isDir) {
                cwd = isDir.boolValue ? first : (first as NSString).deletingLastPathComponent
            }
        }
        let top: Ran
        do {
            top = try git(["rev-parse", "--show-toplevel"], cwd: cwd)
        } catch {
            throw UsageError("--changed-since \(shown): git could not be run (\(UsageError.describe(error))): install git, or drop --changed-since")
        }
        guard top.ok else {
            throw UsageError("--changed-since \(shown): \(Escape.capped(cwd)) is not inside a git repository: run ladderlint in the repository's working tree, or drop --changed-since")
        }
        let topPath = top.text
        // `--end-of-options`: a ref that starts with '-' is a ref, not an option of git's.
        let commit = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], cwd: cwd)
        guard commit.ok, !commit.text.isEmpty else {
            let shallow = (try? git(["rev-parse", "--is-shallow-repository"], cwd: cwd))?.text == "true"
            if shallow {
                throw UsageError("--changed-since \(shown): no commit '\(shown)' in this shallow clone: fetch the history it needs (actions/checkout with fetch-depth: 0, or git fetch --unshallow), then run again")
            }
            throw UsageError("--changed-since \(shown): no commit '\(shown)' in this repository: name a commit, branch or tag that exists here (fetch it first if it is only on the remote, e.g. git fetch origin \(shown))")
        }
        let sha = commit.text
        // The roots as pathspecs relative to the top: git reads only what the run reads.
        let prefix = topPath.hasSuffix("/") ? topPath : topPath + "/"
        // Outside the repository: not in the revision.
        let real = roots.map { (given: $0, real: Discovery.realPath($0) ?? $0) }.filter { $0.real == topPath || $0.real.hasPrefix(prefix) }
        let specs = real.map { $0.real == topPath ? "." : ":(literal)" + String($0.real.dropFirst(prefix.count)) }
        guard !specs.isEmpty else { return GitRevision(ref: ref, commit: sha, top: topPath, files: []) }
        let listed = try git(["ls-tree", "-r", "-z", "--full-tree", "--name-only", sha, "--"] + specs, cwd: topPath)
        guard listed.ok else {
            throw UsageError("--changed-since \(shown): git could not list the files of \(shown): \(Escape.capped(listed.err.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let paths = listed.out.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { p in
            !p.split(separator: "/").contains { $0.hasPrefix(".") } && claims(p)
        }.sorted()
        guard !paths.isEmpty else { return GitRevision(ref: ref, commit: sha, top: topPath, files: []) }
        // One `git cat-file --batch` for every file: "<sha> blob <size>\n<bytes>\n" each.
        let request = Array(paths.map { "\(sha):\($0)\n" }.joined().utf8)
        let batch = try git(["cat-file", "--batch"], cwd: topPath, stdin: request)
        guard batch.ok else {
            throw UsageError("--changed-since \(shown): git could not read the files of \(shown): \(Escape.capped(batch.err.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        var files: [(absolute: String, bytes: [UInt8])] = []
        files.reserveCapacity(paths.count)
        var i = 0
        let out = batch.out
        for path in paths {
            guard let eol = out[i...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: out[i..<eol], as: UTF8.self).split(separator: " ")
            i = eol + 1
            // "<name> missing" for a path that is not a blob (a submodule): skipped.
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), i + size <= out.count else { continue }
            // Shown under the root as the run was given it (a link to the repository stays one).
            let absolute = prefix + path
            if let r = real.first(where: { absolute == $0.real || absolute.hasPrefix($0.real.hasSuffix("/") ? $0.real : $0.real + "/") }) {
                files.append((r.given + absolute.dropFirst(r.real.count), Array(out[i..<(i + size)])))
            }
            i += size + 1
        }
        return GitRevision(ref: ref, commit: sha, top: topPath, files: files)
    }
}

/// Carries a git run's result out of its task to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<GitRevision.Ran, any Error>?

    func set(_ r: Result<GitRevision.Ran, any Error>) {
        lock.lock()
        result = r
        lock.unlock()
    }

    func get() throws -> GitRevision.Ran {
        lock.lock()
        defer { lock.unlock() }
        return try result!.get()
    }
}
