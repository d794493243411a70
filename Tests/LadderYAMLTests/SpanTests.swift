import LadderYAML
import Testing

/// Every node keeps where it was written: 1-based lines and columns, end exclusive.
@Suite struct SpanTests {
    static let text = """
        name: Alice
        tracks:
          - a
          - "b c"
        next: {x: 1, y: [2, 3]}
        last:
          k: v

        """

    @Test func scalarSpans() throws {
        let doc = try #require(root(Self.text))
        let name = try #require(doc.pair("name"))
        #expect(name.key.span == span(1, 1, 1, 5))
        #expect(name.value.span == span(1, 7, 1, 12))
        // A quoted scalar spans its quotes.
        #expect(doc["tracks"]?[1]?.span == span(4, 5, 4, 10))
        #expect(doc["next"]?["x"]?.span == span(5, 11, 5, 12))
    }

    @Test func blockCollectionSpans() throws {
        let doc = try #require(root(Self.text))
        // A document's root mapping runs from its first key to the end of its last line.
        #expect(doc.span == span(1, 1, 8, 1))
        // A block sequence starts at its first '-' and ends where the next key begins.
        #expect(doc["tracks"]?.span == span(3, 3, 5, 1))
        #expect(doc["tracks"]?[0]?.span == span(3, 5, 3, 6))
        #expect(doc["last"]?.span == span(7, 3, 8, 1))
    }

    @Test func flowCollectionSpans() throws {
        let doc = try #require(root(Self.text))
        #expect(doc["next"]?.span == span(5, 7, 5, 24))
        #expect(doc["next"]?["y"]?.span == span(5, 17, 5, 23))
        #expect(doc["next"]?["y"]?[1]?.span == span(5, 21, 5, 22))
    }

    @Test func anchorSpanOfABlockValueStartsAtItsKey() throws {
        let doc = try #require(root(Self.text))
        // A collection under a key: from the key to the collection's end.
        #expect(doc.pair("tracks")?.anchorSpan == span(2, 1, 5, 1))
        #expect(doc.pair("last")?.anchorSpan == span(6, 1, 8, 1))
        // A flow collection too: a reader looks for the key.
        #expect(doc.pair("next")?.anchorSpan == span(5, 1, 5, 24))
        // A scalar: the value itself.
        #expect(doc.pair("name")?.anchorSpan == span(1, 7, 1, 12))
    }

    @Test func multiLineScalars() throws {
        let doc = try #require(root("text: |\n  one\n  two\nafter: 1\n"))
        #expect(doc["text"]?.scalarText == "one\ntwo\n")
        #expect(doc["text"]?.span == span(1, 7, 4, 1))
        #expect(doc.pair("after")?.key.span == span(4, 1, 4, 6))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let doc = try #require(root("ключ: значение\nb: \"é\"\n"))
        #expect(doc.pair("ключ")?.key.span == span(1, 1, 1, 5))
        #expect(doc["ключ"]?.span == span(1, 7, 1, 15))
        #expect(doc["b"]?.span == span(2, 4, 2, 7))
    }

    @Test func windowsAndOldMacLineEndings() throws {
        let crlf = try #require(root("a: 1\r\nb: 2\r\n"))
        #expect(crlf.pair("b")?.key.span == span(2, 1, 2, 2))
        #expect(crlf["b"]?.span == span(2, 4, 2, 5))
        let cr = try #require(root("a: 1\rb: 2\r"))
        #expect(cr["b"]?.span == span(2, 4, 2, 5))
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let result = load([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8))
        #expect(result.issues.isEmpty)
        let doc = try #require(result.documents.first?.root)
        #expect(doc.pair("a")?.key.span == span(1, 1, 1, 2))
        #expect(doc["a"]?.span == span(1, 4, 1, 5))
        #expect(doc["b"]?.span == span(2, 4, 2, 5))
    }

    @Test func spanDescriptions() {
        #expect(span(3, 5, 4, 1).description == "3:5-4:1")
        #expect(Mark(line: 3, column: 5) < Mark(line: 3, column: 6))
        #expect(Mark(line: 2, column: 9) < Mark(line: 3, column: 1))
        #expect(span(1, 1, 1, 5).through(span(2, 3, 4, 1)) == span(1, 1, 4, 1))
    }
}
