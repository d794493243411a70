import Foundation
import LadderModel
import LadderRules
import LadderYAML
import Testing

/// Issue 18.2: one band with an error stands down only the pay comparisons that need it (its
/// grade in its zone), not every pay rule of the ladder. The run still says what did not run:
/// the pay family's coverage reason and a note.
@Suite struct Issue18RulesStandDownTests {
    static let rules: [Rule] = (try? RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules) ?? []

    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-4, track: ic, grade: 4, title: Staff Engineer}
          - {id: ic-5, track: ic, grade: 5, title: Principal Engineer}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}
          - {id: em-5, track: em, grade: 5, title: Director}

        """

    /// Every management band tops out above its IC peer, in zones us and eu.
    static func bands(ic4: String = "{level: ic-4, zone: us, base: {min: 150000, max: 200000}}", currency: String = "USD") -> String {
        """
        ---
        kind: compensation
        ladder: acme
        currency: \(currency)
        bands:
          - \(ic4)
          - {level: em-4, zone: us, base: {min: 150000, max: 210000}}
          - {level: ic-5, zone: us, base: {min: 180000, max: 240000}}
          - {level: em-5, zone: us, base: {min: 180000, max: 250000}}
          - {level: ic-4, zone: eu, base: {min: 150000, max: 200000}}
          - {level: em-4, zone: eu, base: {min: 150000, max: 210000}}

        """
    }

    struct Checked {
        var ladder: ResolvedLadder
        var findings: [Finding]
        var coverage: LadderCoverage
    }

    func check(_ yaml: String) throws -> Checked {
        let decoded = DocumentDecoder().decodeFile(Array(yaml.utf8), file: "acme.yaml", limits: LoadLimits())
        let model = Resolver().resolve(decoded.documents, broken: decoded.brokenIDs)
        let ladder = try #require(model.ladders.first)
        let findings = Engine().run(ladder, rules: Self.rules, today: Day("2026-11-21")!)
        return Checked(ladder: ladder, findings: findings, coverage: CoveragePlan(rules: Self.rules, registry: .builtin).ladder(ladder))
    }

    /// "management level in zone" of each finding of `rule`.
    func pairs(_ c: Checked, _ rule: String) -> Set<String> {
        Set(c.findings.filter { $0.rule == rule }.map { "\($0.subjects.first ?? "?") in \($0.zone ?? "?")" })
    }

    @Test func everyBandReadIsEveryPairCompared() throws {
        #expect(!Self.rules.isEmpty)
        let c = try check(Self.ladder + Self.bands())
        #expect(c.findings.filter { $0.rule == "pay-ceiling-parity" }.count == 3)
        #expect(c.coverage[.pay]?.status == .checked)
        #expect(c.coverage[.pay]?.reason == nil)
        #expect(c.coverage.standDown == nil)
    }

    @Test func aBandMissingAKeyStandsDownItsGradeAndZoneOnly() throws {
        let c = try check(Self.ladder + Self.bands(ic4: "{level: ic-4, zone: us, base: {min: 150000}}"))
        // Grade 4 in zone us needs ic-4's band: not compared. Grade 5 in us and grade 4 in eu are.
        #expect(pairs(c, "pay-ceiling-parity") == ["em-5 in us", "em-4 in eu"])
        #expect(pairs(c, "pay-floor-parity").isEmpty && pairs(c, "variable-pay-parity").isEmpty)
        #expect(!c.ladder.incomplete.contains(.compensation))
        #expect(c.coverage[.pay]?.status == .checked, "pay was checked, but for one grade in one zone")
        #expect(c.coverage[.pay]?.reason == "pay was not compared at grade 4 in zone us of ladder acme: the band of ic-4 in zone us has errors; fix it first")
        #expect(c.coverage.standDown == "the band of ic-4 in zone us has errors: pay was not compared at grade 4 in zone us; fix it first")
        // The family is checked: --require pay is met.
        #expect(!c.coverage.unchecked.contains { $0.family == .pay })
        #expect(c.coverage[.pay]?.line == "pay: checked, but pay was not compared at grade 4 in zone us of ladder acme: the band of ic-4 in zone us has errors; fix it first")
    }

    @Test func aBandKeptWithAnUnknownKeyStandsDownItsPairToo() throws {
        // `bonus:` for `bonus_target:`: the band stays (band-shape and the metrics read it), but
        // its values are not what the file meant, so its grade and zone are not compared.
        let c = try check(Self.ladder + Self.bands(ic4: "{level: ic-4, zone: us, base: {min: 150000, max: 200000}, bonus: 0.1}"))
        #expect(c.ladder.bands.contains { $0.level.id.value == "ic-4" && $0.band.zone == "us" })
        #expect(pairs(c, "pay-ceiling-parity") == ["em-5 in us", "em-4 in eu"])
    }

    @Test func aBandWithAnUnreadableZoneStandsDownItsGradeInEveryZone() throws {
        let c = try check(Self.ladder + Self.bands(ic4: "{level: ic-4, zone: [us], base: {min: 150000, max: 200000}}"))
        #expect(pairs(c, "pay-ceiling-parity") == ["em-5 in us"])
        #expect(c.coverage[.pay]?.reason == "pay was not compared at grade 4 in every zone of ladder acme: a band of ic-4 (zone unreadable) has errors; fix it first")
    }

    @Test func severalBandsAreNamedTogether() throws {
        var yaml = Self.ladder + Self.bands(ic4: "{level: ic-4, zone: us, base: {min: 150000}}")
        yaml = yaml.replacingOccurrences(of: "{level: em-5, zone: us, base: {min: 180000, max: 250000}}", with: "{level: em-5, zone: us, base: {min: 180000, max: TBD}}")
        let c = try check(yaml)
        #expect(pairs(c, "pay-ceiling-parity") == ["em-4 in eu"])
        #expect(c.coverage.standDown == "the bands of ic-4 in zone us and em-5 in zone us have errors: pay was not compared at grade 4 in zone us and grade 5 in zone us; fix those first")
    }

    @Test func aBandWhoseLevelCannotBeReadStandsDownEveryPayRule() throws {
        // Which comparisons it would take part in is unknown: the whole set stands down, as before.
        let c = try check(Self.ladder + Self.bands(ic4: "{zone: us, base: {min: 150000, max: 200000}}"))
        #expect(c.findings.filter { $0.rule == "pay-ceiling-parity" }.isEmpty)
        #expect(c.ladder.incomplete.contains(.compensation))
        #expect(c.coverage[.pay]?.status == .notChecked)
        #expect(c.coverage.standDown == nil)
    }

    @Test func aDocumentErrorStandsDownEveryPayRule() throws {
        let c = try check(Self.ladder + Self.bands(currency: "dollars"))
        #expect(c.findings.filter { $0.rule == "pay-ceiling-parity" }.isEmpty)
        #expect(c.coverage[.pay]?.status == .notChecked)
        #expect(c.coverage[.pay]?.reason == "the compensation documents of ladder acme have errors, so 4 of 5 pay rules did not run: fix those first")
    }

    @Test func theRunSaysWhatStoodDownInANote() throws {
        let r = try Fixture.lint(files: ["acme.yaml": Self.ladder + Self.bands(ic4: "{level: ic-4, zone: us, base: {min: 150000}}")])
        let report = try #require(r.report)
        #expect(report.notes.contains("ladder acme: some checks did not run because the band of ic-4 in zone us has errors: pay was not compared at grade 4 in zone us; fix it first"), "\(report.notes)")
        #expect(!report.notes.contains { $0.contains("its compensation documents have errors") }, "\(report.notes)")
        #expect(report.findings.filter { $0.rule == "pay-ceiling-parity" }.count == 2)
        #expect(report.coverage.first?[.pay]?.status == .checked)
    }
}
