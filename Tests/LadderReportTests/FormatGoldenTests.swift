import Foundation
import Testing

/// Each format's output for the fixed fixture, kept under Golden/ so a change of output shows
/// up in review. `LADDERLINT_UPDATE_GOLDEN=1 swift test --filter FormatGoldenTests` rewrites them.
@Suite struct FormatGoldenTests {
    static let files = [
        "sarif": "report.sarif",
        "github": "report.github.txt",
        "junit": "report.junit.xml",
        "gitlab": "report.gitlab.json",
        "markdown": "report.md",
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["LADDERLINT_UPDATE_GOLDEN"] == "1" }

    @Test(arguments: FormatRun.formats)
    func matchesGolden(_ format: String) throws {
        let run = try FormatFixture.run.get()
        let actual = try #require(run.outputs[format])
        let url = FormatRepo.golden.appendingPathComponent(Self.files[format]!)
        if Self.updating {
            try FileManager.default.createDirectory(at: FormatRepo.golden, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path): run LADDERLINT_UPDATE_GOLDEN=1 swift test --filter FormatGoldenTests and review it")
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("""
                \(format) output differs from \(url.lastPathComponent) at line \(line + 1):
                  expected: \(line < e.count ? String(e[line]) : "<end>")
                  actual:   \(line < a.count ? String(a[line]) : "<end>")
                If the change is intended, run LADDERLINT_UPDATE_GOLDEN=1 swift test --filter FormatGoldenTests and review the diff.
                """)
        }
    }
}
