import LadderYAML
import Testing

/// Malformed YAML and non-text bytes give one `yaml-syntax` issue at libyaml's problem mark,
/// with libyaml's words and a hint in plain ones.
@Suite struct SyntaxErrorTests {
    /// The single issue of loading `bytes`, which must be a syntax error.
    static func syntaxIssue(_ bytes: [UInt8]) -> YAMLIssue? {
        let result = load(bytes)
        guard result.issues.count == 1, result.issues[0].kind == .syntax else { return nil }
        return result.issues[0]
    }

    static func syntaxIssue(_ text: String) -> YAMLIssue? { syntaxIssue(Array(text.utf8)) }

    @Test func mappingValueInAPlainScalar() throws {
        let issue = try #require(Self.syntaxIssue("name: a: b\n"))
        #expect(issue.kind.rawValue == "yaml-syntax")
        #expect(issue.span == span(1, 8, 1, 8))
        #expect(
            issue.message == "YAML syntax error: mapping values are not allowed in this context: a ': ' where YAML expected a plain value; quote the value if it contains ': ', or fix the indentation")
    }

    @Test func badIndentation() throws {
        let issue = try #require(Self.syntaxIssue("a:\n  b: 1\n c: 2\n"))
        #expect(issue.span == span(3, 2, 3, 2))
        #expect(
            issue.message
                == "YAML syntax error: did not find expected key (while parsing a block mapping at line 1, column 1): this line is indented differently from the keys around it; align it with its siblings"
        )
    }

    @Test func unclosedQuote() throws {
        let issue = try #require(Self.syntaxIssue("key: \"unclosed\nnext: 1\n"))
        #expect(issue.span == span(3, 1, 3, 1))
        #expect(
            issue.message
                == "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar at line 1, column 6): the file ends inside a quoted string or an unclosed [ ] or { }; close it")
    }

    @Test func unclosedFlowSequence() throws {
        let issue = try #require(Self.syntaxIssue("a: [1, 2\nb: 3\n"))
        #expect(issue.span == span(2, 2, 2, 2))
        #expect(issue.message.hasSuffix("(while parsing a flow sequence at line 1, column 4): a [ ] list is not closed, or two of its items lack a ',' between them"))
    }

    @Test func tabIndentation() throws {
        let issue = try #require(Self.syntaxIssue("a:\n\tb: 1\n"))
        #expect(issue.span == span(2, 1, 2, 1))
        #expect(issue.message.hasPrefix("YAML syntax error: found character that cannot start any token"))
        #expect(issue.message.hasSuffix("indent with spaces and quote values that begin with '@' or '`'"))
    }

    @Test func invalidUTF8() throws {
        // Windows line ending before the bad byte: it still counts as one line break.
        let issue = try #require(Self.syntaxIssue(Array("a: 1\r\nb: ".utf8) + [0x80] + Array("\n".utf8)))
        #expect(issue.span == span(2, 4, 2, 4))
        #expect(issue.message == "YAML syntax error: invalid leading UTF-8 octet: the file is not UTF-8 text (binary data or another encoding); save it as UTF-8")
    }

    @Test func truncatedUTF8Sequence() throws {
        // libyaml points at the byte that should have continued the sequence.
        let issue = try #require(Self.syntaxIssue(Array("a: 1\rb: ".utf8) + [0xC3] + Array("\n".utf8)))
        #expect(issue.span == span(2, 5, 2, 5))
        #expect(issue.message.hasPrefix("YAML syntax error: invalid trailing UTF-8 octet: the file is not UTF-8 text"))
    }

    @Test func latin1Text() throws {
        // "café" saved as Latin-1.
        let issue = try #require(Self.syntaxIssue(Array("name: caf".utf8) + [0xE9] + Array("\n".utf8)))
        #expect(issue.span == span(1, 10, 1, 10))
        #expect(issue.message.contains("save it as UTF-8"))
    }

    @Test func nulByte() throws {
        let issue = try #require(Self.syntaxIssue(Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8)))
        #expect(issue.span == span(2, 5, 2, 5))
        #expect(issue.message == "YAML syntax error: control characters are not allowed: the file holds control characters or binary data; ladder files must be UTF-8 text")
    }

    @Test func binaryFile() throws {
        // The start of a PNG file.
        let issue = try #require(Self.syntaxIssue([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        #expect(issue.span == span(1, 1, 1, 1))
        #expect(issue.message.hasPrefix("YAML syntax error: invalid leading UTF-8 octet"))
    }

    @Test func contentAfterTheDocumentEnds() throws {
        let issue = try #require(Self.syntaxIssue("a: 1\n...\nb: 2\n"))
        #expect(issue.span == span(3, 1, 3, 1))
        #expect(issue.message == "YAML syntax error: did not find expected <document start>: more content follows the end of a document; start a new document with '---', or fix the indentation")
    }

    @Test func unknownEscape() throws {
        let issue = try #require(Self.syntaxIssue("path: \"C:\\windows\"\n"))
        #expect(issue.span == span(1, 10, 1, 10))
        #expect(issue.message.hasSuffix("write '\\\\' for a backslash, or use single quotes"))
    }

    @Test func unknownAlias() throws {
        let issue = try #require(Self.syntaxIssue("a: *missing\n"))
        #expect(issue.span == span(1, 4, 1, 12))
    }

    @Test func aSyntaxErrorStopsTheDocument() {
        let result = load("a: 1\nb: [\n")
        #expect(result.documents.isEmpty)
        #expect(result.issues.count == 1)
    }
}
