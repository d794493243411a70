import Foundation
import LadderModel
import LadderYAML
import Testing

/// `kind: pay-formula`: decoding with precise findings, and the bands the resolver derives
/// from it (amounts, rounding, steps, zones, fx, zone_floor, family benchmarks, spans, paths),
/// and the conflicts between a formula and written bands.
@Suite struct PayFormulaDecodeTests {
    /// A ladder with families, for the formulas below.
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-4, track: ic, grade: 4, title: Senior Engineer, family: engineering}
          - {id: ic-5, track: ic, grade: 5, title: Staff Engineer, family: engineering}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager, family: management}

        """

    /// Decodes and resolves the files as a run does; the ladder's resolved model and every finding.
    static func run(_ files: [(name: String, text: String)]) -> (ladder: ResolvedLadder?, findings: [Finding], documents: [Document]) {
        var findings: [Finding] = []
        var documents: [Document] = []
        var broken: [BrokenID] = []
        for file in files {
            let decoded = DocumentDecoder().decodeFile(Array(file.text.utf8), file: file.name, limits: LoadLimits())
            findings += decoded.findings
            documents += decoded.documents
            broken += decoded.brokenIDs
        }
        let model = Resolver().resolve(documents, broken: broken)
        findings += model.findings
        return (model.ladders.first, findings.sorted(by: Finding.precedes), documents)
    }

    static func run(formula: String, ladder: String = ladder) -> (ladder: ResolvedLadder?, findings: [Finding], documents: [Document]) {
        run([("ladder.yaml", ladder), ("formula.yaml", formula)])
    }

    /// level/zone → (min, mid, max, steps) of the derived bands.
    static func amounts(_ l: ResolvedLadder?) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for b in l?.bands ?? [] {
            let base = b.band.base
            out["\(b.band.level.value)/\(b.band.zone)"] = [base.min.value, base.midpoint, base.max.value] + b.band.steps.map(\.amount.value)
        }
        return out
    }

    // MARK: decoding

    @Test func decodesTheIssuesExample() throws {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD               # of the benchmark
            benchmark: 285000
            level_factors: {ic-4: 1.0, ic-5: 1.2, em-5: 1.35}
            steps: {learning: 0.85, growing: 0.9, thriving: 1.0, expert: 1.15}
            zones:
              us-sf: {factor: 1.0}
              us-nyc: {factor: 0.9}
              uk-london: {factor: 0.68, currency: GBP, fx: 0.758}   # local = USD × factor × fx
            zone_floor: 0.625
            period: annual
            x-source: https://example.com/handbook/salary
            """)
        #expect(r.findings.seen == [])
        guard case .payFormula(let f)? = r.documents.last else {
            Issue.record("no pay formula decoded")
            return
        }
        #expect(f.ladder.value == "acme")
        #expect(f.currency.value == "USD")
        #expect(f.period == .annual)
        #expect(f.benchmark.amounts == [285000])
        #expect(f.levelFactors.map(\.name.value) == ["ic-4", "ic-5", "em-5"])
        #expect(f.levelFactors.map(\.factor.value) == [1.0, 1.2, 1.35])
        #expect(f.steps.map(\.name.value) == ["learning", "growing", "thriving", "expert"])
        #expect(f.zones.map(\.id.value) == ["us-sf", "us-nyc", "uk-london"])
        #expect(f.zones[2].currency?.value == "GBP")
        #expect(f.zones[2].fx?.value == 0.758)
        #expect(f.zoneFloor?.value == 0.625)
        // The factor of em-5: line 5, its key at column 39, its value at column 45.
        #expect(f.levelFactors[2].name.span.start.line == 5 && f.levelFactors[2].name.span.start.column == 39)
        #expect(f.levelFactors[2].factor.span.start.column == 45)
        // Three levels × three zones.
        #expect(r.ladder?.bands.count == 9)
    }

    @Test func aLevelMayNameItsFamily() {
        let r = Self.run([("ladder.yaml", Self.ladder)])
        #expect(r.findings.seen == [])
        #expect(r.ladder.map { l in l.levels.map { l.family(of: $0) } } == ["engineering", "engineering", "management"])
    }

    // MARK: derived bands

    @Test func derivedAmountsWithStepsZonesFxAndTheFloor() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors: {ic-5: 1.0, em-5: 1.1}
            steps: {learning: 0.85, thriving: 1.0, expert: 1.15}
            zones:
              us: {factor: 1.0}
              uk: {factor: 0.68, currency: GBP, fx: 0.758}
              remote: {factor: 0.5}
            zone_floor: 0.625
            """)
        #expect(r.findings.seen == [])
        let a = Self.amounts(r.ladder)
        // 200,000 × 1.0 at steps 0.85, 1.0, 1.15; mid at step factor 1.
        #expect(a["ic-5/us"] == [170000, 200000, 230000, 170000, 200000, 230000])
        // 200,000 × 1.1 = 220,000.
        #expect(a["em-5/us"] == [187000, 220000, 253000, 187000, 220000, 253000])
        // 200,000 × 0.68 × 0.758 = 103,088 GBP; × 0.85 = 87,624.8 → 87,625; × 1.15 = 118,551.2 → 118,551.
        #expect(a["ic-5/uk"] == [87625, 103088, 118551, 87625, 103088, 118551])
        // 0.5 is below the floor: 200,000 × 0.625 = 125,000.
        #expect(a["ic-5/remote"] == [106250, 125000, 143750, 106250, 125000, 143750])
        let uk = r.ladder?.bands.first { $0.band.zone == "uk" }
        #expect(uk?.band.currency == "GBP")
        #expect(r.ladder?.bands.first { $0.band.zone == "us" }?.band.currency == "USD")
        #expect(r.ladder?.bands.first { $0.band.zone == "remote" }?.band.formula?.zoneFactor == 0.625)
        #expect(uk?.band.steps.map(\.name.value) == ["learning", "thriving", "expert"])
        #expect(uk?.band.period == .annual)
    }

    @Test func withoutStepsABandIsOneAmountAndWithoutZonesOneDefaultZone() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: EUR
            period: monthly
            benchmark: 9000
            level_factors: {ic-4: 0.8333}
            """)
        #expect(r.findings.seen == [])
        // 9,000 × 0.8333 = 7,499.7 → 7,500.
        #expect(Self.amounts(r.ladder) == ["ic-4/default": [7500, 7500, 7500]])
        #expect(r.ladder?.bands.first?.band.period == .monthly)
        #expect(r.ladder?.bands.first?.band.currency == "EUR")
    }

    @Test func stepsAboveOneTakeTheirMidpointHalfwayBetweenMinAndMax() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors: {ic-4: 1.0}
            steps: {senior: 1.05, lead: 1.2}
            """)
        #expect(r.findings.seen == [])
        #expect(Self.amounts(r.ladder) == ["ic-4/default": [210000, 225000, 240000, 210000, 240000]])
    }

    @Test func roundingIsToWholeUnitsHalvesAwayFromZero() {
        #expect(FormulaMath.round(100.5) == 101)
        #expect(FormulaMath.round(100.49) == 100)
        // 384,750 × 1.15 is 442,462.49999999994 in binary: a half by hand, rounded up.
        #expect(FormulaMath.round(384750 * 1.15) == 442463)
        #expect(FormulaMath.round(-2.5) == -3)
        #expect(FormulaMath.band(1001, steps: [0.5, 1.5]) == (501, 1001, 1502, [501, 1502]))
        #expect(FormulaMath.zoneFactor(0.5, floor: 0.625) == 0.625)
        #expect(FormulaMath.zoneFactor(0.9, floor: 0.625) == 0.9)
        #expect(FormulaMath.zoneFactor(0.5, floor: nil) == 0.5)
    }

    @Test func aBenchmarkPerFamily() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: {engineering: 200000, management: 210000}
            level_factors: {ic-5: 1.2, em-5: 1.2}
            """)
        #expect(r.findings.seen == [])
        #expect(Self.amounts(r.ladder) == ["ic-5/default": [240000, 240000, 240000], "em-5/default": [252000, 252000, 252000]])
        let em = r.ladder?.bands.first { $0.level.id.value == "em-5" }?.band.formula
        #expect(em?.family == "management")
        #expect(em?.benchmark == 210000)
        #expect(em?.levelAmount == 252000)
    }

    @Test func aDerivedBandPointsAtItsLevelFactor() throws {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors:
              ic-5: 1.0
              em-5: 1.1
            zones: {us: {factor: 1.0}, eu: {factor: 0.8, currency: EUR, fx: 0.92}}
            """)
        let bands = try #require(r.ladder?.bands)
        for b in bands where b.level.id.value == "em-5" {
            #expect(b.source.file == "formula.yaml")
            #expect(b.band.path.description == "level_factors.em-5")
            #expect(b.band.path.key("base").key("max").description == "level_factors.em-5.base.max")
            // The level at the factor's key, every amount at its value.
            #expect(b.band.level.span.start.line == 7 && b.band.level.span.start.column == 3)
            for span in [b.band.base.min.span, b.band.base.max.span, b.band.base.mid!.span, b.band.base.span] {
                #expect(span.start.line == 7 && span.start.column == 9)
            }
            #expect(b.band.formula?.factor.value == 1.1)
        }
        // Written bands keep their own paths.
        #expect(Band(level: Located("x", span: bands[0].band.level.span), zone: "us", currency: "USD", period: .annual, base: bands[0].band.base, bonusTarget: nil, equity: nil).path.description == "bands[level=x,zone=us]")
    }

    @Test func thePostHogStyleExampleOfTheDocsDerivesItsBands() throws {
        let doc = try String(contentsOf: ModelTestFiles.repoRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let block = try #require(doc.components(separatedBy: "```yaml\n").first { $0.hasPrefix("# A PostHog-style calculator") }?.components(separatedBy: "```")[0])
        let r = Self.run([("posthog.yaml", block)])
        #expect(r.findings.seen.filter { $0.rule != "survey-missing" } == [])
        // Seven levels in five zones.
        #expect(r.ladder?.bands.count == 35)
        let a = Self.amounts(r.ladder)
        // Product's benchmark for pm-senior; Lisbon's 0.5 raised to the floor 0.6, in EUR.
        #expect(a["pm-senior/san-francisco"]?.prefix(3) == [187000, 220000, 264000])
        #expect(a["eng-senior/lisbon"]?[1] == FormulaMath.round(240000 * 0.6 * 0.92))
        #expect(r.ladder?.bands.first { $0.band.zone == "lisbon" }?.band.currency == "EUR")
    }

    // MARK: findings

    @Test func aFactorOfZeroOrLessIsReportedAtItsValueAndLeftOut() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors:
              ic-4: 0
              ic-5: -1.2
              em-5: "1,1"
            """)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 6, 9, "invalid-document", "level_factors.ic-4: expected a factor above 0 such as 1.2, found the number 0: a factor, rate or amount of 0 or less would pay nothing"),
            Seen("formula.yaml", 7, 9, "invalid-document", "level_factors.ic-5: expected a factor above 0 such as 1.2, found the number -1.2: a factor, rate or amount of 0 or less would pay nothing"),
            Seen("formula.yaml", 8, 9, "invalid-document", "level_factors.em-5: expected a factor above 0 such as 1.2, found the string \"1,1\": write 1.1, with a decimal point"),
        ])
        // The formula stays, without those factors, and its ladder's pay set is incomplete.
        #expect(r.ladder?.bands.isEmpty == true)
        #expect(r.ladder?.incomplete.contains(.payFormula) == true)
    }

    @Test func anUnknownLevelIsAnUnknownReferenceAtTheFactorsKey() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors:
              ic-5: 1.0
              em5: 1.1
            """)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 7, 3, "unknown-reference", "no level 'em5' in ladder 'acme': did you mean 'em-5'? Known levels: em-5, ic-4, ic-5")
        ])
        #expect(r.findings.first?.modelPath == "level_factors.em5")
        #expect(Self.amounts(r.ladder).keys.sorted() == ["ic-5/default"])
    }

    @Test func aZoneInAnotherCurrencyNeedsFx() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors: {ic-5: 1.0}
            zones:
              us: {factor: 1.0}
              uk: {factor: 0.68, currency: GBP}
              eu: {factor: 0.7, currency: EUR, fx: 0}
              de: {factor: 0.7, fx: 0.92}
              ca: {factor: 0.8, currency: CAD, fx: -1.3}
            """)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 8, 32, "invalid-document", "zones.uk.currency: GBP is not the benchmark's currency USD, and the zone has no fx to convert it: add fx, the GBP paid per USD (local = USD amount × factor × fx)"),
            Seen("formula.yaml", 9, 40, "invalid-document", "zones.eu.fx: expected an exchange rate above 0 such as 0.758 (units of the zone's currency per unit of the benchmark's), found the number 0: a factor, rate or amount of 0 or less would pay nothing"),
            Seen("formula.yaml", 10, 25, "invalid-document", "zones.de.fx: fx converts the benchmark's currency into the zone's own, but the zone has no currency other than USD: add currency (such as currency: GBP), or remove fx"),
            Seen("formula.yaml", 11, 40, "invalid-document", "zones.ca.fx: expected an exchange rate above 0 such as 0.758 (units of the zone's currency per unit of the benchmark's), found the number -1.3: a factor, rate or amount of 0 or less would pay nothing"),
        ])
        // The other zones are derived.
        #expect(Self.amounts(r.ladder).keys.sorted() == ["ic-5/us"])
    }

    @Test func aZoneIsReadAsAMappingWithDidYouMean() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 200000
            level_factors: {ic-5: 1.0}
            zones:
              us: {factr: 1.0}
              eu: 0.8
              uk: {factor: 0}
              fr: {factor: 0.7, currency: eur, fx: 0.9}
            """)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 7, 8, "invalid-document", "zones.us: unknown key 'factr' in a zone: did you mean 'factor'? Valid keys: factor, currency, fx"),
            Seen("formula.yaml", 8, 7, "invalid-document", "zones.eu: expected a zone (a mapping of keys), found the number 0.8"),
            Seen("formula.yaml", 9, 16, "invalid-document", "zones.uk.factor: expected a factor above 0 such as 0.9, found the number 0: a factor, rate or amount of 0 or less would pay nothing"),
            Seen("formula.yaml", 10, 31, "invalid-document", "zones.fr.currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"eur\": did you mean 'EUR'?"),
        ])
        #expect(r.ladder?.bands.isEmpty == true)
    }

    @Test func aWrongValueOfTheWholeFormulaDropsIt() {
        let cases: [(name: String, yaml: String, seen: Seen)] = [
            ("zone_floor", "zone_floor: 0\n", Seen("formula.yaml", 6, 13, "invalid-document", "zone_floor: expected a factor above 0 such as 0.625, found the number 0: a factor, rate or amount of 0 or less would pay nothing")),
            ("a step", "steps: {learning: 0.85, expert: -1}\n", Seen("formula.yaml", 6, 33, "invalid-document", "steps.expert: expected a factor above 0 such as 1.15, found the number -1: a factor, rate or amount of 0 or less would pay nothing")),
            ("steps out of order", "steps: {learning: 0.9, growing: 0.85}\n", Seen("formula.yaml", 6, 33, "invalid-document", "steps.growing: expected a factor above the step 'learning' before it (0.9), found 0.85: list steps lowest first, each above the one before")),
            ("period", "period: yearly\n", Seen("formula.yaml", 6, 9, "invalid-document", "period: expected one of annual, monthly, found the string \"yearly\"")),
            ("empty zones", "zones: {}\n", Seen("formula.yaml", 6, 1, "invalid-document", "zones: expected at least one zone such as {us-sf: {factor: 1.0}}, found an empty mapping: give zones, or leave the key out for one zone 'default' of factor 1")),
        ]
        for c in cases {
            let r = Self.run(formula: """
                kind: pay-formula
                ladder: acme
                currency: USD
                benchmark: 200000
                level_factors: {ic-5: 1.0}

                """ + c.yaml)
            #expect(r.findings.seen == [c.seen], "\(c.name)")
            #expect(r.ladder?.bands.isEmpty == true, "\(c.name)")
            #expect(!r.documents.contains { if case .payFormula = $0 { true } else { false } }, "\(c.name)")
        }
    }

    @Test func benchmarkMistakes() {
        let cases: [(yaml: String, seen: Seen)] = [
            ("benchmark: 285,000", Seen("formula.yaml", 4, 12, "invalid-document", "benchmark: expected an amount above 0 such as 285000, or one per job family such as {engineering: 285000}, found the string \"285,000\": write 285000, without separators")),
            ("benchmark: 0", Seen("formula.yaml", 4, 12, "invalid-document", "benchmark: expected an amount above 0 such as 285000, or one per job family such as {engineering: 285000}, found the number 0: a factor, rate or amount of 0 or less would pay nothing")),
            ("benchmark: {engineering: -5}", Seen("formula.yaml", 4, 26, "invalid-document", "benchmark.engineering: expected an amount above 0 such as 285000, found the number -5: a factor, rate or amount of 0 or less would pay nothing")),
            ("benchmark: [285000]", Seen("formula.yaml", 4, 1, "invalid-document", "benchmark: expected an amount above 0 such as 285000, or one per job family such as {engineering: 285000}, found a list")),
        ]
        for c in cases {
            let r = Self.run(formula: "kind: pay-formula\nladder: acme\ncurrency: USD\n\(c.yaml)\nlevel_factors: {ic-5: 1.0}\n")
            #expect(r.findings.seen == [c.seen], "\(c.yaml)")
            #expect(r.ladder?.bands.isEmpty == true)
        }
    }

    @Test func keysOfTheFormulaWithDidYouMeanAndMissingOnes() {
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            curency: USD
            benchmark: 200000
            level_factor: {ic-5: 1.0}
            zone-floor: 0.6
            x-owner: people-ops
            """)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 3, 1, "invalid-document", "unknown key 'curency' in a pay formula: did you mean 'currency'? Valid keys: kind, ladder, currency, period, benchmark, level_factors, steps, zones, zone_floor, scales_with"),
            Seen("formula.yaml", 5, 1, "invalid-document", "unknown key 'level_factor' in a pay formula: did you mean 'level_factors'? Valid keys: kind, ladder, currency, period, benchmark, level_factors, steps, zones, zone_floor, scales_with"),
            Seen("formula.yaml", 6, 1, "invalid-document", "unknown key 'zone-floor' in a pay formula: did you mean 'zone_floor'? Valid keys: kind, ladder, currency, period, benchmark, level_factors, steps, zones, zone_floor, scales_with"),
        ])
        let missing = Self.run(formula: "kind: pay-formula\nladder: acme\n")
        #expect(missing.findings.seen == [
            Seen("formula.yaml", 1, 1, "invalid-document", "a pay formula lacks the required key 'benchmark' (an amount such as 285000, or one per job family such as {engineering: 285000}): add it"),
            Seen("formula.yaml", 1, 1, "invalid-document", "a pay formula lacks the required key 'currency' (the benchmark's ISO 4217 code, such as USD): add it"),
            Seen("formula.yaml", 1, 1, "invalid-document", "a pay formula lacks the required key 'level_factors' (a mapping of level id to factor such as {swe-3: 1.0, swe-4: 1.2}): add it"),
        ])
        let kinds = Self.run(formula: "kind: pay-formulas\nladder: acme\n")
        #expect(kinds.findings.seen == [
            Seen("formula.yaml", 1, 7, "invalid-document", "kind: expected 'kind' to be one of ladder, compensation, policy, survey, pay-formula, found the string \"pay-formulas\": did you mean 'pay-formula'?")
        ])
    }

    @Test func aFamilyWithoutABenchmarkIsReportedAtTheFactor() {
        let ladder = Self.ladder.replacingOccurrences(of: ", family: management}", with: ", family: managment}")
            .replacingOccurrences(of: "title: Senior Engineer, family: engineering}", with: "title: Senior Engineer}")
        let r = Self.run(formula: """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: {engineering: 200000, management: 210000}
            level_factors:
              ic-4: 0.8
              ic-5: 1.0
              em-5: 1.0
            """, ladder: ladder)
        #expect(r.findings.seen == [
            Seen("formula.yaml", 6, 3, "unknown-reference", "level 'ic-4' (ladder.yaml:8) has no family, and this pay formula gives one benchmark per family (engineering, management): add `family:` to the level, or give one benchmark"),
            Seen("formula.yaml", 8, 3, "unknown-reference", "no benchmark for family 'managment' of level 'em-5' (ladder.yaml:10) in this pay formula: did you mean 'management'? Benchmarks: engineering, management"),
        ])
        #expect(Self.amounts(r.ladder).keys.sorted() == ["ic-5/default"])
        #expect(r.ladder?.incomplete.contains(.payFormula) == true)
    }

    @Test func aFormulaTooBigForItsFileIsRefused() {
        let levels = (0..<500).map { "l\($0): 1.0" }.joined(separator: ", ")
        let zones = (0..<500).map { "z\($0): {factor: 1.0}" }.joined(separator: ", ")
        let r = Self.run(formula: "kind: pay-formula\nladder: acme\ncurrency: USD\nbenchmark: 1000\nlevel_factors: {\(levels)}\nzones: {\(zones)}\n")
        #expect(r.findings.seen == [
            Seen("formula.yaml", 1, 1, "invalid-document", "this pay formula would derive 250000 amounts (500 level factors × 500 zones × 1 per band), more than 200000 in one document: split it into several pay formulas (one per region, say)")
        ])
    }

    // MARK: a formula and written bands

    static let bands = """
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-5, zone: us, base: {min: 150000, max: 200000}}
          - {level: ic-5, zone: eu, base: {min: 120000, max: 160000}}

        """

    static let formula = """
        kind: pay-formula
        ladder: acme
        currency: USD
        benchmark: 200000
        level_factors:
          ic-5: 1.0
          em-5: 1.1
        zones: {us: {factor: 1.0}}

        """

    @Test(arguments: [false, true])
    func aWrittenBandForALevelAndZoneOfAFormulaIsADuplicate(bandsFirst: Bool) {
        let files = [("ladder.yaml", Self.ladder), bandsFirst ? ("a-bands.yaml", Self.bands) : ("z-bands.yaml", Self.bands), ("formula.yaml", Self.formula)]
        let r = Self.run(files)
        let name = bandsFirst ? "a-bands.yaml" : "z-bands.yaml"
        #expect(r.findings.seen == [
            Seen(name, 5, 13, "duplicate-id", "a band for level 'ic-5' in zone 'us', which the pay formula at formula.yaml:6 (level_factors.ic-5) already derives: keep one band per level and zone (remove this band, or leave the zone or the level's factor out of the formula)")
        ])
        // The derived band stays; the written one for another zone too.
        let us = r.ladder?.bands.filter { $0.level.id.value == "ic-5" && $0.band.zone == "us" }
        #expect(us?.count == 1)
        #expect(us?.first?.band.formula != nil)
        #expect(r.ladder?.bands.contains { $0.band.zone == "eu" && $0.band.formula == nil } == true)
    }

    @Test func twoFormulasForOneLevelAndZoneAreReportedOncePerFactor() {
        let second = """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: 190000
            level_factors: {ic-5: 1.0}
            zones: {us: {factor: 1.0}, eu: {factor: 0.8}, uk: {factor: 0.7}}
            """
        let r = Self.run([("ladder.yaml", Self.ladder), ("formula.yaml", Self.formula), ("second.yaml", second)])
        #expect(r.findings.seen == [
            Seen("second.yaml", 5, 17, "duplicate-id", "a second pay formula for level 'ic-5' in zone 'us' (the first is at formula.yaml:6): keep one formula per level and zone")
        ])
        #expect(Self.amounts(r.ladder).keys.sorted() == ["em-5/us", "ic-5/eu", "ic-5/uk", "ic-5/us"])
        #expect(Self.amounts(r.ladder)["ic-5/us"]?.first == 200000)
    }

    @Test func aFormulaForAnUnknownLadderIsAnUnknownReference() {
        let r = Self.run([("ladder.yaml", Self.ladder), ("formula.yaml", Self.formula.replacingOccurrences(of: "ladder: acme", with: "ladder: acne"))])
        #expect(r.findings.seen == [
            Seen("formula.yaml", 2, 9, "unknown-reference", "no ladder 'acne' in this run: did you mean 'acme'? Known ladders: acme")
        ])
    }
}
