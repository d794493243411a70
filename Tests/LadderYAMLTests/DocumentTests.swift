import LadderYAML
import Testing

/// A file holds zero or more documents; each keeps its index and its own positions.
@Suite struct DocumentTests {
    @Test(arguments: ["", "\n\n", "# only a comment\n", "   \n# a\n"])
    func emptyFileHasNoDocumentsAndNoIssue(text: String) {
        let result = load(text)
        #expect(result.documents.isEmpty)
        #expect(result.issues.isEmpty)
    }

    @Test func multipleDocuments() throws {
        let result = load("kind: ladder\nid: a\n---\nkind: policy\nladder: a\n...\n---\nkind: survey\n")
        #expect(result.issues.isEmpty)
        #expect(result.documents.map(\.index) == [0, 1, 2])
        #expect(result.documents.map { $0.root["kind"]?.scalarText } == ["ladder", "policy", "survey"])
        // Positions count lines from the top of the file, not of the document.
        let second = result.documents[1].root
        #expect(second.pair("kind")?.key.span == span(4, 1, 4, 5))
        #expect(second["ladder"]?.span == span(5, 9, 5, 10))
        #expect(result.documents[2].root["kind"]?.span == span(8, 7, 8, 13))
    }

    @Test func emptyDocumentsAreNull() {
        let result = load("---\n---\na: 1\n---\n")
        #expect(result.issues.isEmpty)
        #expect(result.documents.count == 3)
        #expect(result.documents[0].root.scalarValue == .null)
        #expect(result.documents[1].root["a"]?.scalarValue == .int(1))
        #expect(result.documents[2].root.scalarValue == .null)
        #expect(result.documents[2].root.kindDescription == "an empty value")
    }

    @Test func scalarDocument() {
        let result = load("--- just text\n")
        #expect(result.documents.count == 1)
        #expect(result.documents[0].root.scalarValue == .string("just text"))
        #expect(result.documents[0].root.span == span(1, 5, 1, 14))
    }

    @Test func anErrorInALaterDocumentKeepsTheEarlierOnes() {
        let result = load("a: 1\n---\nb: [1,\n")
        #expect(result.documents.count == 1)
        #expect(result.documents[0].root["a"]?.scalarValue == .int(1))
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.kind == .syntax)
    }

    @Test func anchorsDoNotCrossDocuments() {
        let result = load("a: &x 1\n---\nb: *x\n")
        #expect(result.documents.count == 1)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.kind == .syntax)
        #expect(result.issues.first?.span == span(3, 4, 3, 6))
    }
}
