import Testing
@testable import LadderYAML

/// Issue 19.3: marked comments found by a byte search, with libyaml's scanner ruling out a `#`
/// inside a scalar; marks as the loader gives them.
@Suite struct YAMLCommentsTests {
    static func find(_ text: String) -> [YAMLComment] {
        YAMLComments.find("ladderlint:", in: Array(text.utf8))
    }

    @Test func aTrailingCommentIsForItsLineAndOneOnItsOwnLineForTheNextNonCommentLine() {
        let c = Self.find("a: 1  # ladderlint: waive x -- y\n# ladderlint: waive z -- w\n# other\nb: 2\n")
        #expect(c.count == 2)
        #expect(c[0].start == Mark(line: 1, column: 7) && !c[0].ownLine && c[0].target == 1)
        #expect(c[0].text == " ladderlint: waive x -- y")
        #expect(c[1].start == Mark(line: 2, column: 1) && c[1].ownLine && c[1].target == 4)
    }

    @Test func aBlankLineEndsTheReach() {
        let c = Self.find("# ladderlint: waive x -- y\n\nb: 2\n")
        #expect(c.first?.target == 2)
    }

    @Test func quotedAndBlockScalarsAndKeysAreText() {
        let text = """
            a: "x # ladderlint: waive q -- quoted"
            b: 'y # ladderlint: waive q -- single'
            "c # ladderlint: key": 1
            d: |
              # ladderlint: waive q -- block
            e: >-
              text
              # ladderlint: waive q -- folded
            f: 1 # ladderlint: waive real -- yes

            """
        let c = Self.find(text)
        #expect(c.map(\.start.line) == [9], "\(c)")
    }

    @Test func aHashGluedToTextIsNoComment() {
        #expect(Self.find("a: x#ladderlint: waive q -- r\n").isEmpty)
        #expect(Self.find("a: [1, 2] #ladderlint: waive q -- r\n").count == 1)
    }

    /// Columns count characters (not bytes); a byte order mark is no column; CRLF is one break.
    @Test func marksCountAsLibyamlDoes() {
        let c = Self.find("\u{FEFF}tïtle: é  # ladderlint: waive x -- y\r\n# ladderlint: waive z -- w\r\nb: 2\r\n")
        #expect(c.count == 2)
        #expect(c[0].start == Mark(line: 1, column: 11))
        #expect(c[0].text == " ladderlint: waive x -- y")
        #expect(c[1].start.line == 2 && c[1].target == 3)
    }

    /// After a syntax error the scanner stopped: nothing there is trusted to be a comment.
    @Test func nothingAfterASyntaxErrorCounts() {
        let c = Self.find("a: 1 # ladderlint: waive x -- before\nb: \"unclosed\n# ladderlint: waive y -- after\n")
        #expect(c.map(\.start.line) == [1], "\(c)")
    }

    @Test func aFileWithoutTheMarkerHasNone() {
        #expect(Self.find("# a comment\na: 1 # ladderlint\n").isEmpty)
        #expect(Self.find("").isEmpty)
    }
}
