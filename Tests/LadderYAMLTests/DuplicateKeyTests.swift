import LadderYAML
import Testing

/// A key given twice in one mapping is reported at the second key; the first is kept.
@Suite struct DuplicateKeyTests {
    @Test func reportedAtTheSecondKeyAndTheFirstKept() throws {
        let result = load("kind: ladder\nid: eng\nkind: policy\nname: x\n")
        #expect(result.issues.count == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.kind == .duplicateKey)
        #expect(issue.kind.rawValue == "invalid-document")
        #expect(issue.span == span(3, 1, 3, 5))
        #expect(issue.message == "the key 'kind' appears twice in this mapping: remove or rename the second one (the first is kept)")
        // The document still loads, with the first value and every other key.
        let doc = try #require(result.documents.first?.root)
        #expect(doc.keys == ["kind", "id", "name"])
        #expect(doc["kind"]?.scalarText == "ladder")
    }

    @Test func inANestedFlowMapping() {
        let result = load("outer:\n  inner: {a: 1, b: 2, a: 3}\n")
        #expect(result.issues.map(\.kind) == [.duplicateKey])
        #expect(result.issues.first?.span == span(2, 23, 2, 24))
        #expect(result.documents.first?.root["outer"]?["inner"]?["a"]?.scalarValue == .int(1))
    }

    @Test func inALargeMapping() {
        // Past a couple of dozen keys the check switches to a set; it must still find the duplicate.
        var text = ""
        for i in 0..<100 { text += "k\(i): \(i)\n" }
        text += "k42: again\nk100: 100\nk100: again\n"
        let result = load(text)
        #expect(result.issues.map(\.kind) == [.duplicateKey, .duplicateKey])
        #expect(result.issues.map(\.span.start) == [Mark(line: 101, column: 1), Mark(line: 103, column: 1)])
        #expect(result.documents.first?.root["k42"]?.scalarValue == .int(42))
        #expect(result.documents.first?.root.keys.count == 101)
    }

    @Test func keysCompareByTheirText() {
        // `1` and `"1"` differ in YAML's type but read the same to a person and to the model.
        let result = load("1: a\n\"1\": b\n")
        #expect(result.issues.map(\.kind) == [.duplicateKey])
        #expect(result.issues.first?.span == span(2, 1, 2, 4))
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        let result = load("a: {id: 1}\nb: {id: 1}\nlist:\n  - id: 1\n  - id: 2\n")
        #expect(result.issues.isEmpty)
    }

    @Test func twoMergeKeysAreMergesNotDuplicates() {
        let result = load("a: &a {x: 1}\nb: &b {y: 2}\nm:\n  <<: *a\n  <<: *b\n")
        #expect(result.issues.isEmpty)
        #expect(result.documents.first?.root["m"]?.keys == ["x", "y"])
    }

    @Test func withMergeKeysOffTwoMergeKeysAreDuplicates() {
        var text = ""
        for i in 0..<30 { text += "k\(i): \(i)\n" }
        let small = load("a: {x: 1}\nm:\n  <<: 1\n  <<: 2\n", mergeKeys: false)
        #expect(small.issues.map(\.span.start) == [Mark(line: 4, column: 3)])
        let large = load("<<: 1\n" + text + "<<: 2\n", mergeKeys: false)
        #expect(large.issues.map(\.span.start) == [Mark(line: 32, column: 1)])
    }

    @Test func keysAlikeInLengthAndFirstBytesAreStillTold() {
        // The check compares a key's length and first seven bytes before its whole text.
        let distinct = load("individual_contributor_max: 1\nindividual_contributor_min: 2\nabcdefgX: 3\nabcdefgY: 4\ncafé: 5\ncafè: 6\n")
        #expect(distinct.issues.isEmpty)
        #expect(distinct.documents.first?.root.keys.count == 6)
        let same = load("individual_contributor_max: 1\nabcdefgX: 2\nabcdefgX: 3\nindividual_contributor_max: 4\ncafé: 5\ncafé: 6\n")
        #expect(same.issues.map(\.span.start) == [Mark(line: 3, column: 1), Mark(line: 4, column: 1), Mark(line: 6, column: 1)])
    }

    @Test func anAliasedKeyIsComparedByItsText() {
        let result = load("&k shared_key_name: 1\nother: 2\n*k : 3\n")
        #expect(result.issues.map(\.kind) == [.duplicateKey])
        #expect(result.issues.first?.span.start == Mark(line: 3, column: 1))
    }

    @Test func onlyAPlainUntaggedLessLessIsAMergeKey() {
        // Quoted, '<<' is an ordinary key: twice is a duplicate, and nothing is merged.
        let result = load("a: &a {x: 1}\nm:\n  '<<': *a\n  \"<<\": *a\n")
        #expect(result.issues.map(\.kind) == [.duplicateKey])
        #expect(result.documents.first?.root["m"]?.keys == ["<<"])
    }
}
