import Foundation
import LadderModel
import LadderRules

/// Every file a run read: ladder and context files, the configuration, rule packs and the
/// baseline. A named output that is one of them, by resolved path or by device and inode (a
/// hard link, a link, `/proc/self/fd/N`), is refused: the report would replace the input.
struct ReadFiles {
    enum Role: String {
        case ladder = "a ladder file"
        case configuration = "the configuration"
        case rulePack = "a rule pack"
        case baseline = "the baseline"
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private var byIdentity: [Identity: (String, Role)] = [:]
    private var byPath: [String: (String, Role)] = [:]

    /// `path` is absolute; `raw` its bytes when a name on it is not UTF-8.
    mutating func add(_ path: String, raw: [UInt8]? = nil, shown: String, role: Role) {
        var st = stat()
        if Discovery.withCPath(raw ?? Array(path.utf8), { stat($0, &st) }) == 0 {
            byIdentity[Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))] = (shown, role)
        }
        if raw == nil { byPath[RepositoryBounds.resolve(path)] = (shown, role) }
    }

    /// Why `output` (absolute) must not be written, or nil. `allowing` is the role an output may
    /// replace: the baseline, for the option that rewrites it.
    func refusal(_ output: String, allowing: Role? = nil) -> String? {
        var hit = byPath[RepositoryBounds.resolve(output)]
        var st = stat()
        if hit == nil, stat(output, &st) == 0 {
            hit = byIdentity[Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))]
        }
        guard let (shown, role) = hit, role != allowing else { return nil }
        return "refusing to write an output over \(role.rawValue) this run reads (\(shown)): choose another output path"
    }
}

extension UsageError {
    /// Any error as one stderr line: a UsageError escapes itself; anything else may carry a
    /// path or text from the input, so it is escaped and capped here.
    static func describe(_ error: any Error) -> String {
        if let e = error as? UsageError { return e.description }
        return Escape.terminal(Escape.capped("\(error)", 4 * Escape.inputCap))
    }
}
