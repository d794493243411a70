import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

/// Pay formulas in the rules: parity on the factors (once per pair, at the management factor),
/// derived bands in every pay rule, the metrics and the HTML charts, a formula that loses a
/// factor standing the pay checks down, and `--redact` hiding the benchmark and every amount
/// the formula derives, in every format.
@Suite struct PayFormulaTests {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        organization: Acme
        tracks:
          - {id: swe, name: Software Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: swe-3, track: swe, grade: 3, title: Senior Engineer, family: engineering}
          - {id: swe-4, track: swe, grade: 4, title: Staff Engineer, family: engineering}
          - {id: em-3, track: em, grade: 3, title: Engineering Manager, family: management}
          - {id: em-4, track: em, grade: 4, title: Senior Engineering Manager, family: management}

        """

    /// The formula on the ladder above: em-4 at 1.35 against swe-4 at 1.2, three zones.
    static let formula = """
        kind: pay-formula
        ladder: acme
        currency: USD
        benchmark: 285000
        level_factors:
          swe-3: 1.0
          swe-4: 1.2
          em-3: 1.0
          em-4: 1.35
        steps: {learning: 0.85, growing: 0.9, thriving: 1.0, expert: 1.15}
        zones:
          us-sf: {factor: 1.0}
          us-nyc: {factor: 0.9}
          uk-london: {factor: 0.68, currency: GBP, fx: 0.758}
          latam: {factor: 0.5}
        zone_floor: 0.625

