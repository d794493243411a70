import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

struct RulePackTests {
    @Test("the binary carries exactly rules/builtin.yaml (run scripts/embed-rules after editing it)")
    func embeddedPackMatchesFile() throws {
        let file = try String(contentsOf: Repo.root.appendingPathComponent("rules/builtin.yaml"), encoding: .utf8)
        #expect(BuiltinPack.text + "\n" == file)
    }

    @Test("every check declared in Sources/LadderRules/Checks is registered")
    func registryIsComplete() throws {
        let dir = Repo.root.appendingPathComponent("Sources/LadderRules/Checks")
        var declared = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("id: \"") {
                declared.insert(String(line.split(separator: "\"")[1]))
            }
        }
        #expect(declared.count >= 18)
        #expect(declared == Set(CheckRegistry.builtin.ids))
    }

    @Test("the built-in pack binds exactly the rules of RULES.md with their default severities")
    func builtinSeverities() throws {
        let rules = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
        let expected: [String: Severity] = [
            "pay-ceiling-parity": .error, "pay-floor-parity": .warning, "pay-midpoint-parity": .warning,
            "variable-pay-parity": .warning, "ic-track-ceiling": .error, "missing-parallel-level": .warning,
            "management-entry-promotion": .error, "return-to-ic-demotion": .error,
            "management-required-for-ic-promotion": .error, "manager-only-leadership-training": .error,
            "tech-lead-excluded-from-leadership-training": .warning, "leadership-cohort-design": .info,
            "manager-owned-technical-decisions": .error, "leadership-forum-excludes-ics": .warning,
            "survey-seat-at-the-table": .warning, "survey-return-status-loss": .warning, "survey-small-group": .info,
            "survey-not-anonymous": .error, "survey-missing": .info, "band-shape": .error,
            "band-progression": .warning, "band-spread": .info,
            "promotion-wording": .warning, "pay-scales-with-headcount": .warning, "management-too-early": .info,
            "hands-on-distance": .info, "decision-owner-not-hands-on": .info,
            "survey-return-intent": .warning, "survey-trend": .warning,
            "return-path-missing": .warning, "forum-grade-parity": .warning, "information-access-parity": .warning, "first-management-grade": .info,
            "people-decision-without-ic": .info, "tech-lead-manager-load": .warning, "time-in-level-parity": .warning,
            "manager-only-recognition": .warning,
            "band-change-parity": .warning, "ic-track-shortened": .error, "program-narrowed": .warning,
        ]
        #expect(Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.severity) }) == expected)
        let params = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.params) })
        #expect(params["pay-ceiling-parity"]?.number("tolerance") == 0)
        #expect(params["pay-midpoint-parity"]?.number("tolerance") == 0.02)
        #expect(params["survey-seat-at-the-table"]?.number("threshold") == 0.2)
        #expect(params["survey-return-status-loss"]?.number("threshold") == 0.3)
        #expect(params["survey-small-group"]?.int("min_group") == 5)
        #expect(params["survey-missing"]?.int("max_age_days") == 400)
        #expect(params["band-spread"]?.number("min_spread") == 0.15)
        #expect(params["band-spread"]?.number("max_spread") == 1.0)
        #expect(params["management-too-early"]?.number("min_years") == 5)
        #expect(params["management-too-early"]?.int("min_grade") == 0)
        #expect(params["hands-on-distance"]?.number("max_years_away") == 3)
        #expect(params["survey-return-intent"]?.string("ic_question") == "seat-at-the-table")
        #expect(params["survey-return-intent"]?.strings("manager_questions") == ["return-status-loss", "return-willingness"])
        #expect(params["survey-trend"]?.strings("rising") == ["seat-at-the-table", "return-status-loss"])
        #expect(params["survey-trend"]?.strings("falling") == ["return-willingness"])
        #expect(params["survey-trend"]?.number("max_change") == 0.05)
        #expect(rules.first { $0.id == "survey-trend" }?.promotion == true && rules.first { $0.id == "survey-return-intent" }?.promotion == false)
        #expect(params["forum-grade-parity"]?.strings("purposes") == ["planning", "decision"])
        #expect(params["forum-grade-parity"]?.string("without_ic") == "skip")
        #expect(params["information-access-parity"]?.strings("purposes") == ["information"])
        #expect(params["information-access-parity"]?.string("without_ic") == "report")
        #expect(params["people-decision-without-ic"]?.strings("decision_kinds") == ["people"])
        #expect(params["people-decision-without-ic"]?.int("senior_grade") == 0)
        #expect(params["tech-lead-manager-load"]?.string("role") == "tech-lead-manager")
        #expect(params["tech-lead-manager-load"]?.int("max_reports") == 4)
        #expect(params["tech-lead-manager-load"]?.number("min_ic_time_share") == 0.5)
        #expect(params["time-in-level-parity"]?.int("tolerance_months") == 0)
        #expect(params["manager-only-recognition"]?.strings("recognition_kinds") == ["award", "title", "perk", "offsite", "stage", "visibility", "other"])
        #expect(rules.first { $0.id == "manager-only-recognition" }?.category == .recognition && rules.first { $0.id == "time-in-level-parity" }?.promotion == true)
        for r in rules {
            // A rule comparing two revisions has no one-stream example (ChangedSinceTests runs it).
            let oneTree = CheckRegistry.builtin[r.check]?.comparesRevisions != true
            #expect(!r.rationale.isEmpty && !r.help.isEmpty && (!oneTree || r.triggers != nil && r.passes != nil), "\(r.id) lacks documentation")
        }
    }

    @Test("every built-in rule states a category; facts default to stable with no alias")
    func builtinFacts() throws {
        let rules = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
        #expect(Set(rules.map(\.category)) == Set(RuleCategory.allCases), "a category no built-in rule uses")
        #expect(rules.allSatisfy { $0.status == .stable && $0.aliases.isEmpty })
        // The facets the HTML report keys on are each held by some rule.
        #expect(Set(rules.compactMap(\.facet)) == Set(RuleFacet.allCases))
        let missing = Self.packError(BuiltinPack.text.replacingOccurrences(of: "    category: pay\n", with: ""), file: BuiltinPack.path)
        #expect(missing?.description.contains("has no category") == true)
    }

    @Test("aliases: a user rule inherits its check's facts; aliases may not collide with ids or each other")
    func aliases() throws {
        let user = try RulePack.parse("rules:\n  - {id: strict-ceiling, check: pay-parity, severity: error, summary: s, message: m, aliases: [old-ceiling], status: preview}\n", file: "my-pack.yaml", registry: .builtin).rules[0]
        #expect(user.category == .pay && user.promotion && user.status == .preview && user.aliases == ["old-ceiling"])
        let own = try #require(Self.packError("rules:\n  - {id: a, check: band-shape, severity: error, summary: s, message: m}\n  - {id: b, check: band-shape, severity: error, summary: s, message: m, aliases: [a]}\n"))
        #expect(own.description.hasPrefix("my-pack.yaml:3:"))
        #expect(own.description.contains("alias 'a' of rule 'b' is the id of a rule"))
        let twice = try #require(Self.packError("rules:\n  - {id: a, check: band-shape, severity: error, summary: s, message: m, aliases: [x]}\n  - {id: b, check: band-shape, severity: error, summary: s, message: m, aliases: [x]}\n"))
        #expect(twice.description.contains("alias 'x' of rule 'b' is already an alias of 'a'"))
        let category = try #require(Self.packError("rules:\n  - {id: a, check: band-shape, severity: error, summary: s, message: m, category: money}\n"))
        #expect(category.description.contains("category: expected one of pay, tracks"))
        let builtin = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
        #expect(throws: UsageError.self) { try RulePack.checkAliases(of: user, against: builtin + [Rule.renamed("strict-ceiling")], file: "my-pack.yaml") }
    }

    @Test("an old id names its rule in severity, disable, waivers and baselines")
    func aliasResolution() throws {
        let rules = try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules.map { r -> Rule in
            var r = r
            if r.id == "band-spread" { r.aliases = ["band-width"] }
            return r
        }
        var config = try Configuration.parse(Array("severity: {band-width: error}\ndisable: [band-width]\n".utf8), file: ".ladderlint.yml", directory: "/")
        #expect(try config.apply(to: rules, registry: .builtin).contains { $0.id == "band-spread" } == false)
        config.disable = []
        #expect(try config.apply(to: rules, registry: .builtin).first { $0.id == "band-spread" }?.severity == .error)
        let finding = Finding(rule: "band-spread", severity: .info, message: "m", location: Location(file: "c.yaml", span: .unknown), subjects: ["ic-4"], modelPath: "bands[0]")
        let waivers = try Configuration.parse(Array("waivers: [{rule: band-width, reason: r, expires: 2099-01-01}]\n".utf8), file: ".ladderlint.yml", directory: "/").waivers
        #expect(Waivers.apply(waivers, to: [finding], today: Day("2026-11-21")!, rules: rules).first?.suppressed == true)
        var old = finding
        old.rule = "band-width"
        old.fingerprint = Fingerprint.of(rule: "band-width", file: "c.yaml", ladder: nil, subjects: ["ic-4"], zone: nil, modelPath: "bands[0]")
        let applied = Baseline(findings: [old]).apply(to: [finding], rules: rules)
        #expect(applied.findings.first?.suppressed == true && applied.stale.isEmpty)
        #expect(Baseline(findings: [old]).apply(to: [finding]).stale.count == 1, "without the alias, the old entry matches nothing")
    }

    @Test("a renamed rule keeps its waivers: a run applies a waiver written under the old id")
    func aliasWaiverThroughARun() throws {
        let pack = """
            version: 1
            rules:
              - id: eu-midpoint-strict
                aliases: [eu-midpoint-old]
                check: pay-parity
                severity: error
                params: {measure: mid, tolerance: 0.01}
                scope: {zones: [eu]}
                summary: EU management midpoints within 1% of IC.
                message: "{management} midpoint {management_amount} vs {ic_amount} in {zone}"
            """
        let config = """
            disable: [pay-ceiling-parity, pay-floor-parity, pay-midpoint-parity, variable-pay-parity, ic-track-ceiling,
                      management-required-for-ic-promotion]
            waivers:
              - {rule: eu-midpoint-old, reason: "renamed; approved 2026-Q3", expires: 2099-01-01}
            """
        let result = try Fixture.lint(files: ["ladder.yaml": Self.ladder, "comp.yaml": Self.comp, "packs/eu.yaml": pack, ".ladderlint.yml": config]) { o in
            o.paths = ["ladder.yaml", "comp.yaml"]
            o.rulePacks = ["packs/eu.yaml"]
        }
        let mine = try #require(result.report).findings.filter { $0.rule == "eu-midpoint-strict" }
        #expect(mine.count == 1)
        #expect(mine.allSatisfy { $0.suppression?.reason == "renamed; approved 2026-Q3" })
        #expect(!(result.report?.findings.contains { $0.rule == "unused-waiver" } ?? true))
    }

    static func packError(_ pack: String, file: String = "my-pack.yaml") -> UsageError? {
        do {
            _ = try RulePack.parse(pack, file: file, registry: .builtin)
            return nil
        } catch let e as UsageError {
            return e
        } catch {
            return UsageError("\(error)")
        }
    }

    @Test("a pack with an unknown check names the valid ones and the nearest")
    func unknownCheck() throws {
        let e = try #require(Self.packError("""
            version: 1
            rules:
              - id: strict-ceiling
                check: pay-parityy
                severity: error
                summary: s
                message: m
            """))
        #expect(e.description.hasPrefix("my-pack.yaml:4:12: rule 'strict-ceiling' binds to an unknown check 'pay-parityy': did you mean 'pay-parity'?"))
        #expect(e.description.contains("Valid checks: audience-narrowed, band-change, band-progression, band-shape"))
    }

    @Test("a pack with an unknown parameter names the valid ones")
    func unknownParameter() throws {
        let e = try #require(Self.packError("""
            rules:
              - {id: strict-ceiling, check: pay-parity, severity: error, summary: s, message: m, params: {tolerence: 0.1}}
            """))
        #expect(e.description == "my-pack.yaml:2:95: rule 'strict-ceiling': the check 'pay-parity' has no parameter 'tolerence': did you mean 'tolerance'? Valid parameters: measure, tolerance")
    }

    @Test("a pack with an unknown key, a wrong parameter type or an unknown placeholder is rejected")
    func otherPackErrors() throws {
        let key = try #require(Self.packError("rules:\n  - {id: a, check: pay-parity, severity: error, summary: s, mesage: m}\n"))
        #expect(key.description.contains("unknown key 'mesage' in a rule: did you mean 'message'?"))
        let type = try #require(Self.packError("rules:\n  - {id: a, check: pay-parity, severity: error, summary: s, message: m, params: {tolerance: high}}\n"))
        // The kind of value, never its text: a pack may be any file (docs/security.md).
        #expect(type.description.contains("my-pack.yaml:2:93: rule 'a', parameter 'tolerance': expected a number >= 0, found text"))
        #expect(!type.description.contains("high"))
        let choice = try #require(Self.packError("rules:\n  - {id: a, check: pay-parity, severity: error, summary: s, message: m, params: {measure: average}}\n"))
        #expect(choice.description.contains("expected one of max, min, mid"))
        let placeholder = try #require(Self.packError("rules:\n  - {id: a, check: pay-parity, severity: error, summary: s, message: '{managment} is paid more'}\n"))
        #expect(placeholder.description.contains("uses {managment}, which the check 'pay-parity' does not provide"))
        let severity = try #require(Self.packError("rules:\n  - {id: a, check: pay-parity, severity: fatal, summary: s, message: m}\n"))
        #expect(severity.description.contains("severity: expected error, warning or info, found 'fatal'"))
        let version = try #require(Self.packError("version: 2\nrules: []\n"))
        #expect(version.description.contains("rule pack version 2 is newer"))
    }

    static let comp = try! Repo.org("brightwater", "compensation.yaml")
    static let ladder = try! Repo.org("brightwater", "ladder.yaml")

    @Test("a user pack adds a rule bound to a built-in check with other parameters and a narrower scope")
    func userPackScopedRule() throws {
        let pack = """
            version: 1
            rules:
              - id: eu-midpoint-strict
                check: pay-parity
                severity: error
                params: {measure: mid, tolerance: 0.01}
                scope: {zones: [eu], min_grade: 3, max_grade: 3}
                summary: EU management midpoints within 1% of IC.
                message: "{management} midpoint {management_amount} vs {ic_amount} in {zone}"
            """
        let result = try Fixture.lint(files: ["ladder.yaml": Self.ladder, "comp.yaml": Self.comp, "packs/eu.yaml": pack]) { o in
            o.paths = ["ladder.yaml", "comp.yaml"]
            o.rulePacks = ["packs/eu.yaml"]
        }
        #expect(result.exitCode == 1, "\(result.stderr)")
        let mine = try #require(result.report).findings.filter { $0.rule == "eu-midpoint-strict" }
        #expect(mine.count == 1)
        #expect(mine.first?.location.line == 18)
        #expect(mine.first?.message == "em-3 (Engineering Manager) midpoint 101,000 EUR vs 97,500 EUR in eu")
    }

    @Test("a user pack may not reuse a built-in id; a missing pack is a usage error")
    func userPackCollisions() throws {
        let dup = try Fixture.lint(files: ["p.yaml": "rules:\n  - {id: band-shape, check: band-shape, severity: info, summary: s, message: m}\n"]) { $0.rulePacks = ["p.yaml"] }
        #expect(dup.exitCode == 2)
        #expect(dup.stderr.contains("the rule id 'band-shape' is already declared by rules/builtin.yaml"))
        let missing = try Fixture.lint(files: [:]) { $0.rulePacks = ["nope.yaml"] }
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("nope.yaml: the rule pack does not exist"))
    }
}

extension Rule {
    /// A rule of another pack whose old id is `alias`.
    static func renamed(_ alias: String) -> Rule {
        var r = try! RulePack.parse("rules:\n  - {id: other-rule, check: band-shape, severity: error, summary: s, message: m}\n", file: "other.yaml", registry: .builtin).rules[0]
        r.aliases = [alias]
        return r
    }
}

struct ReadmeTests {
    @Test("the README's rule section is `ladderlint rules --format markdown` (run scripts/update-readme-rules)")
    func readmeRuleTable() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let section = String(readme[begin.upperBound..<end.lowerBound])
        let result = RuleCatalogue(workingDirectory: Repo.fixtures.path).catalogue(format: "markdown")
        #expect(result.exitCode == 0)
        #expect(section == result.stdout)
    }
}
