import LadderModel
import Testing

/// Every kind of error the decoder and resolver report: rule, file, line, column and message,
/// and that each mistake gives exactly one finding.
@Suite struct DecoderErrorTests {
    // MARK: keys

    /// Keys are found by their signature (length and first bytes) before their text: long keys,
    /// keys that are not ASCII, and keys reached through an alias must still be told apart.
    @Test func keysAreReadByTheirWholeText() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: &k zone
                *k : us
                base: {min: 100000, max: 120000}
                bonus_targeT: 0.1
                bonus_target: 0.2
                lével: ic-5
            """)
        #expect(found.seen == [
            // The level is the text 'zone'; the aliased key '*k' is read as the key 'zone'.
            Seen("comp.yaml", 5, 12, "unknown-reference", "no level 'zone' in ladder 'acme'. Known levels: em-5, ic-5"),
            Seen("comp.yaml", 8, 5, "invalid-document",
                 "bands[0]: unknown key 'bonus_targeT' in a band: did you mean 'bonus_target'? Valid keys: level, zone, currency, base, bonus_target, equity, steps, scales_with"),
            Seen("comp.yaml", 10, 5, "invalid-document",
                 "bands[0]: unknown key 'lével' in a band: did you mean 'level'? Valid keys: level, zone, currency, base, bonus_target, equity, steps, scales_with"),
        ])
    }

    @Test func typoInKeyNamesTheNearestAndListsValidKeys() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: ic-5
                base: {min: 100000, max: 120000}
                bonus_traget: 0.1
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 7, 5, "invalid-document",
                 "bands[0]: unknown key 'bonus_traget' in a band: did you mean 'bonus_target'? Valid keys: level, zone, currency, base, bonus_target, equity, steps, scales_with")
        ])
    }

    @Test func unknownKeyFarFromAnyValidKeyListsValidKeys() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            budget: 12
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 3, 1, "invalid-document",
                 "unknown key 'budget' in a policy document. Valid keys: kind, ladder, programs, decisions, forums, transitions, recognition")
        ])
    }

    @Test func typoInRequiredKeyIsOneFindingNotAlsoAMissingKey() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
            levels:
              - id: ic-5
                track: ic
                grade: 5
                titel: Senior Engineer
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 10, 5, "invalid-document",
                 "levels[0]: unknown key 'titel' in a level: did you mean 'title'? Valid keys: id, track, grade, title, roles, promotion, family, description")
        ])
    }

    @Test func xKeysAreIgnoredAtEveryLevel() {
        let found = DecodeHarness.findings([
            ("acme.yaml", """
                kind: ladder
                id: acme
                name: Engineering
                x-owner: people-ops
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor, x-note: the main track}
                  - {id: em, name: Management, kind: management}
                levels:
                  - id: ic-5
                    track: ic
                    grade: 5
                    title: Senior Engineer
                    x-history: [2024, 2025]
                    promotion: {criteria: [Leads projects], x-source: handbook}
                  - {id: em-5, track: em, grade: 5, title: Manager}
                """),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                x-approved: {by: comp committee, on: 2026-01-01}
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000, x-source: survey}, x-note: fine}
                  - {level: em-5, base: {min: 100000, max: 150000}}
                """),
            ("policy.yaml", """
                kind: policy
                ladder: acme
                x-: empty suffix is still an x- key
                programs:
                  - id: academy
                    name: Academy
                    kind: leadership-training
                    x-budget: 1000
                    eligible: {tracks: [ic, em], x-why: everyone who leads}
                    cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor], x-room: 4B}
                """),
        ])
        #expect(found.seen == [])
    }

    @Test func duplicateKeyIsReportedAtTheSecond() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            currency: EUR
            bands:
              - {level: ic-5, base: {min: 1, max: 2}}
            """)
        #expect(found.count == 1)
        #expect(found.first?.rule == "invalid-document")
        #expect(found.first?.location.file == "comp.yaml")
        #expect(found.first?.location.line == 4)
        #expect(found.first?.location.column == 1)
        #expect(found.first?.message.contains("currency") == true)
    }

    // MARK: types

    @Test func stringForGradePointsAtTheValue() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
            levels:
              - {id: ic-5, track: ic, grade: five, title: Senior Engineer}
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 7, 34, "invalid-document", "levels[0].grade: expected a whole number >= 0, found the string \"five\"")
        ])
    }

    @Test func negativeGradeIsBelowTheMinimum() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
            levels:
              - {id: ic-5, track: ic, grade: -1, title: Senior Engineer}
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 7, 34, "invalid-document", "levels[0].grade: expected a whole number >= 0, found -1")
        ])
    }

    @Test func listForNamePointsAtTheKey() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name:
              - Engineering
              - Platform
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
            levels:
              - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 3, 1, "invalid-document", "name: expected text, found a list")
        ])
        // The region spans the key and the whole block under it.
        #expect((found.first?.location.endLine ?? 0) >= 5)
    }

    @Test func numberWithUnderscoresSaysHowToWriteIt() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: ic-5
                base:
                  min: 150_000
                  max: 200000
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 7, 12, "invalid-document",
                 "bands[0].base.min: expected an amount, found the string \"150_000\": write 150000, without separators")
        ])
    }

    @Test func numberWithCommasSaysHowToWriteIt() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: ic-5
                base:
                  min: 100000
                  max: 150,000
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 8, 12, "invalid-document",
                 "bands[0].base.max: expected an amount, found the string \"150,000\": write 150000, without separators")
        ])
    }

    @Test func quotedNumberSaysToRemoveTheQuotes() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, base: {min: 100000, max: 150000}, bonus_target: "0.1"}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 5, 67, "invalid-document",
                 "bands[0].bonus_target: expected a fraction of base such as 0.10, found the string \"0.1\": remove the quotes to make it a number")
        ])
    }

    @Test func confidentialNoIsTextInYAML12() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            programs:
              - id: academy
                name: Academy
                kind: leadership-training
                eligible: everyone
                cohort:
                  size: 8
                  weeks: 6
                  confidential: no
                  mix: [management, individual-contributor]
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 11, 21, "invalid-document",
                 "programs[0].cohort.confidential: expected true or false, found the string \"no\": YAML 1.2 reads 'no' as text, not a boolean; write false")
        ])
    }

    @Test func yesForABooleanSaysWriteTrue() {
        let found = DecodeHarness.withLadder("survey.yaml", """
            kind: survey
            ladder: acme
            conducted: 2026-03-01
            anonymous: yes
            """)
        #expect(found.seen == [
            Seen("survey.yaml", 4, 12, "invalid-document",
                 "anonymous: expected true or false, found the string \"yes\": YAML 1.2 reads 'yes' as text, not a boolean; write true")
        ])
    }

    @Test func unknownEnumValueSuggestsTheNearest() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributer}
            levels:
              - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
            """)
        // The level on the broken track raises nothing more.
        #expect(found.seen == [
            Seen("ladder.yaml", 5, 39, "invalid-document",
                 "tracks[0].kind: expected one of individual-contributor, management, shared, found the string \"individual-contributer\": did you mean 'individual-contributor'?")
        ])
    }

    // MARK: missing keys

    @Test func missingKeyOfAListItemPointsAtTheMapping() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: ic-5
                base: {min: 1, max: 2}
              - base: {min: 1, max: 2}
                zone: eu
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 7, 5, "invalid-document", "bands[1]: a band lacks the required key 'level' (text): add it")
        ])
    }

    @Test func missingKeyOfAMappingUnderAKeyPointsAtTheKey() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - level: ic-5
                base:
                  min: 100000
                  mid: 120000
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 6, 5, "invalid-document", "bands[0].base: a base pay range lacks the required key 'max' (an amount): add it")
        ])
        #expect((found.first?.location.endLine ?? 0) >= 8)
    }

    @Test func missingKeyOfADocumentPointsAtItsStart() {
        let found = DecodeHarness.withLadder("survey.yaml", """
            # the 2026 survey
            kind: survey
            ladder: acme
            anonymous: true
            """)
        #expect(found.seen == [
            Seen("survey.yaml", 2, 1, "invalid-document", "a survey document lacks the required key 'conducted' (a date, YYYY-MM-DD): add it")
        ])
    }

    @Test func emptyRequiredListNeedsOneEntry() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks: []
            levels: []
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 4, 1, "invalid-document", "tracks: expected at least one entry, found an empty list"),
            Seen("ladder.yaml", 5, 1, "invalid-document", "levels: expected at least one entry, found an empty list"),
        ])
    }

    // MARK: documents

    @Test func documentWithoutKind() {
        let found = DecodeHarness.findings("ladder.yaml", """
            id: acme
            name: Engineering
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 1, 1, "invalid-document",
                 "this document has no 'kind' key: add 'kind:' with one of ladder, compensation, policy, survey, pay-formula (it has an id 'acme')")
        ])
    }

    @Test func documentWithoutKindDoesNotMakeItsReferencesUnknown() {
        let found = DecodeHarness.findings([
            ("ladder.yaml", """
                id: acme
                name: Engineering
                """),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 1, max: 2}}
                """),
        ])
        #expect(found.map(\.rule) == ["invalid-document"])
        #expect(found.first?.location.file == "ladder.yaml")
    }

    @Test func unknownKindSuggestsTheNearest() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladders
            id: acme
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 1, 7, "invalid-document",
                 "kind: expected 'kind' to be one of ladder, compensation, policy, survey, pay-formula, found the string \"ladders\": did you mean 'ladder'?")
        ])
    }

    @Test func scalarDocument() {
        let found = DecodeHarness.findings("notes.yaml", """
            # not a ladder
            just some text
            """)
        #expect(found.seen == [
            Seen("notes.yaml", 2, 1, "invalid-document",
                 "expected a mapping with a 'kind' key (one of ladder, compensation, policy, survey, pay-formula), found the string \"just some text\": each document of a ladder file is a mapping")
        ])
    }

    @Test func listDocument() {
        let found = DecodeHarness.findings("list.yaml", """
            - kind: ladder
            - kind: survey
            """)
        #expect(found.seen == [
            Seen("list.yaml", 1, 1, "invalid-document",
                 "expected a mapping with a 'kind' key (one of ladder, compensation, policy, survey, pay-formula), found a list: each document of a ladder file is a mapping")
        ])
    }

    @Test func emptyDocumentsAreSkipped() {
        let found = DecodeHarness.findings("ladder.yaml", "---\n" + DecodeHarness.acme + "---\n---\n")
        #expect(found.seen == [])
    }

    // MARK: references

    @Test func danglingTrackIDSuggestsTheNearest() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Management, kind: management}
            levels:
              - {id: ic-5, track: icc, grade: 5, title: Senior Engineer}
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 8, 23, "unknown-reference", "no track 'icc' in ladder 'acme': did you mean 'ic'? Known tracks: em, ic")
        ])
        #expect(found.first?.subjects == ["icc"])
        #expect(found.first?.ladder == "acme")
    }

    @Test func danglingTrackIDInAnAudience() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            decisions:
              - area: architecture
                kind: technical
                owner: {tracks: [ic, emm]}
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 6, 26, "unknown-reference", "no track 'emm' in ladder 'acme': did you mean 'em'? Known tracks: em, ic")
        ])
    }

    @Test func danglingLevelIDSuggestsTheNearest() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-6, base: {min: 1, max: 2}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 5, 13, "unknown-reference", "no level 'ic-6' in ladder 'acme': did you mean 'ic-5'? Known levels: em-5, ic-5")
        ])
    }

    @Test func danglingLadderIDSuggestsTheNearest() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acne
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 2, 9, "unknown-reference", "no ladder 'acne' in this run: did you mean 'acme'? Known ladders: acme")
        ])
    }

    @Test func danglingLadderIDWithNothingNearListsTheKnownLadders() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: engineering
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 2, 9, "unknown-reference", "no ladder 'engineering' in this run. Known ladders: acme")
        ])
    }

    @Test func referencesResolveAcrossFilesInAnyOrder() {
        // "a-comp.yaml" sorts before the ladder it refers to.
        let found = DecodeHarness.findings([
            ("a-comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                  - {level: em-5, base: {min: 100000, max: 150000}}
                """),
            ("z-ladder.yaml", DecodeHarness.acme),
        ])
        #expect(found.seen == [])
    }

    // MARK: duplicates

    @Test func duplicateLevelIDAtTheSecond() {
        let found = DecodeHarness.findings("ladder.yaml", """
            kind: ladder
            id: acme
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
            levels:
              - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
              - {id: ic-5, track: ic, grade: 6, title: Staff Engineer}
            """)
        #expect(found.seen == [
            Seen("ladder.yaml", 8, 10, "duplicate-id",
                 "level id 'ic-5' appears twice in ladder 'acme' (first at line 7): level ids must be unique within a ladder; rename the second")
        ])
    }

    @Test func duplicateLadderIDAcrossFilesAtTheSecond() {
        let found = DecodeHarness.findings([("b.yaml", DecodeHarness.acme), ("a.yaml", DecodeHarness.acme)])
        #expect(found.seen == [
            Seen("b.yaml", 2, 5, "duplicate-id",
                 "ladder id 'acme' is already used by a.yaml:2: ladder ids must be unique across all files; rename one")
        ])
    }

    @Test func duplicateBandForLevelAndZoneAtTheSecond() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, base: {min: 100000, max: 150000}}
              - {level: ic-5, zone: eu, base: {min: 100000, max: 150000}}
              - {level: ic-5, zone: default, base: {min: 100000, max: 150000}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 7, 13, "duplicate-id",
                 "a second band for level 'ic-5' in zone 'default' (the first is at comp.yaml:5): keep one band per level and zone")
        ])
    }

    @Test func duplicateBandAcrossDocumentsOfOneLadder() {
        let band = """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: em-5, base: {min: 100000, max: 150000}}

            """
        let found = DecodeHarness.findings([("acme.yaml", DecodeHarness.acme), ("comp.yaml", band + "---\n" + band)])
        #expect(found.seen == [
            Seen("comp.yaml", 11, 13, "duplicate-id",
                 "a second band for level 'em-5' in zone 'default' (the first is at comp.yaml:5): keep one band per level and zone")
        ])
    }

    @Test func duplicateProgramIDAtTheSecond() {
        let found = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            programs:
              - {id: academy, name: Academy, kind: mentoring}
              - {id: academy, name: Academy Two, kind: other}
            """)
        #expect(found.seen == [
            Seen("policy.yaml", 5, 10, "duplicate-id", "program id 'academy' appears twice in this document: rename the second")
        ])
    }

    @Test func duplicateQuestionIDAtTheSecond() {
        let found = DecodeHarness.withLadder("survey.yaml", """
            kind: survey
            ladder: acme
            conducted: 2026-03-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, respondents: 10, agree: 1}
              - {id: seat-at-the-table, respondents: 12, agree: 2}
            """)
        #expect(found.seen == [
            Seen("survey.yaml", 7, 10, "duplicate-id", "question id 'seat-at-the-table' appears twice in this survey: rename the second")
        ])
    }

    // MARK: values

    @Test func agreeAboveRespondents() {
        let found = DecodeHarness.withLadder("survey.yaml", """
            kind: survey
            ladder: acme
            conducted: 2026-03-01
            anonymous: true
            questions:
              - id: seat-at-the-table
                respondents: 12
                agree: 13
            """)
        #expect(found.seen == [
            Seen("survey.yaml", 8, 12, "invalid-document",
                 "questions[0].agree: expected agree <= respondents, found 13 agreeing of 12 respondents: correct the counts")
        ])
    }

    @Test func impossibleDate() {
        let found = DecodeHarness.withLadder("survey.yaml", """
            kind: survey
            ladder: acme
            conducted: 2026-02-30
            anonymous: true
            """)
        #expect(found.seen == [
            Seen("survey.yaml", 3, 12, "invalid-document", "conducted: expected a date written YYYY-MM-DD, found the string \"2026-02-30\"")
        ])
    }

    @Test func dateWithoutLeadingZeros() {
        let found = DecodeHarness.findings("ladder.yaml", DecodeHarness.acme + "effective: 2026-1-5\n")
        #expect(found.seen == [
            Seen("ladder.yaml", 10, 12, "invalid-document", "effective: expected a date written YYYY-MM-DD, found the string \"2026-1-5\"")
        ])
    }

    @Test func lowercaseCurrency() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: usd
            bands:
              - {level: ic-5, base: {min: 1, max: 2}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 3, 11, "invalid-document", "currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"usd\": did you mean 'USD'?")
        ])
    }

    @Test func bandCurrencyOfFourLetters() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, currency: EURO, base: {min: 1, max: 2}}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 5, 29, "invalid-document",
                 "bands[0].currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"EURO\": did you mean 'EUR'?")
        ])
    }

    // MARK: aliases and merge keys

    @Test func problemInsideAnAliasIsReportedWhereTheAliasIsUsed() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            x-ranges:
              senior: &senior {min: 100000, max: 150000, bonus: 0.1}
            bands:
              - level: ic-5
                base: *senior
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 8, 11, "invalid-document",
                 "bands[0].base: unknown key 'bonus' in a base pay range. Valid keys: min, mid, max")
        ])
    }

    @Test func wrongValueThroughAnAliasIsReportedAtTheAlias() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            x-amounts:
              top: &top 150_000
            bands:
              - level: ic-5
                base:
                  min: 100000
                  max: *top
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 10, 12, "invalid-document",
                 "bands[0].base.max: expected an amount, found the string \"150_000\": write 150000, without separators")
        ])
    }

    @Test func problemMergedInWithAMergeKeyIsReportedAtTheAlias() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            x-defaults: &defaults
              zone: default
              bonus_traget: 0.1
            bands:
              - level: ic-5
                <<: *defaults
                base: {min: 100000, max: 150000}
            """)
        #expect(found.seen == [
            Seen("comp.yaml", 9, 9, "invalid-document",
                 "bands[0]: unknown key 'bonus_traget' in a band: did you mean 'bonus_target'? Valid keys: level, zone, currency, base, bonus_target, equity, steps, scales_with")
        ])
    }

    @Test func valuesMergedFromAListOfMapsDecode() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            x-base: &base {base: {min: 100000, max: 150000}}
            x-bonus: &bonus {bonus_target: 0.1}
            bands:
              - {level: ic-5, <<: [*base, *bonus]}
              - {level: em-5, <<: [*base, *bonus]}
            """)
        #expect(found.seen == [])
    }

    // MARK: one bad document does not hide the others

    @Test func brokenLevelRaisesNoUnknownReferenceOnItsBands() {
        let found = DecodeHarness.findings([
            ("ladder.yaml", """
                kind: ladder
                id: acme
                name: Engineering
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor}
                  - {id: em, name: Management, kind: management}
                levels:
                  - {id: ic-5, track: ic, grade: five, title: Senior Engineer}
                  - {id: em-5, track: em, grade: 5, title: Engineering Manager}
                """),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                  - {level: em-5, base: {min: 100000, max: 150000}}
                """),
        ])
        #expect(found.seen == [
            Seen("ladder.yaml", 8, 34, "invalid-document", "levels[0].grade: expected a whole number >= 0, found the string \"five\"")
        ])
    }

    @Test func brokenTrackRaisesNoUnknownReferenceOnItsLevelsBandsOrTransitions() {
        let found = DecodeHarness.findings([
            ("ladder.yaml", """
                kind: ladder
                id: acme
                name: Engineering
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor}
                  - {id: em, name: Management}
                levels:
                  - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
                  - {id: em-5, track: em, grade: 5, title: Engineering Manager}
                """),
            ("policy.yaml", """
                kind: policy
                ladder: acme
                transitions:
                  - {from: ic, to: em, grade_change: 0, pay_change: 0}
                forums:
                  - {id: staff, name: Staff, purpose: planning, members: {tracks: [em, ic]}}
                """),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                  - {level: em-5, base: {min: 100000, max: 150000}}
                """),
        ])
        #expect(found.seen == [
            Seen("ladder.yaml", 6, 5, "invalid-document", "tracks[1]: a track lacks the required key 'kind' (one of individual-contributor, management, shared): add it")
        ])
    }

    @Test func levelOnADanglingTrackRaisesNoUnknownReferenceOnItsBands() {
        // The level is dropped because its track does not exist; its band must not add a
        // second finding ("no level 'em-5'") for the same mistake.
        let found = DecodeHarness.findings([
            ("ladder.yaml", DecodeHarness.acme.replacingOccurrences(of: "{id: em-5, track: em,", with: "{id: em-5, track: emm,")),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                  - {level: em-5, base: {min: 100000, max: 150000}}
                """),
        ])
        #expect(found.seen == [
            Seen("ladder.yaml", 9, 23, "unknown-reference", "no track 'emm' in ladder 'acme': did you mean 'em'? Known tracks: em, ic")
        ])
    }

    @Test func brokenLadderRaisesNoUnknownReferenceOnItsDocuments() {
        let found = DecodeHarness.findings([
            ("ladder.yaml", """
                kind: ladder
                id: acme
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor}
                levels:
                  - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
                """),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                """),
            ("survey.yaml", """
                kind: survey
                ladder: acme
                conducted: 2026-03-01
                anonymous: true
                """),
        ])
        #expect(found.seen == [
            Seen("ladder.yaml", 1, 1, "invalid-document", "a ladder document lacks the required key 'name' (text): add it")
        ])
    }

    @Test func aBrokenDocumentDoesNotHideTheFindingsOfTheOthers() {
        let found = DecodeHarness.findings([
            ("acme.yaml", DecodeHarness.acme),
            ("comp.yaml", """
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 100000, max: 150000}}
                ---
                kind: compensation
                ladder: acme
                currency: USD
                bands:
                  - {level: em-6, base: {min: 100000, max: 150000}}
                ---
                kind: survey
                ladder: acme
                conducted: 2026-03-01
                anonymous: no
                """),
        ])
        #expect(found.seen == [
            Seen("comp.yaml", 11, 13, "unknown-reference", "no level 'em-6' in ladder 'acme': did you mean 'em-5'? Known levels: em-5, ic-5"),
            Seen("comp.yaml", 16, 12, "invalid-document",
                 "anonymous: expected true or false, found the string \"no\": YAML 1.2 reads 'no' as text, not a boolean; write false"),
        ])
    }
}
