import Foundation
import Testing

/// Every input that ever crashed ladderlint under fuzzing: now a finding and exit 1 (or a clean
/// exit 0), never a crash. Inputs and notes: FuzzRegressions/FuzzRegressionInputs.swift.
@Suite("Fuzz regressions: former crash inputs end in findings")
struct FuzzRegressionTests {
    @Test("ladderlint reports, never crashes", arguments: FuzzRegressionInputs.all.map(\.name))
    func noCrash(_ name: String) throws {
        let input = FuzzRegressionInputs.all.first { $0.name == name }!
        let dir = try Scenario.folder(["input.yaml": .bytes(input.bytes)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Measured.ladderlint(["lint", "--format", "json", "--today", "2026-11-01", "input.yaml"], in: dir)
        let check = {
            #expect(run.signal == nil && [0, 1].contains(run.status), "\(name) (\(input.note)): \(run)")
            if run.signal == nil {
                _ = try run.findings()
            }
        }
        if input.knownCrash {
            // Reported in docs/hardening.md; this turns into a failure once the fix lands, as a
            // reminder to set knownCrash to false.
            withKnownIssue("\(input.note)") { try check() }
        } else {
            try check()
        }
    }
}
