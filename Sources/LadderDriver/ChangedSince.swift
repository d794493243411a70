import LadderModel
import LadderRules

/// `--changed-since REF`, the stage beside Inputs: the same files at git REF, read through git
/// and checked with the same settings, so that the run reports only what this change adds.
/// Findings are matched by fingerprint (as a baseline matches them); the ladders at REF are
/// kept for the checks that compare the two revisions (band-change-parity and the others).
struct ChangedSince {
    var revision: GitRevision
    /// The findings at REF, waivers applied.
    var findings: [Finding]
    /// The ladders at REF, by id.
    var ladders: [String: ResolvedLadder]

    /// Reads and checks the tree at `ref`: the roots the run reads, as the run reads them.
    static func read(
        _ ref: String, inputs: Inputs, settings: Settings, workingDirectory: String, formats: InputFormats,
        registry: CheckRegistry, chunkSize: Int?
    ) throws -> ChangedSince {
        let revision = try GitRevision.read(ref: ref, roots: inputs.roots, cwd: workingDirectory) { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return formats.claims(name: Array(name.utf8), path: path)
        }
        let before = Inputs.inMemory(revision.files.map { ($0.absolute, $0.bytes) }, workingDirectory: workingDirectory)
        var checking = Checking(registry: registry, formats: formats, chunkSize: chunkSize)
        checking.keepModels = true
        let checked = checking.run(before, settings: settings, needs: [])
        var ladders: [String: ResolvedLadder] = [:]
        for o in checked.outcomes { if let m = o.model { ladders[o.id] = m } }
        return ChangedSince(revision: revision, findings: checked.findings, ladders: ladders)
    }

    /// The run's findings with those REF already had marked unchanged (suppressed, as a
    /// baseline marks them), and the counts. In a scoped run (named files) only the findings
    /// of the ladders and files it reports count as fixed.
    func compare(_ findings: [Finding], reported: Checked, scoped: Bool) -> (findings: [Finding], change: ChangeSummary) {
        // Matched as a baseline matches its entries.
        var before = Set(self.findings.lazy.filter { !$0.suppressed }.map(Baseline.Key.init))
        let ladders = Set(reported.outcomes.map(\.id)), files = Set(reported.files)
        var added = 0, unchanged = 0
        let out = findings.map { f -> Finding in
            guard !f.suppressed else { return f }
            guard before.remove(Baseline.Key(f)) != nil else {
                added += 1
                return f
            }
            unchanged += 1
            return f.with(suppression: Suppression(kind: .baseline, reason: "unchanged since \(Escape.capped(revision.ref))"))
        }
        let fixed = self.findings.filter { f in
            !f.suppressed && before.contains(Baseline.Key(f))
                && (!scoped || f.ladder.map(ladders.contains) ?? false || files.contains(f.location.file))
        }.count
        return (out, ChangeSummary(ref: revision.ref, commit: revision.commit, added: added, fixed: fixed, unchanged: unchanged))
    }
}
