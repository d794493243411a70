import Foundation
import LadderDriver
import LadderModel
import Testing

/// Files are read in chunks and each ladder is checked as soon as its documents seem to be in
/// (LadderStream); a ladder that gets another document or decode problem later is checked
/// again at the end. The report must never depend on where the chunks fall: the same bytes
/// with chunks of 1, 2, 5 files and with every file in one chunk.
@Suite("Chunked loading: output does not depend on the chunk size")
struct ChunkedLoadingTests {
    /// Layouts where one ladder's documents are far apart in file order.
    enum Layout: String, CaseIterable {
        /// Each organisation's four documents in four folders (bands before ladders, as sorting
        /// puts them), plus a duplicate ladder id late in the run, a compensation document for an
        /// unknown ladder, a late broken band and the samples and rule fixtures.
        case scattered
        /// The same with a file that is not YAML: unknown ladder ids are then not reported.
        case scatteredWithSyntaxError
        case examples
    }

    @Test(arguments: Layout.allCases)
    func sameReportForEveryChunkSize(_ layout: Layout) throws {
        let dir = try Self.folder(layout)
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = run(dir, chunk: 100_000)
        #expect(whole.report?.summary.ladders ?? 0 >= 10, "a real run: \(whole.report?.summary.ladders ?? 0) ladders")
        #expect(whole.stdout.count > 10_000, "a real report: \(whole.stdout.count) bytes")
        for chunk in [1, 2, 5] {
            for jobs in [1, 3] {
                let r = run(dir, chunk: chunk, jobs: jobs)
                #expect(r.exitCode == whole.exitCode, "chunk \(chunk), jobs \(jobs)")
                #expect(r.stderr == whole.stderr, "chunk \(chunk), jobs \(jobs): \(r.stderr)")
                #expect(r.stdout == whole.stdout, "chunk \(chunk), jobs \(jobs): the JSON report differs")
            }
        }
    }

    func run(_ dir: URL, chunk: Int, jobs: Int = 2) -> LintResult {
        var options = LintOptions()
        options.paths = ["."]
        options.today = Day("2026-11-21")
        options.jobs = jobs
        options.outputs = [OutputRequest(format: "json", file: nil)]
        var run = LintRun(workingDirectory: dir.path)
        run.chunkSize = chunk
        return run.execute(options)
    }

    static func folder(_ layout: Layout) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-chunks-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        if layout == .examples {
            // The team's worked examples where they are beside the clone; the project's own always.
            for name in ["acme", "evenkeel"] where Repo.sharedPresent {
                try fm.copyItem(at: Repo.shared.appendingPathComponent("examples/\(name)"), to: dir.appendingPathComponent(name))
            }
            try fm.copyItem(at: Repo.orgs, to: dir.appendingPathComponent("orgs"))
            try fm.copyItem(at: Repo.root.appendingPathComponent("ladders"), to: dir.appendingPathComponent("ladders"))
            try fm.copyItem(at: Repo.fixtures, to: dir.appendingPathComponent("fixtures"))
            return dir
        }
        // Twelve organisations from the benchmark's generator (fixed seed), split by kind.
        let generated = dir.appendingPathComponent(".gen")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Repo.root.appendingPathComponent("bench/gen.py").path, "--orgs", "12", "--per-dir", "12", "--out", generated.path]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        let folders = ["ladder": "m-ladders", "compensation": "a-bands", "policy": "p-policy", "survey": "s-surveys"]
        for name in try fm.contentsOfDirectory(atPath: generated.appendingPathComponent("part-000").path).sorted() {
            let text = try String(contentsOf: generated.appendingPathComponent("part-000/\(name)"), encoding: .utf8)
            for doc in text.components(separatedBy: "\n---\n") {
                guard let kind = doc.split(separator: "\n").first(where: { $0.hasPrefix("kind: ") })?.dropFirst(6),
                      let folder = folders[String(kind)] else { continue }
                let url = dir.appendingPathComponent("\(folder)/\(name)")
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (doc.hasPrefix("---") ? doc : "---\n" + doc).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        try fm.removeItem(at: generated)
        // A second ladder document with the first organisation's id, read last.
        let first = try String(contentsOf: dir.appendingPathComponent("m-ladders/org-00000.yaml"), encoding: .utf8)
        try fm.createDirectory(at: dir.appendingPathComponent("zz-late"), withIntermediateDirectories: true)
        try first.write(to: dir.appendingPathComponent("zz-late/dup-ladder.yaml"), atomically: true, encoding: .utf8)
        // A broken band and a band for an unknown ladder, read after everything else.
        try """
            kind: compensation
            ladder: org-00003-eng
            currency: EUR
            period: annual
            bands:
              - level: ic-1
                zone: nowhere
                base: {min: 1, max: "lots"}

            """.write(to: dir.appendingPathComponent("zz-late/broken-band.yaml"), atomically: true, encoding: .utf8)
        try "kind: compensation\nladder: no-such-ladder\ncurrency: EUR\nperiod: annual\nbands: []\n"
            .write(to: dir.appendingPathComponent("zz-late/unknown.yaml"), atomically: true, encoding: .utf8)
        if layout == .scatteredWithSyntaxError {
            try "kind: ladder\nid: [\n".write(to: dir.appendingPathComponent("b-broken.yaml"), atomically: true, encoding: .utf8)
        }
        try fm.copyItem(at: Repo.root.appendingPathComponent("ladders"), to: dir.appendingPathComponent("samples"))
        return dir
    }
}
