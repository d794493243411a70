import LadderModel
import LadderYAML
import Testing

/// A survey question written `withheld: true` (issue 21.5): asked, its counts left out of the
/// file because too few answered. No `respondents`/`agree` with it; both without it. Each
/// mistake is one finding with file, line, column, what was expected, what was found and the fix.
@Suite struct SurveyWithheldTests {
    static func survey(_ questions: String) -> String {
        """
        kind: survey
        ladder: acme
        conducted: 2026-03-01
        anonymous: true
        questions:
        \(questions)
        """
    }

    @Test func aWithheldQuestionIsReadWithoutCounts() throws {
        let text = Self.survey("""
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 10, agree: 2}
              - id: return-status-loss
                audience: management
                withheld: true
              - {id: return-willingness, audience: management, respondents: 6, agree: 3, withheld: false}
            """)
        let decoded = DocumentDecoder().decodeFile(Array(text.utf8), file: "s.yaml", limits: LoadLimits())
        #expect(decoded.findings.isEmpty, "\(decoded.findings.map(\.message))")
        guard case .survey(let s)? = decoded.documents.first else {
            Issue.record("expected a survey, found \(decoded.documents.count) documents")
            return
        }
        #expect(s.questions.map(\.id.value) == ["seat-at-the-table", "return-status-loss", "return-willingness"])
        #expect(s.questions[0].counts?.respondents.value == 10 && s.questions[0].withheld == nil)
        let withheld = s.questions[1]
        #expect(withheld.counts == nil && withheld.respondents == nil && withheld.agree == nil)
        #expect(withheld.audience == "management" && withheld.withheld?.value == true)
        #expect(withheld.withheld?.span.start.line == 9 && withheld.withheld?.span.start.column == 15)
        // `withheld: false` is a question with its counts, as without the key.
        #expect(s.questions[2].counts?.agree.value == 3 && s.questions[2].withheld == nil)
        // Resolved with the ladder: no finding, and the id still counts for duplicates.
        #expect(DecodeHarness.withLadder("s.yaml", text).seen == [])
        let twice = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, audience: management, withheld: true}
              - {id: return-status-loss, audience: management, respondents: 6, agree: 1}
            """))
        #expect(twice.seen == [
            Seen("s.yaml", 7, 10, "duplicate-id", "question id 'return-status-loss' appears twice in this survey: rename the second")
        ])
    }

    @Test func countsWithWithheldAreAnErrorAtTheFirstCount() {
        let both = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - id: return-status-loss
                audience: management
                withheld: true
                respondents: 3
                agree: 2
            """))
        #expect(both.seen == [
            Seen("s.yaml", 9, 18, "invalid-document",
                 "questions[0].respondents: expected no counts with withheld: true, found respondents and agree: remove them to keep the figures out of the file, or remove withheld: true to show them")
        ])
        let one = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheld: true, agree: 2}
            """))
        #expect(one.seen == [
            Seen("s.yaml", 6, 53, "invalid-document",
                 "questions[0].agree: expected no counts with withheld: true, found agree: remove it to keep the figures out of the file, or remove withheld: true to show them")
        ])
    }

    @Test func neitherCountsNorWithheldSaysBothWays() {
        let found = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, audience: management}
            """))
        #expect(found.seen == [
            Seen("s.yaml", 6, 5, "invalid-document",
                 "questions[0]: a survey question lacks the required keys 'respondents' and 'agree' (whole numbers >= 0): add them, or write withheld: true for a question that was asked but whose figures are left out of the file")
        ])
        // `withheld: false` is no way out; one count alone is the other count missing.
        let no = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheld: false}
            """))
        #expect(no.seen.map(\.message) == [
            "questions[0]: a survey question lacks the required keys 'respondents' and 'agree' (whole numbers >= 0): add them, or write withheld: true for a question that was asked but whose figures are left out of the file"
        ])
        let null = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheld: ~}
            """))
        #expect(null.seen.map(\.message) == no.seen.map(\.message))
        let one = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, respondents: 4}
            """))
        #expect(one.seen == [
            Seen("s.yaml", 6, 5, "invalid-document", "questions[0]: a survey question lacks the required key 'agree' (a whole number >= 0): add it")
        ])
    }

    @Test func withheldIsTrueOrFalse() {
        let found = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheld: yes}
            """))
        #expect(found.seen.count == 1)
        let f = found.seen.first
        #expect(f?.line == 6 && f?.column == 40, "\(found.seen)")
        #expect(f?.message.hasPrefix("questions[0].withheld: expected true or false, found ") == true, "\(found.seen)")
        #expect(f?.message.contains("write true") == true, "\(found.seen)")
        // A typo of the key is one unknown key, with the suggestion, not a missing count as well.
        let typo = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheld: true, witheld: true}
            """))
        #expect(typo.seen.count == 1, "\(typo.seen)")
        let misspelt = DecodeHarness.withLadder("s.yaml", Self.survey("""
              - {id: return-status-loss, withheldd: true}
            """))
        #expect(misspelt.seen.count == 1 && misspelt.seen.first?.message.contains("did you mean 'withheld'?") == true, "\(misspelt.seen)")
    }
}
