import LadderModel
import LadderYAML
import Testing

/// The keys issue 21's rules read: a ladder's `roles:`, a promotion's `min_months_in_level`, a
/// decision's `concerns`, a forum's `kind` and a policy's `recognition:`. Each mistake is one
/// finding with file, line, column, what was expected and what was found.
@Suite struct PolicyKeys21Tests {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer, promotion: {min_months_in_level: 18}}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager, roles: [tech-lead-manager]}
        roles:
          - {id: tech-lead-manager, name: Tech Lead Manager, description: Leads and manages, max_reports: 4, ic_time_share: 0.5}

        """

    static func decoded(_ text: String) -> [Document] {
        DocumentDecoder().decodeFile(Array(text.utf8), file: "f.yaml", limits: LoadLimits()).documents
    }

    @Test func theKeysAreReadWithTheirValues() throws {
        let docs = Self.decoded(Self.ladder + """
            ---
            kind: policy
            ladder: acme
            decisions:
              - {area: promotions, kind: people, owner: {tracks: [em]}, concerns: {tracks: [ic]}}
            forums:
              - {id: roadmap, name: Roadmap preview, purpose: information, kind: channel, members: everyone}
              - {id: sync, name: Sync, purpose: planning, members: everyone}
            recognition:
              - {id: award, name: Impact award, kind: award, description: Yearly}
              - {id: keynote, name: Keynote, kind: stage, audience: {min_grade: 5}}
            """)
        guard case .ladder(let l)? = docs.first, case .policy(let p)? = docs.last else {
            Issue.record("expected a ladder and a policy, found \(docs.count) documents")
            return
        }
        let role = try #require(l.roles.first)
        #expect(role.id.value == "tech-lead-manager" && role.name?.value == "Tech Lead Manager" && role.description?.value == "Leads and manages")
        #expect(role.maxReports?.value == 4 && role.icTimeShare?.value == 0.5)
        #expect(l.levels[0].promotion?.minMonthsInLevel?.value == 18)
        #expect(p.decisions[0].concerns != nil)
        #expect(p.forums.map(\.kind) == [.channel, .meeting])
        #expect(p.recognition.map(\.id.value) == ["award", "keynote"])
        #expect(p.recognition.map(\.kind) == [.award, .stage])
        #expect(p.recognition[0].description?.value == "Yearly")
        // No audience: everyone, at the item.
        guard case .everyone = p.recognition[0].audience.value else {
            Issue.record("a recognition without audience should be for everyone")
            return
        }
    }

    @Test func wrongValuesOfTheLadderKeysAreFindings() {
        let found = DecodeHarness.findings("acme.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-5, track: ic, grade: 5, title: Senior Engineer, promotion: {min_months_in_level: -3}}
              - {id: em-5, track: em, grade: 5, title: Engineering Manager}
            roles:
              - {id: tech-lead-manager, max_reports: 4.5, ic_time_share: 1.5}
              - {id: tech-lead, ic_time_share: 30%}
              - {name: Lead}
            """)
        #expect(found.seen == [
            Seen("acme.yaml", 8, 94, "invalid-document", "levels[0].promotion.min_months_in_level: expected a whole number >= 0, found -3"),
            Seen("acme.yaml", 11, 42, "invalid-document", "roles[0].max_reports: expected a whole number >= 0, found the number 4.5"),
            Seen("acme.yaml", 11, 62, "invalid-document", "roles[0].ic_time_share: expected a fraction of time from 0 to 1 such as 0.3 (30%), found 1.5"),
            Seen("acme.yaml", 12, 36, "invalid-document", "roles[1].ic_time_share: expected a fraction of time such as 0.3, found the string \"30%\": write 0.3 (30% is 0.3)"),
            Seen("acme.yaml", 13, 5, "invalid-document", "roles[2]: a role lacks the required key 'id' (text): add it"),
        ])
    }

    @Test func aRoleDescribedTwiceIsADuplicate() {
        let found = DecodeHarness.findings("acme.yaml", Self.ladder + """
              - {id: tech-lead-manager, max_reports: 6}
            """)
        #expect(found.seen == [
            Seen("acme.yaml", 12, 10, "duplicate-id", "role 'tech-lead-manager' is described twice in ladder 'acme' (first at line 11): describe each role once"),
        ])
    }

    @Test func wrongValuesOfThePolicyKeysAreFindings() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            decisions:
              - {area: promotions, kind: people, owner: {tracks: [em]}, concerns: {tracks: [ics]}}
            forums:
              - {id: roadmap, name: Roadmap preview, purpose: information, kind: chanel, members: everyone}
            recognition:
              - {id: award, name: Award, kind: awrd}
              - {id: offsite, name: Offsite, kind: offsite, audience: {tracks: [emm]}}
              - {id: talks, name: Talks, kind: stage}
              - {id: talks, name: Talks again, kind: stage}
              - {id: perk, kind: perk}
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 4, 81, "unknown-reference", "no track 'ics' in ladder 'acme': did you mean 'ic'? Known tracks: em, ic"),
            Seen("policy.yaml", 6, 70, "invalid-document", "forums[0].kind: expected one of meeting, channel, document, found the string \"chanel\": did you mean 'channel'?"),
            Seen("policy.yaml", 8, 36, "invalid-document", "recognition[0].kind: expected one of award, title, perk, offsite, stage, visibility, other, found the string \"awrd\": did you mean 'award'?"),
            Seen("policy.yaml", 9, 69, "unknown-reference", "no track 'emm' in ladder 'acme': did you mean 'em'? Known tracks: em, ic"),
            Seen("policy.yaml", 11, 10, "duplicate-id", "recognition id 'talks' appears twice in this document: rename the second"),
            Seen("policy.yaml", 12, 5, "invalid-document", "recognition[4]: a recognition lacks the required key 'name' (text): add it"),
        ])
    }
}
