import LadderModel
import Testing

/// Issue 18.12, the model's side: did-you-mean wherever a name of a band or an audience is
/// looked up, as `explain` does for rule ids: currency codes (`usd` → `USD`), level ids in bands
/// (also when the title was written), roles in audiences, zone names.
@Suite struct Issue18ValuesDidYouMeanTests {
    static let iso = "expected a three-letter ISO 4217 code such as USD, EUR or GBP"

    @Test("a currency in lower case or as a sign: did you mean the code")
    func currencies() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: usd
            bands:
              - {level: ic-5, currency: €, base: {min: 150000, max: 200000}}
              - {level: em-5, zone: uk, currency: Gbp, base: {min: 150000, max: 200000}, equity: {currency: US$, min: 0, max: 1}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 3, 11, "invalid-document", "currency: \(Self.iso), found \"usd\": did you mean 'USD'?"),
            Seen("comp.yaml", 5, 29, "invalid-document", "bands[0].currency: \(Self.iso), found \"€\": did you mean 'EUR'?"),
            Seen("comp.yaml", 6, 39, "invalid-document", "bands[1].currency: \(Self.iso), found \"Gbp\": did you mean 'GBP'?"),
            Seen("comp.yaml", 6, 97, "invalid-document", "bands[1].equity.currency: \(Self.iso), found \"US$\": did you mean 'USD'?"),
        ])
        let formula = DecodeHarness.withLadder("formula.yaml", """
            kind: pay-formula
            ladder: acme
            currency: usd
            benchmark: 200000
            level_factors: {ic-5: 1.0}
            zones: {uk: {factor: 0.7, currency: £, fx: 0.8}}
            """)
        #expect(formula.seen == [
            Seen("formula.yaml", 3, 11, "invalid-document", "currency: \(Self.iso), found \"usd\": did you mean 'USD'?"),
            Seen("formula.yaml", 6, 37, "invalid-document", "zones.uk.currency: \(Self.iso), found \"£\": did you mean 'GBP'?"),
        ])
    }

    @Test("a band naming a level by its title: did you mean its id")
    func levelByTitle() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: senior engineer, base: {min: 150000, max: 200000}}
              - {level: ic5, base: {min: 150000, max: 200000}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 5, 13, "unknown-reference", "no level 'senior engineer' in ladder 'acme': did you mean 'ic-5' (Senior Engineer)? Known levels: em-5, ic-5"),
            Seen("comp.yaml", 6, 13, "unknown-reference", "no level 'ic5' in ladder 'acme': did you mean 'ic-5'? Known levels: em-5, ic-5"),
        ])
    }

    static let ladderWithRoles = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer, roles: [tech-lead, on-call]}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager}

        """

    @Test("a role in an audience that no level holds, near one that a level does")
    func rolesInAudiences() {
        let found = DecodeHarness.findings([("acme.yaml", Self.ladderWithRoles), ("policy.yaml", """
            kind: policy
            ladder: acme
            programs:
              - {id: academy, name: Academy, kind: leadership-training, eligible: {roles: [tech-laed]}}
              - {id: guild, name: Guild, kind: mentoring, eligible: {roles: [architect, tech-lead-manager]}}
            forums:
              - {id: staff, name: Staff, purpose: planning, members: [{roles: [oncall]}, {tracks: [em]}]}
            """)])
        // `architect` is near no role; `tech-lead-manager` is a role the rules know: neither is reported.
        #expect(found.seen == [
            Seen("policy.yaml", 4, 80, "unknown-reference", "no level of ladder 'acme' holds the role 'tech-laed': did you mean 'tech-lead'? Roles of its levels: on-call, tech-lead"),
            Seen("policy.yaml", 7, 68, "unknown-reference", "no level of ladder 'acme' holds the role 'oncall': did you mean 'on-call'? Roles of its levels: on-call, tech-lead"),
        ])
    }

    @Test("a zone name near another zone whose missing band it would be")
    func zones() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, zone: us-tier-1, base: {min: 150000, max: 200000}}
              - {level: em-5, zone: us-teir-1, base: {min: 150000, max: 200000}}
              - {level: ic-5, zone: us-tier-2, base: {min: 130000, max: 180000}}
              - {level: em-5, zone: us-tier-2, base: {min: 130000, max: 180000}}
              - {level: ic-5, zone: UK, base: {min: 90000, max: 120000}}
              - {level: em-5, zone: uk, base: {min: 90000, max: 120000}}
              - {level: ic-5, zone: de, base: {min: 90000, max: 120000}}
              - {level: em-5, zone: dk, base: {min: 90000, max: 120000}}
            """)
        // us-tier-1 and us-tier-2 are two zones, each whole; de and dk are too short to tell; of
        // two zones alike in size, the one written later is taken for the slip.
        #expect(found.seen == [
            Seen("comp.yaml", 6, 25, "unknown-reference", "zone 'us-teir-1' holds only the band of em-5, which zone 'us-tier-1' lacks: did you mean 'us-tier-1'?"),
            Seen("comp.yaml", 10, 25, "unknown-reference", "zone 'uk' holds only the band of em-5, which zone 'UK' lacks: did you mean 'UK'?"),
        ])
    }
}