        """

    static func lint(_ files: [String: String], format: String = "json", redact: Bool = false) throws -> LintResult {
        try Fixture.lint(files: files) {
            $0.redact = redact
            $0.outputs = [OutputRequest(format: format, file: nil)]
        }
    }

    // MARK: parity on the factors

    @Test("a management factor above its IC peer's: one finding per pay rule, at the factor, naming both factors")
    func parityOncePerFactorPair() throws {
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": Self.formula]).report)
        let pay = report.findings.filter { $0.rule.hasPrefix("pay-") }
        #expect(pay.map(\.rule).sorted() == ["pay-ceiling-parity", "pay-floor-parity", "pay-midpoint-parity"], "once per rule, not once per zone: \(pay.map(\.message))")
        for f in pay {
            #expect(f.location.file == "formula.yaml")
            #expect(f.location.line == 9 && f.location.column == 9)
            #expect(f.subjects == ["em-4", "swe-4"])
            #expect(f.modelPath == "level_factors.em-4")
            #expect(f.zone == nil)
            #expect(f.evidence.contains(Evidence("management_factor", .number(1.35))))
            #expect(f.evidence.contains(Evidence("individual_contributor_factor", .number(1.2))))
            #expect(f.evidence.contains(Evidence("ratio", .ratio(1.125))))
        }
        let ceiling = try #require(pay.first { $0.rule == "pay-ceiling-parity" })
        #expect(ceiling.message == "em-4 factor 1.35 vs swe-4 1.2, +12.5%: in every zone of the pay formula, em-4 (Senior Engineering Manager) tops out above its IC peer swe-4 (Staff Engineer), grade 4: raise the IC factor or lower the management one")
        let mid = try #require(pay.first { $0.rule == "pay-midpoint-parity" })
        #expect(mid.message == "em-4 factor 1.35 vs swe-4 1.2, +12.5% (tolerance 2%): in every zone of the pay formula, em-4 (Senior Engineering Manager) has a higher midpoint than its IC peer swe-4 (Staff Engineer), grade 4: align the factors")
        // One fingerprint per rule: a baseline records the pair once.
        #expect(Set(pay.map(\.fingerprint)).count == 3)
    }

    @Test("factors compared within the midpoint's tolerance, equal factors, a shared level as the IC peer")
    func toleranceAndPeers() throws {
        let formula = Self.formula.replacingOccurrences(of: "em-4: 1.35", with: "em-4: 1.22")  // +1.7%
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula]).report)
        #expect(report.findings.filter { $0.rule.hasPrefix("pay-") }.map(\.rule).sorted() == ["pay-ceiling-parity", "pay-floor-parity"])

        let equal = Self.formula.replacingOccurrences(of: "em-4: 1.35", with: "em-4: 1.2")
        let none = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": equal]).report)
        #expect(none.findings.filter { $0.severity >= .warning }.isEmpty, "\(none.findings.map(\.message))")

        // A shared level at grade 4 paid 1.4 is the highest IC peer: em-4's 1.35 is below it.
        let shared = Self.ladder + "  - {id: lead-4, track: shared, grade: 4, title: Technical Lead}\n"
        let withShared = Self.formula.replacingOccurrences(of: "  em-4: 1.35\n", with: "  em-4: 1.35\n  lead-4: 1.4\n")
        let sharedReport = try #require(try Self.lint(["ladder.yaml": shared, "formula.yaml": withShared]).report)
        #expect(!sharedReport.findings.contains { $0.rule.hasPrefix("pay-") }, "\(sharedReport.findings.map(\.message))")
        // And at 1.3 it is the peer that em-4 is compared with.
        let lower = withShared.replacingOccurrences(of: "lead-4: 1.4", with: "lead-4: 1.3")
        let lowerReport = try #require(try Self.lint(["ladder.yaml": shared, "formula.yaml": lower]).report)
        let ceiling = try #require(lowerReport.findings.first { $0.rule == "pay-ceiling-parity" })
        #expect(ceiling.subjects == ["em-4", "lead-4"])
        #expect(ceiling.message.hasPrefix("em-4 factor 1.35 vs lead-4 1.3, +3.8%"))
    }

    @Test("per-family benchmarks: compared on benchmark × factor, the benchmarks named; hidden under --redact")
    func familyBenchmarks() throws {
        let formula = Self.formula
            .replacingOccurrences(of: "benchmark: 285000", with: "benchmark: {engineering: 285000, management: 299250}")
            .replacingOccurrences(of: "em-4: 1.35", with: "em-4: 1.2")
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula]).report)
        let ceiling = try #require(report.findings.first { $0.rule == "pay-ceiling-parity" && $0.subjects == ["em-4", "swe-4"] })
        #expect(ceiling.message.hasPrefix("em-4 factor 1.2 × the management benchmark 299,250 USD vs swe-4 1.2 × the engineering benchmark 285,000 USD, +5%: "))
        #expect(ceiling.evidence.contains(Evidence("management_benchmark", .amount(299250))))
        // em-3 at 1.0 × 299,250 against swe-3 at 1.0 × 285,000: +5% too.
        #expect(report.findings.contains { $0.rule == "pay-ceiling-parity" && $0.subjects == ["em-3", "swe-3"] })

        let redacted = try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula], format: "text", redact: true)
        #expect(redacted.stdout.contains("em-4 factor 1.2 × the management benchmark [redacted] USD vs swe-4 1.2 × the engineering benchmark [redacted] USD, +5%"), "\(redacted.stdout)")
    }

    @Test("a management band derived from a formula against a written IC band: compared zone by zone, at the factor")
    func mixedWithWrittenBands() throws {
        let bands = """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: swe-4, zone: us-sf, base: {min: 290700, max: 393300}}

            """
        let formula = Self.formula.replacingOccurrences(of: "  swe-4: 1.2\n", with: "")
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula, "bands.yaml": bands]).report)
        let pay = report.findings.filter { $0.rule.hasPrefix("pay-") }
        // 285,000 × 1.35 = 384,750: at 0.85, 327,038 vs 290,700; at 1.15, 442,463 vs 393,300.
        #expect(pay.count == 3)
        let ceiling = try #require(pay.first { $0.rule == "pay-ceiling-parity" })
        #expect(ceiling.zone == "us-sf")
        #expect(ceiling.location.file == "formula.yaml" && ceiling.location.line == 8)
        #expect(ceiling.modelPath == "level_factors.em-4.base.max")
        #expect(ceiling.message == "em-4 (Senior Engineering Manager) tops out at 442,463 USD, above its IC peer swe-4 (Staff Engineer) at 393,300 USD (12.5% more), grade 4, zone us-sf: raise the IC ceiling or lower the management one")
    }

    @Test("a formula that lost a factor stands the pay parity checks down, as a compensation document with errors does")
    func aBrokenFormulaStandsParityDown() throws {
        let formula = Self.formula.replacingOccurrences(of: "swe-3: 1.0", with: "swe-3: 0")
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula]).report)
        #expect(report.findings.contains { $0.rule == "invalid-document" && $0.location.line == 6 })
        #expect(!report.findings.contains { $0.rule.hasPrefix("pay-") })
    }

    @Test("factor_message: checked against the check's placeholders when the pack loads; without it, the message reads")
    func factorMessageInARulePack() throws {
        func pack(_ extra: String) -> String {
            """
            version: 1
            rules:
              - id: strict-ceiling
                check: pay-parity
                severity: error
                params: {measure: max, tolerance: 0.1}
                summary: Management ceilings within 10% of IC.
                message: "{management} tops out at {management_amount}, {difference} above {ic} in {zone}"
            \(extra)
            """
        }
        #expect(throws: UsageError.self) { try RulePack.parse(pack("    factor_message: \"{management_level} at {multiplier}\""), file: "p.yaml", registry: .builtin) }
        let without = try RulePack.parse(pack(""), file: "p.yaml", registry: .builtin)
        #expect(without.rules.first?.factorMessage == nil)
        let r = try Fixture.lint(files: ["ladder.yaml": Self.ladder, "formula.yaml": Self.formula, "pack.yaml": pack(""), ".ladderlint.yml": "rules: [pack.yaml]\n"]) { $0.paths = ["ladder.yaml", "formula.yaml"] }
        let strict = try #require(r.report?.findings.first { $0.rule == "strict-ceiling" })
        #expect(strict.message == "em-4 (Senior Engineering Manager) tops out at level factor 1.35, 12.5% above swe-4 (Staff Engineer) in every zone of the pay formula")
    }

    // MARK: derived bands in the other pay rules, the metrics and the charts

    @Test("derived bands: band-progression per zone at the factor, band-shape silent, band-spread on a formula without steps")
    func derivedBandsInTheBandRules() throws {
        let falling = Self.formula.replacingOccurrences(of: "swe-4: 1.2", with: "swe-4: 0.95").replacingOccurrences(of: "em-4: 1.35", with: "em-4: 0.95")
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": falling]).report)
        let progression = report.findings.filter { $0.rule == "band-progression" }
        // Two tracks × four zones × min and max.
        #expect(progression.count == 16)
        #expect(Set(progression.map(\.location.line)) == [7, 9])
        #expect(Set(progression.compactMap(\.zone)) == ["us-sf", "us-nyc", "uk-london", "latam"])
        #expect(!report.findings.contains { $0.rule == "band-shape" || $0.rule == "band-spread" })

        let stepless = Self.formula.replacingOccurrences(of: "steps: {learning: 0.85, growing: 0.9, thriving: 1.0, expert: 1.15}\n", with: "")
        let points = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": stepless]).report)
        let spread = points.findings.filter { $0.rule == "band-spread" }
        #expect(spread.isEmpty, "a formula without steps sets one amount by design: no spread to judge")
        // A written band of one amount still has its spread judged.
        let written = try #require(try Self.lint(["ladder.yaml": Self.ladder, "bands.yaml": """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: swe-3, zone: us, base: {min: 100000, mid: 100000, max: 100000}}
            """]).report)
        #expect(written.findings.filter { $0.rule == "band-spread" }.count == 1)
    }

    @Test("derived bands in the metrics: one row per grade and zone, amounts as derived, steps, the ratio of the factors")
    func derivedBandsInTheMetrics() throws {
        let report = try #require(try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": Self.formula]).report)
        let m = try #require(report.metrics.first)
        #expect(m.pay.count == 8)
        let sf = try #require(m.pay.first { $0.grade == 4 && $0.zone == "us-sf" })
        // 285,000 × 1.2 = 342,000: 290,700 at 0.85, 342,000 at 1, 393,300 at 1.15.
        #expect(sf.icMin == 290700 && sf.icMid == 342000 && sf.icMax == 393300)
        // 285,000 × 1.35 = 384,750: 327,037.5 → 327,038; 442,462.5 → 442,463.
        #expect(sf.managementMin == 327038 && sf.managementMid == 384750 && sf.managementMax == 442463)
        #expect(sf.ratio == 1.125)
        #expect(sf.icSteps == [[PayStep(name: "learning", amount: 290700), PayStep(name: "growing", amount: 307800), PayStep(name: "thriving", amount: 342000), PayStep(name: "expert", amount: 393300)]])
        let london = try #require(m.pay.first { $0.grade == 3 && $0.zone == "uk-london" })
        // 285,000 × 0.68 × 0.758 = 146,900.4 GBP.
        #expect(london.currency == "GBP" && london.icMid == 146900)
        let latam = try #require(m.pay.first { $0.grade == 3 && $0.zone == "latam" })
        // 0.5 raised to the floor 0.625: 178,125.
        #expect(latam.icMid == 178125)
    }

    @Test("the HTML report charts derived bands")
    func derivedBandsInTheHTMLCharts() throws {
        let r = try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": Self.formula], format: "html")
        for text in ["us-sf, USD, annual", "uk-london, GBP, annual", "442,463", "146,900", "thriving", "307,800"] {
            #expect(r.stdout.contains(text), "the HTML report lacks \(text)")
        }
    }

    // MARK: --redact

    /// Every amount the formula above derives (and its benchmark), in the forms a report
    /// could write them.
    static func derivedAmounts() -> [Double] {
        let levels = [1.0, 1.2, 1.35]
        let zones: [(Double, Double?)] = [(1.0, nil), (0.9, nil), (0.68, 0.758), (0.625, nil)]
        var out: [Double] = [285000]
        for l in levels {
            for (z, fx) in zones {
                let amount = 285000 * l * z * (fx ?? 1)
                out += [0.85, 0.9, 1.0, 1.15].map { FormulaMath.round(amount * $0) }
            }
        }
        return out
    }

    @Test("--redact: the benchmark and every derived amount appear in no format", arguments: Reporters.formats)
    func redactHidesEveryDerivedAmount(_ format: String) throws {
        let r = try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": Self.formula], format: format, redact: true)
        #expect(r.exitCode == 1, "\(r.stderr)")
        let out = r.stdout + r.stderr
        #expect(!r.stdout.isEmpty)
        for v in Set(Self.derivedAmounts()) {
            let g = Format.grouped(v)
            for form in [String(Int(v)), g, g.replacingOccurrences(of: ",", with: "."), g.replacingOccurrences(of: ",", with: " "), "\(Int(v)).0"] {
                #expect(!out.contains(form), "\(format) output contains \(form)")
            }
        }
        // The factors are ratios, and stay.
        if format == "text" || format == "json" { #expect(out.contains("em-4 factor 1.35 vs swe-4 1.2, +12.5%")) }
        // Unredacted, the amounts are there: the search above can find them.
        let plain = try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": Self.formula], format: format)
        if format == "json" || format == "html" { #expect(plain.stdout.contains("442463") || plain.stdout.contains("442,463")) }
    }

    @Test("--redact: a benchmark written with separators is hidden from its decoder message")
    func redactHidesAMalformedBenchmark() throws {
        let formula = Self.formula.replacingOccurrences(of: "benchmark: 285000", with: "benchmark: 285,000")
        let r = try Self.lint(["ladder.yaml": Self.ladder, "formula.yaml": formula], format: "text", redact: true)
        #expect(r.stdout.contains("formula.yaml:4:12: error: benchmark: expected an amount above 0"), "\(r.stdout)")
        #expect(!r.stdout.contains("285,000") && !r.stdout.contains("285000"))
    }

    // MARK: the sample

    @Test("ladders/formula: the PostHog-style sample raises exactly its marked findings")
    func sample() throws {
        let folder = Repo.root.appendingPathComponent("ladders/formula")
        let expected = try Fixture.expected(in: folder)
        let result = Fixture.lint(folder)
        #expect(result.exitCode == 1)
        let findings = try #require(result.report).findings
        let actual = Set(findings.filter { $0.severity >= .warning }.map { Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule) })
        #expect(actual == expected, "missing: \(expected.subtracting(actual)); unexpected: \(actual.subtracting(expected))")
        #expect(!expected.isEmpty)
        let bands = try #require(result.report).metrics.first?.pay.count
        #expect(bands == 20, "five grades × four zones")
    }
}
