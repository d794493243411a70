import Foundation
import LadderModel
import Testing

/// `schemas/ladder.schema.json`: the samples validate against it, it agrees with the decoder
/// on which keys exist, every key has a description for editors, and it rejects the mistakes
/// the decoder reports.
@Suite struct LadderSchemaTests {
    typealias Object = [String: Any]

    static func schema() throws -> Object {
        let data = try Data(contentsOf: ModelTestFiles.ladderSchema)
        return try #require(try JSONSerialization.jsonObject(with: data) as? Object)
    }

    static func definitions() throws -> [String: Object] {
        try #require(try schema()["definitions"] as? [String: Object])
    }

    /// Each mapping of the format: the schema definition that describes it and the decoder's keys.
    static let mappings: [(definition: String, keys: [String])] = [
        ("ladder", FormatKeys.ladder.names),
        ("roleDefinition", FormatKeys.roleDefinition.names),
        ("track", FormatKeys.track.names),
        ("handsOn", FormatKeys.handsOn.names),
        ("level", FormatKeys.level.names),
        ("promotion", FormatKeys.promotion.names),
        ("compensation", FormatKeys.compensation.names),
        ("band", FormatKeys.band.names),
        ("scalesWith", PayComponent.allCases.map(\.rawValue)),
        ("range", FormatKeys.range.names),
        ("equityRange", FormatKeys.equity.names),
        ("policy", FormatKeys.policy.names),
        ("program", FormatKeys.program.names),
        ("cohort", FormatKeys.cohort.names),
        ("decision", FormatKeys.decision.names),
        ("ownerHandsOn", FormatKeys.ownerHandsOn.names),
        ("forum", FormatKeys.forum.names),
        ("transition", FormatKeys.transition.names),
        ("recognition", FormatKeys.recognition.names),
        ("survey", FormatKeys.survey.names),
        ("question", FormatKeys.question.names),
        ("audience", FormatKeys.audience.names),
        ("payFormula", FormatKeys.payFormula),
        ("formulaZone", FormatKeys.formulaZone.names),
    ]

    // MARK: the samples

    /// Every sample ladder file validates. The one exception is a value the sample marks as a
    /// deliberate `band-shape` finding (`# expect: band-shape`, or `#! band-shape` in the shared
    /// examples): an amount <= 0 or a bonus outside 0..1 is one the schema rejects too.
    @Test func sampleLaddersValidate() throws {
        let laddersFolder = ModelTestFiles.repoRoot.appendingPathComponent("ladders")
        var instances: [(name: String, json: String)] = []
        var files: [(name: String, text: String)] = []
        var sourceLine: [String: (file: String, lines: [String: Int], text: [Substring])] = [:]
        // The project's own worked organisations always; the team's shared examples where they
        // are beside the clone (a user's clone has nothing beside it).
        let ownOrgs = ModelTestFiles.repoRoot.appendingPathComponent("Tests/Fixtures/orgs")
        let shared = FileManager.default.fileExists(atPath: ModelTestFiles.sharedExamples.path) ? [ModelTestFiles.sharedExamples] : []
        for folder in [laddersFolder, ownOrgs] + shared {
            for url in ModelTestFiles.yamlFiles(under: folder) {
                let bytes = [UInt8](try Data(contentsOf: url))
                let text = String(decoding: bytes, as: UTF8.self)
                let docs = try YAMLToJSON.documents(bytes, file: url.path)
                let lines = YAMLToJSON.lines(bytes)
                for (i, doc) in docs.enumerated() {
                    let name = "\(url.path)#\(i)"
                    instances.append((name, doc.encoded()))
                    sourceLine[name] = (url.path, lines[i], text.split(separator: "\n", omittingEmptySubsequences: false))
                }
                files.append((url.path, text))
            }
        }
        let ladders = files.filter { $0.name.hasPrefix(laddersFolder.path + "/") }
        #expect(ladders.count >= 2, "expected the sample ladders of at least two organisations in ladders/")
        #expect(files.count > ladders.count, "expected the worked organisations in Tests/Fixtures/orgs")

        var unexpected: [String] = []
        for error in try PythonValidator.validate(instances, schema: ModelTestFiles.ladderSchema) {
            // "<file>#<doc>: at /<pointer>: <message>"
            guard let at = error.range(of: ": at "), let colon = error[at.upperBound...].range(of: ": "),
                  let source = sourceLine[String(error[..<at.lowerBound])] else {
                unexpected.append(error)
                continue
            }
            let pointer = String(error[at.upperBound..<colon.lowerBound])
            let message = error[colon.upperBound...]
            let lineText = source.lines[pointer].map { source.text[$0 - 1] } ?? ""
            let marked = lineText.contains("expect: band-shape") || lineText.contains("#! band-shape")
            let range = message.contains("greater than the maximum") || message.contains("less than or equal to the minimum")
            if !(marked && range) { unexpected.append("\(source.file):\(source.lines[pointer] ?? 0): \(pointer): \(message)") }
        }
        #expect(unexpected.isEmpty, "\(unexpected.joined(separator: "\n"))")

        // And the decoder agrees: the samples are well-formed (rule findings are the rules' business).
        let formatRules: Set = ["yaml-syntax", "invalid-document", "unknown-reference", "duplicate-id", "input-limit"]
        let problems = DecodeHarness.findings(files).filter { formatRules.contains($0.rule) }
        #expect(problems.isEmpty, "\(problems.seen.map(\.description).joined(separator: "\n"))")
    }

