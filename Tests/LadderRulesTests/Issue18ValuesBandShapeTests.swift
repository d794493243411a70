import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// Issue 18.1: 0 is a legitimate equity or bonus floor (only base pay must be above 0), and
/// every band-shape message reads as a sentence: "the band of … has {problem}: {fix}".
@Suite struct Issue18ValuesBandShapeTests {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager}

        """

    static func bandShape(_ bands: String, currency: String = "GBP") throws -> [Finding] {
        let comp = "kind: compensation\nladder: acme\ncurrency: \(currency)\nbands:\n" + bands
        let result = try Fixture.lint(files: ["ladder.yaml": ladder, "comp.yaml": comp])
        let report = try #require(result.report, "\(result.stderr)")
        let unexpected = report.findings.filter { $0.rule == "invalid-document" || $0.rule == "unknown-reference" }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.message))")
        return report.findings.filter { $0.rule == "band-shape" }
    }

    @Test("an equity floor of 0 and a bonus target of 0 are accepted")
    func zeroEquityAndBonusFloors() throws {
        let found = try Self.bandShape("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, bonus_target: 0, equity: {min: 0, max: 20000}}
              - {level: em-5, zone: uk, base: {min: 90000, max: 120000}, bonus_target: 0, equity: {min: 0, mid: 0, max: 0}}

            """)
        #expect(found.map(\.message) == [])
    }

    @Test("base pay of 0 is still a finding, worded as a sentence")
    func zeroBase() throws {
        let found = try Self.bandShape("""
              - {level: ic-5, zone: uk, base: {min: 0, max: 120000}}

            """)
        #expect(found.map(\.message) == ["the band of ic-5 (Senior Engineer) in zone uk has a base.min of 0 GBP: base pay must be above 0"])
        #expect(found.first?.location.column == 41)
    }

    @Test("negative equity is a finding: equity must be 0 or above")
    func negativeEquity() throws {
        let found = try Self.bandShape("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, equity: {min: -5000, max: 20000}}

            """)
        #expect(found.map(\.message) == ["the band of ic-5 (Senior Engineer) in zone uk has an equity.min of -5,000 GBP: equity must be 0 or above (0: no equity)"])
    }

    @Test("order and bonus problems read as sentences too")
    func grammarOfEveryProblem() throws {
        let found = try Self.bandShape("""
              - {level: ic-5, zone: a, base: {min: 150000, max: 120000}}
              - {level: ic-5, zone: b, base: {min: 130000, mid: 120000, max: 150000}}
              - {level: ic-5, zone: c, base: {min: 100000, mid: 160000, max: 150000}}
              - {level: ic-5, zone: d, base: {min: 100000, max: 150000}, bonus_target: 15}
              - {level: ic-5, zone: e, base: {min: 100000, max: 150000}, equity: {min: 60000, max: 40000}}

            """)
        #expect(found.map(\.message) == [
            "the band of ic-5 (Senior Engineer) in zone a has a base.min of 150,000 GBP, above its base.max of 120,000 GBP: order them min <= mid <= max",
            "the band of ic-5 (Senior Engineer) in zone b has a base.mid of 120,000 GBP, below its base.min of 130,000 GBP: order them min <= mid <= max",
            "the band of ic-5 (Senior Engineer) in zone c has a base.mid of 160,000 GBP, above its base.max of 150,000 GBP: order them min <= mid <= max",
            "the band of ic-5 (Senior Engineer) in zone d has a bonus_target of 15, outside 0 to 1: write it as a fraction of base (0.10 for 10%)",
            "the band of ic-5 (Senior Engineer) in zone e has an equity.min of 60,000 GBP, above its equity.max of 40,000 GBP: order them min <= mid <= max",
        ])
    }
}
