import LadderYAML
import Testing

/// `<<` merge keys: explicit keys win, then earlier merged mappings over later ones, and merged
/// values point at the alias that brought them in.
@Suite struct MergeKeyTests {
    @Test func mergeASingleMapping() throws {
        let doc = try #require(root("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  z: 3\n"))
        let m = try #require(doc["m"])
        #expect(m.keys == ["z", "x", "y"])
        #expect(m["x"]?.scalarValue == .int(1))
        #expect(m["y"]?.scalarValue == .int(2))
        #expect(m["z"]?.scalarValue == .int(3))
    }

    @Test func mergedValuesArePositionedAtTheAlias() throws {
        let doc = try #require(root("base: &b\n  x: 1\n  sub: {q: 1}\nm:\n  <<: *b\n"))
        let m = try #require(doc["m"])
        let alias = span(5, 7, 5, 9)
        #expect(m.pair("x")?.key.span == alias)
        #expect(m["x"]?.span == alias)
        #expect(m["sub"]?["q"]?.span == alias)
        #expect(m.pair("sub")?.anchorSpan == alias)
    }

    @Test func aListOfMappingsEarlierWins() throws {
        let text = """
            a: &a {k: 1, p: 1}
            b: &b {k: 2, q: 2}
            m:
              <<: [*a, *b]

            """
        let doc = try #require(root(text))
        let m = try #require(doc["m"])
        #expect(m.keys == ["k", "p", "q"])
        #expect(m["k"]?.scalarValue == .int(1))
        #expect(m["q"]?.scalarValue == .int(2))
        // Each merged value points at the alias it came through.
        #expect(m["k"]?.span == span(4, 8, 4, 10))
        #expect(m["q"]?.span == span(4, 12, 4, 14))
    }

    @Test func explicitKeysWinWhereverTheyAreWritten() throws {
        let text = """
            base: &b {x: 1, y: 1, z: 1}
            before:
              x: 2
              <<: *b
            after:
              <<: *b
              y: 3

            """
        let doc = try #require(root(text))
        #expect(doc["before"]?["x"]?.scalarValue == .int(2))
        #expect(doc["before"]?["x"]?.span == span(3, 6, 3, 7))
        #expect(doc["before"]?.keys == ["x", "y", "z"])
        #expect(doc["after"]?["y"]?.scalarValue == .int(3))
        #expect(doc["after"]?.keys == ["y", "x", "z"])
    }

    @Test func anAnchoredMappingThatMergesCarriesItsMergedKeys() throws {
        let doc = try #require(root("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b}\n"))
        #expect(doc["c"]?.keys == ["y", "x"])
        #expect(doc["c"]?["x"]?.span == span(3, 9, 3, 11))
    }

    @Test func anExplicitKeyThatOverridesAMergedOneIsNotADuplicate() {
        let result = load("b: &b {x: 1}\nm: {<<: *b, x: 2}\n")
        #expect(result.issues.isEmpty)
        #expect(result.documents.first?.root["m"]?["x"]?.scalarValue == .int(2))
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() throws {
        let doc = try #require(root("b: &b {x: 1}\nm: {\"<<\": *b}\n"))
        #expect(doc["m"]?.keys == ["<<"])
    }

    @Test func withMergeKeysOffTheKeyIsKeptAsWritten() throws {
        let doc = try #require(root("b: &b {x: 1}\nm: {<<: *b, y: 2}\n", mergeKeys: false))
        #expect(doc["m"]?.keys == ["<<", "y"])
        #expect(doc["m"]?["<<"]?["x"]?.scalarValue == .int(1))
    }

    @Test func aMergeValueThatIsNotAMappingIsReported() throws {
        let result = load("m:\n  <<: 5\n  y: 2\n")
        #expect(result.issues.count == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.kind == .syntax)
        #expect(issue.span == span(2, 7, 2, 8))
        #expect(issue.message.hasPrefix("the merge key '<<' takes a mapping or a list of mappings"))
        #expect(issue.message.contains("found the number 5"))
        // The rest of the mapping still loads.
        #expect(result.documents.first?.root["m"]?.keys == ["y"])
    }

    @Test func aListItemThatIsNotAMappingIsReported() {
        let result = load("a: &a {x: 1}\nm: {<<: [*a, [1]], y: 2}\n")
        #expect(result.issues.map(\.kind) == [.syntax])
        #expect(result.issues.first?.span == span(2, 14, 2, 17))
        #expect(result.issues.first?.message.contains("found a list") == true)
        #expect(result.documents.first?.root["m"]?.keys == ["y", "x"])
    }
}