    // MARK: agreement with the decoder

    @Test(arguments: mappings.map(\.definition))
    func propertiesAreTheDecodersKeys(definition: String) throws {
        let defs = try Self.definitions()
        let def = try #require(defs[definition], "the schema has no definition '\(definition)'")
        let properties = try #require(def["properties"] as? Object)
        let keys = Self.mappings.first { $0.definition == definition }!.keys
        #expect(Set(properties.keys) == Set(keys), "schema \(definition): \(properties.keys.sorted()) vs FormatKeys: \(keys.sorted())")
    }

    @Test func everyMappingOfTheSchemaIsOneTheDecoderKnows() throws {
        let objects = try Self.definitions().filter { $0.value["properties"] != nil }.map(\.key)
        #expect(Set(objects) == Set(Self.mappings.map(\.definition)))
    }

    @Test(arguments: mappings.map(\.definition))
    func mappingsAreClosedButAllowXKeys(definition: String) throws {
        let def = try #require(try Self.definitions()[definition])
        #expect(def["type"] as? String == "object")
        #expect(def["additionalProperties"] as? Bool == false)
        let patterns = try #require(def["patternProperties"] as? Object)
        #expect(Array(patterns.keys) == ["^x-"])
    }

    @Test func everyKeyHasADescription() throws {
        var missing: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? Object {
                if let properties = object["properties"] as? Object {
                    for (key, sub) in properties {
                        let description = (sub as? Object)?["description"] as? String ?? ""
                        if description.isEmpty { missing.append("\(path)/properties/\(key)") }
                    }
                }
                // `if` subschemas only test a document's kind; editors never show them.
                for (key, sub) in object where key != "if" { walk(sub, "\(path)/\(key)") }
            } else if let list = value as? [Any] {
                for (i, sub) in list.enumerated() { walk(sub, "\(path)/\(i)") }
            }
        }
        walk(try Self.schema(), "#")
        #expect(missing.isEmpty, "keys without a description: \(missing.sorted())")
        for (name, def) in try Self.definitions() where def["properties"] != nil {
            #expect((def["description"] as? String)?.isEmpty == false, "definition \(name) has no description")
        }
    }

    @Test func enumerationsAreTheModels() throws {
        let defs = try Self.definitions()
        func values(_ def: String, _ key: String) throws -> [String] {
            let properties = try #require(defs[def]?["properties"] as? Object)
            let property = try #require(properties[key] as? Object)
            return try #require(property["enum"] as? [String])
        }
        #expect(try values("track", "kind") == TrackKind.allCases.map(\.rawValue))
        #expect(try values("program", "kind") == ProgramKind.allCases.map(\.rawValue))
        #expect(try values("decision", "kind") == DecisionKind.allCases.map(\.rawValue))
        #expect(try values("forum", "purpose") == ForumPurpose.allCases.map(\.rawValue))
        #expect(try values("compensation", "period") == PayPeriod.allCases.map(\.rawValue))
        #expect(defs["payDriver"]?["enum"] as? [String] == PayDriver.allCases.map(\.rawValue))
        let top = try #require(try Self.schema()["properties"] as? Object)
        #expect((top["kind"] as? Object)?["enum"] as? [String] == DocumentKind.allCases.map(\.rawValue))
    }

    // MARK: what it accepts and rejects

    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager}

        """

    static let compensation = """
        kind: compensation
        ladder: acme
        currency: USD
        period: annual
        bands:
          - level: ic-5
            zone: us
            currency: EUR
            base: {min: 150000, mid: 175000, max: 200000}
            bonus_target: 0.1
            equity: {min: 20000, max: 60000}

        """

    static let policy = """
        kind: policy
        ladder: acme
        programs:
          - id: academy
            name: Academy
            kind: leadership-training
            eligible: [{roles: [tech-lead]}, {track_kinds: [management]}]
            cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor, tech-lead]}
          - {id: mentors, name: Mentoring, kind: mentoring, eligible: everyone}
          - {id: other, name: Other, kind: other}
        decisions:
          - {area: architecture, kind: technical, owner: {tracks: [ic]}, consulted: {tracks: [em], min_grade: 4, max_grade: 8}}
        forums:
          - {id: staff, name: Staff meeting, purpose: planning, members: {track_kinds: [management, individual-contributor], min_grade: 6}}
        transitions:
          - {from: ic, to: em, grade_change: 0, pay_change: -0.05}

        """

    static let survey = """
        kind: survey
        ladder: acme
        conducted: 2026-03-01
        anonymous: true
        questions:
          - {id: seat-at-the-table, audience: individual-contributor, respondents: 42, agree: 16}
          - {id: return-status-loss, audience: management, withheld: true}

        """

    static let formula = """
        kind: pay-formula
        ladder: acme
        currency: USD
        period: annual
        benchmark: 285000
        level_factors: {ic-5: 1.2, em-5: 1.2}
        steps: {learning: 0.85, thriving: 1.0, expert: 1.15}
        zones:
          us-sf: {factor: 1.0}
          uk: {factor: 0.68, currency: GBP, fx: 0.758}
        zone_floor: 0.625

        """

    @Test func acceptsEveryKindAndEveryAudienceForm() throws {
        let familyFormula = Self.formula.replacingOccurrences(of: "benchmark: 285000", with: "benchmark: {engineering: 285000}")
            .replacingOccurrences(of: "ladder: acme", with: "ladder: families")
        let families = Self.ladder.replacingOccurrences(of: "id: acme", with: "id: families")
            .replacingOccurrences(of: "title: Senior Engineer}", with: "title: Senior Engineer, family: engineering}")
            .replacingOccurrences(of: "title: Engineering Manager}", with: "title: Engineering Manager, family: engineering}")
        let all = [Self.ladder, Self.compensation, Self.policy, Self.survey, Self.formula, families, familyFormula]
        let docs = try all.flatMap { try YAMLToJSON.documents($0) }
        let errors = try PythonValidator.validate(docs.enumerated().map { ("doc\($0.offset)", $0.element.encoded()) }, schema: ModelTestFiles.ladderSchema)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        // The decoder takes them too.
        let decoded = DecodeHarness.findings([("all.yaml", all.joined(separator: "---\n"))])
        #expect(decoded.seen == [])
    }

    @Test func acceptsXKeysEverywhere() throws {
        let text = """
            kind: policy
            ladder: acme
            x-top: 1
            programs:
              - {id: a, name: A, kind: other, x-p: 1, eligible: {tracks: [ic], x-a: 1}, cohort: {size: 4, x-c: [1]}}
            decisions:
              - {area: a, kind: people, owner: everyone, x-d: {deep: true}}
            forums:
              - {id: f, name: F, purpose: information, members: [{min_grade: 1, x-m: 1}], x-f: 1}
            transitions:
              - {from: ic, to: em, x-t: 1}
            """
        let errors = try PythonValidator.validate([("x-keys", try YAMLToJSON.documents(text)[0].encoded())], schema: ModelTestFiles.ladderSchema)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    /// Each broken document, with a word the validator's complaint must contain.
    static let broken: [(name: String, yaml: String, complaint: String)] = [
        ("typo in a key", compensation.replacingOccurrences(of: "bonus_target", with: "bonus_traget"), "bonus_traget"),
        ("string for grade", ladder.replacingOccurrences(of: "grade: 5, title: Senior", with: "grade: five, title: Senior"), "'five'"),
        ("negative grade", ladder.replacingOccurrences(of: "grade: 5, title: Senior", with: "grade: -1, title: Senior"), "-1"),
        ("fractional grade", ladder.replacingOccurrences(of: "grade: 5, title: Senior", with: "grade: 5.5, title: Senior"), "5.5"),
        ("list for name", ladder.replacingOccurrences(of: "name: Engineering\n", with: "name: [a, b]\n"), "['a', 'b']"),
        ("150_000", compensation.replacingOccurrences(of: "min: 150000", with: "min: 150_000"), "150_000"),
        ("zero min", compensation.replacingOccurrences(of: "min: 150000", with: "min: 0"), "0"),
        ("bonus above 1", compensation.replacingOccurrences(of: "bonus_target: 0.1", with: "bonus_target: 1.5"), "1.5"),
        ("lowercase currency", compensation.replacingOccurrences(of: "currency: USD", with: "currency: usd"), "usd"),
        ("four-letter currency", compensation.replacingOccurrences(of: "currency: EUR", with: "currency: EURO"), "EURO"),
        ("monthly typo", compensation.replacingOccurrences(of: "period: annual", with: "period: yearly"), "yearly"),
        ("missing max", compensation.replacingOccurrences(of: ", max: 200000", with: ""), "'max'"),
        ("no bands", compensation.components(separatedBy: "bands:")[0] + "bands: []\n", "[]"),
        ("confidential: no", policy.replacingOccurrences(of: "confidential: true", with: "confidential: no"), "'no'"),
        ("unknown program kind", policy.replacingOccurrences(of: "kind: mentoring", with: "kind: coaching"), "coaching"),
        ("unknown decision kind", policy.replacingOccurrences(of: "kind: technical", with: "kind: tech"), "tech"),
        ("unknown forum purpose", policy.replacingOccurrences(of: "purpose: planning", with: "purpose: social"), "social"),
        ("audience as text", policy.replacingOccurrences(of: "eligible: everyone", with: "eligible: all"), "all"),
        ("unknown track kind in audience", policy.replacingOccurrences(of: "track_kinds: [management]", with: "track_kinds: [managers]"), "managers"),
        ("unknown key in audience", policy.replacingOccurrences(of: "{tracks: [ic]}", with: "{track: [ic]}"), "track"),
        ("unknown cohort mix", policy.replacingOccurrences(of: "mix: [management,", with: "mix: [managers,"), "managers"),
        ("fractional grade change", policy.replacingOccurrences(of: "grade_change: 0", with: "grade_change: 0.5"), "0.5"),
        ("bad date", survey.replacingOccurrences(of: "2026-03-01", with: "March 2026"), "March 2026"),
        ("negative agree", survey.replacingOccurrences(of: "agree: 16", with: "agree: -1"), "-1"),
        ("anonymous as text", survey.replacingOccurrences(of: "anonymous: true", with: "anonymous: yes"), "'yes'"),
        ("counts with withheld", survey.replacingOccurrences(of: "withheld: true}", with: "withheld: true, respondents: 3, agree: 1}"), "should not be valid under"),
        ("no counts", survey.replacingOccurrences(of: ", respondents: 42, agree: 16}", with: "}"), "'respondents' is a required property"),
        ("withheld false without counts", survey.replacingOccurrences(of: "withheld: true}", with: "withheld: false}"), "'respondents' is a required property"),
        ("withheld as text", survey.replacingOccurrences(of: "withheld: true}", with: "withheld: yes}"), "'yes'"),
        ("formula key typo", formula.replacingOccurrences(of: "zone_floor", with: "zone-floor"), "zone-floor"),
        ("factor zero", formula.replacingOccurrences(of: "em-5: 1.2", with: "em-5: 0"), "less than or equal to the minimum"),
        ("zone currency without fx", formula.replacingOccurrences(of: ", fx: 0.758", with: ""), "'fx' is a dependency of 'currency'"),
        ("fx zero", formula.replacingOccurrences(of: "fx: 0.758", with: "fx: 0"), "less than or equal to the minimum"),
        ("zone_floor zero", formula.replacingOccurrences(of: "zone_floor: 0.625", with: "zone_floor: 0"), "less than or equal to the minimum"),
        ("step zero", formula.replacingOccurrences(of: "learning: 0.85", with: "learning: 0"), "less than or equal to the minimum"),
        ("benchmark with separators", formula.replacingOccurrences(of: "benchmark: 285000", with: "benchmark: 285_000"), "285_000"),
        ("unknown zone key", formula.replacingOccurrences(of: "{factor: 1.0}", with: "{factr: 1.0}"), "factr"),
        ("no kind", ladder.replacingOccurrences(of: "kind: ladder\n", with: ""), "'kind'"),
        ("unknown kind", ladder.replacingOccurrences(of: "kind: ladder\n", with: "kind: ladders\n"), "ladders"),
        ("scalar document", "just text\n", "is not of type 'object'"),
        ("list document", "- kind: ladder\n", "is not of type 'object'"),
    ]

    @Test func rejectsTheMistakesTheDecoderReports() throws {
        var instances: [(name: String, json: String)] = []
        for b in Self.broken {
            let docs = try YAMLToJSON.documents(b.yaml)
            #expect(docs.count == 1, "\(b.name)")
            instances.append((b.name, docs[0].encoded(pretty: false)))
            // The decoder rejects each too.
            let found = DecodeHarness.findings([("acme.yaml", b.yaml.hasPrefix("kind: ladder") ? "" : Self.ladder), ("broken.yaml", b.yaml)])
            #expect(found.contains { $0.location.file == "broken.yaml" } || b.name == "zero min" || b.name == "bonus above 1",
                    "the decoder accepts '\(b.name)'")
        }
        let errors = try PythonValidator.validate(instances, schema: ModelTestFiles.ladderSchema)
        for b in Self.broken {
            let mine = errors.filter { $0.hasPrefix("\(b.name): ") }
            #expect(!mine.isEmpty, "the schema accepts '\(b.name)'")
            #expect(mine.contains { $0.contains(b.complaint) }, "'\(b.name)': expected a complaint about \(b.complaint), got \(mine)")
        }
    }
}
