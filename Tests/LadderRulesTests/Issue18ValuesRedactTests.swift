import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// Issue 18.13 under `--redact`: the messages about values typed as in a spreadsheet say
/// "write 168000" — the amount itself — so every one of them is withheld in every output,
/// including a step's and a formula benchmark's, whose paths end in a name of the user's.
@Suite struct Issue18ValuesRedactTests {
    static let files = [
        "ladder.yaml": """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
              - {id: em-5, track: em, grade: 5, title: Engineering Manager}

            """,
        "comp.yaml": """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, base: {min: 168,000, max: $216,000}, bonus_target: 12.5%}
              - {level: em-5, base: {min: 170000, max: 230000}, steps: {learning: 171,500, expert-2: 229,500}}
              - {level: em-5, zone: eu, base: {min: 187k, max: "251,000 USD"}}

            """,
        "formula.yaml": """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: {engineering: 275,000, data-science: 293,000}
            level_factors: {ic-5: 1.0}

            """,
    ]

    @Test(arguments: ["text", "json", "sarif", "html"])
    func noAmountInAnyOutput(format: String) throws {
        let plain = try Fixture.lint(files: Self.files) { $0.outputs = [OutputRequest(format: format, file: nil)] }
        // The messages are there to be withheld: without --redact they show the amounts.
        #expect(plain.stdout.contains("write 168000"))
        #expect(plain.stdout.contains("write 171500"))
        #expect(plain.stdout.contains("write 293000"))
        let r = try Fixture.lint(files: Self.files) {
            $0.redact = true
            $0.outputs = [OutputRequest(format: format, file: nil)]
        }
        #expect(r.exitCode == 1, "\(r.stderr)")
        for form in ["275000", "275,000", "168000", "168,000", "216000", "216,000", "171500", "171,500", "229500", "229,500", "187000", "187k", "251000", "251,000", "293000", "293,000", "0.125", "12.5%"] {
            let at = r.stdout.range(of: form).map { String(r.stdout[..<$0.upperBound].suffix(80)) } ?? ""
            #expect(!r.stdout.contains(form), "\(format) output contains \(form): \(at)")
        }
        #expect(r.stdout.contains("withheld under --redact"))
    }
}
