import LadderYAML
import Testing

/// A value reached through an alias points where the alias is used, never at the anchor.
@Suite struct AliasTests {
    static let text = """
        defaults: &d
          pay:
            min: 100
            max: 150
          tags: [a, b]
        level:
          settings: *d
          grade: &g 5
          again: *g

        """

    @Test func aliasedSubtreeIsPositionedAtTheAlias() throws {
        let doc = try #require(root(Self.text))
        let settings = try #require(doc["level"]?["settings"])
        let alias = span(7, 13, 7, 15)
        #expect(settings.span == alias)
        #expect(settings.keys == ["pay", "tags"])
        // Every descendant, keys included, carries the alias's span.
        let nodes = settings.allNodes
        #expect(nodes.count == 11)
        #expect(nodes.allSatisfy { $0.span == alias })
        #expect(settings["pay"]?["max"]?.scalarValue == .int(150))
        #expect(settings["tags"]?[1]?.scalarText == "b")
        // The pair's anchor span still starts at the key the alias is written under.
        #expect(doc["level"]?.pair("settings")?.anchorSpan == span(7, 3, 7, 15))
    }

    @Test func theAnchoredOriginalKeepsItsOwnSpans() throws {
        let doc = try #require(root(Self.text))
        #expect(doc["defaults"]?["pay"]?["max"]?.span == span(4, 10, 4, 13))
        #expect(doc["defaults"]?["tags"]?.span == span(5, 9, 5, 15))
    }

    @Test func aliasOfAScalar() throws {
        let doc = try #require(root(Self.text))
        #expect(doc["level"]?["grade"]?.span == span(8, 10, 8, 14))
        #expect(doc["level"]?["again"]?.span == span(9, 10, 9, 12))
        #expect(doc["level"]?["again"]?.scalarValue == .int(5))
    }

    @Test func aLaterAnchorOfTheSameNameWins() throws {
        let doc = try #require(root("a: &x 1\nb: *x\nc: &x 2\nd: *x\n"))
        #expect(doc["b"]?.scalarValue == .int(1))
        #expect(doc["d"]?.scalarValue == .int(2))
    }

    @Test func aliasAsAKey() throws {
        let doc = try #require(root("k: &k name\n*k : value\n"))
        #expect(doc.keys == ["k", "name"])
        #expect(doc.pair("name")?.key.span == span(2, 1, 2, 3))
    }

    @Test func unknownAliasIsASyntaxError() {
        let result = load("a: 1\nb: *nope\nc: 3\n")
        #expect(result.documents.isEmpty)
        #expect(result.issues.count == 1)
        let issue = result.issues[0]
        #expect(issue.kind == .syntax)
        #expect(issue.span == span(2, 4, 2, 9))
        #expect(issue.message == "the alias *nope refers to no anchor defined before it: define &nope earlier in the same document")
    }

    @Test func anAliasInsideItsOwnAnchorIsUnknown() {
        let result = load("a: &x [1, *x]\n")
        #expect(result.documents.isEmpty)
        #expect(result.issues.map(\.kind) == [.syntax])
        #expect(result.issues.first?.span == span(1, 11, 1, 13))
    }
}
