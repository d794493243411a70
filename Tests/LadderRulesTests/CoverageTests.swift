import LadderModel
import LadderRules
import LadderYAML
import Testing

/// CoveragePlan: which rule families ran on a ladder, and the reason for each that did not.
@Suite struct CoverageTests {
    static let rules: [Rule] = (try? RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules) ?? []

    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-4, track: ic, grade: 4, title: Senior Engineer}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}

        """
    static let bands = """
        ---
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-4, base: {min: 150000, max: 200000}}
          - {level: em-4, base: {min: 150000, max: 200000}}

        """
    static let policy = """
        ---
        kind: policy
        ladder: acme
        decisions:
          - {area: architecture, kind: technical, owner: {tracks: [ic]}}
        transitions:
          - {from: ic, to: em, grade_change: 0, pay_change: 0}

        """
    static let transitionsOnly = """
        ---
        kind: policy
        ladder: acme
        transitions:
          - {from: ic, to: em, grade_change: 0, pay_change: 0}

        """
    static let survey = """
        ---
        kind: survey
        ladder: acme
        conducted: 2026-03-01
        anonymous: true
        questions:
          - {id: seat-at-the-table, audience: individual-contributor, respondents: 40, agree: 4}

        """

    /// The coverage of the one ladder in `yaml`, under `rules`.
    func coverage(_ yaml: String, rules: [Rule] = CoverageTests.rules) throws -> LadderCoverage {
        let decoded = DocumentDecoder().decodeFile(Array(yaml.utf8), file: "acme.yaml", limits: LoadLimits())
        let model = Resolver().resolve(decoded.documents, broken: decoded.brokenIDs)
        let ladder = try #require(model.ladders.first)
        return CoveragePlan(rules: rules, registry: .builtin).ladder(ladder)
    }

    func statuses(_ c: LadderCoverage) -> [String] {
        c.families.map { "\($0.family.rawValue)=\($0.status.rawValue)" }
    }

    @Test func everythingOnFileIsEveryFamilyChecked() throws {
        #expect(!Self.rules.isEmpty)
        let c = try coverage(Self.ladder + Self.bands + Self.policy + Self.survey)
        #expect(statuses(c) == ["tracks=checked", "pay=checked", "policy=checked", "transitions=checked", "survey=checked"])
        #expect(c.families.allSatisfy { $0.reason == nil })
        #expect(c.unchecked.isEmpty)
        #expect(c.id == "acme" && c.file == "acme.yaml" && c.line == 2)
    }

    @Test func aLadderAloneHasOnlyItsTracksChecked() throws {
        let c = try coverage(Self.ladder)
        #expect(statuses(c) == ["tracks=checked", "pay=not-checked", "policy=not-checked", "transitions=not-checked", "survey=not-checked"])
        #expect(c[.pay]?.line == "pay: not checked — no bands or formula for ladder acme")
        #expect(c[.policy]?.reason == "no policy document for ladder acme")
        #expect(c[.transitions]?.reason == "no policy document for ladder acme")
        #expect(c[.survey]?.reason == "no survey for ladder acme")
    }

    @Test func aPolicyWithOnlyTransitionsLeavesThePolicyFamilyUnchecked() throws {
        let c = try coverage(Self.ladder + Self.transitionsOnly)
        #expect(c[.transitions]?.status == .checked)
        #expect(c[.policy]?.status == .notChecked)
        #expect(c[.policy]?.reason == "no programs, decisions, forums or recognition in the policy of ladder acme")
    }

    @Test func aPolicyWithoutTransitionsSaysSo() throws {
        let policy = Self.policy.replacingOccurrences(of: "transitions:\n  - {from: ic, to: em, grade_change: 0, pay_change: 0}\n", with: "")
        let c = try coverage(Self.ladder + policy)
        #expect(c[.policy]?.status == .checked)
        #expect(c[.transitions]?.reason == "no transitions in the policy of ladder acme")
    }

    /// A compensation document with an error of its own (not of one band: see
    /// Issue18RulesStandDownTests) is left out: the pay rules do not run, and coverage says why
    /// instead of "checked".
    @Test func documentsWithErrorsAreNotChecked() throws {
        let broken = Self.bands.replacingOccurrences(of: "currency: USD", with: "currency: dollars")
        #expect(broken != Self.bands)
        let c = try coverage(Self.ladder + broken + Self.policy + Self.survey)
        #expect(c[.pay]?.status == .notChecked)
        #expect(c[.pay]?.reason == "the compensation documents of ladder acme have errors, so 4 of 5 pay rules did not run: fix those first")
        #expect(c[.tracks]?.status == .checked)
        #expect(c[.survey]?.status == .checked)
    }

    /// A level on an unknown track leaves the ladder partial: every family whose checks need
    /// the whole ladder says so.
    @Test func aLadderWithErrorsLeavesItsTracksUnchecked() throws {
        let broken = Self.ladder.replacingOccurrences(of: "{id: em-4, track: em,", with: "{id: em-4, track: emm,")
        let c = try coverage(broken + Self.bands + Self.policy + Self.survey)
        #expect(c[.tracks]?.status == .notChecked)
        #expect(c[.tracks]?.reason?.hasPrefix("the ladder documents of ladder acme have errors, so ") == true)
        #expect(c[.pay]?.status == .notChecked, "the pay checks need every level")
        #expect(c[.survey]?.status == .checked, "the survey checks need no level")
    }

    @Test func aFamilyWithEveryRuleDisabledIsDisabled() throws {
        let rules = Self.rules.filter { $0.category != .survey }
        let c = try coverage(Self.ladder + Self.bands + Self.policy + Self.survey, rules: rules)
        #expect(c[.survey]?.status == .disabled)
        #expect(c[.survey]?.line == "survey: disabled — every survey rule is disabled in the configuration")
        #expect(c[.pay]?.status == .checked)
    }

    @Test func oneRuleOfAFamilyIsEnoughToCheckIt() throws {
        let rules = Self.rules.filter { $0.category != .pay || $0.id == "pay-ceiling-parity" }
        let c = try coverage(Self.ladder + Self.bands, rules: rules)
        #expect(c[.pay]?.status == .checked)
    }

    @Test func categoriesMapToFamilies() {
        #expect(CoverageFamily(category: .training) == .policy)
        #expect(CoverageFamily(category: .decisions) == .policy)
        #expect(CoverageFamily(category: .forums) == .policy)
        #expect(CoverageFamily(category: .hygiene) == nil)
        for c in RuleCategory.allCases where c != .hygiene {
            #expect(CoverageFamily(category: c) != nil, "category \(c.rawValue) has no family")
        }
    }

    @Test func requireListsParse() throws {
        #expect(try CoverageFamily.parseList(["pay,policy", "survey", " transitions ", "pay"]) == [.pay, .policy, .transitions, .survey])
        #expect(try CoverageFamily.parseList([]) == [])
        #expect(throws: UsageError.self) { try CoverageFamily.parseList(["pay,"]) }
        do {
            _ = try CoverageFamily.parseList(["pay,polcy"])
            Issue.record("an unknown family was accepted")
        } catch let e as UsageError {
            #expect(e.message == "--require: unknown family 'polcy': did you mean 'policy'? Families: tracks, pay, policy, transitions, survey")
        }
    }

    @Test func redactionMapsTheTexts() throws {
        let c = try coverage(Self.ladder).mapText { $0.replacingOccurrences(of: "acme", with: "[x]") }
        #expect(c.id == "[x]")
        #expect(c[.pay]?.reason == "no bands or formula for ladder [x]")
        #expect(c.file == "acme.yaml", "the file is a path, shown as findings show it")
    }
}
