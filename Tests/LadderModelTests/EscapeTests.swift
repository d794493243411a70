import Foundation
import LadderModel
import Testing
import LadderOutput

/// The one home for escaping (docs/security.md): each target's function, on every class of
/// character the threat model names.
@Suite struct EscapeTests {
    /// Every scalar that must never reach a terminal or a log raw: C0 but TAB, DEL, C1, bidi
    /// controls, zero-width characters, line/paragraph separators, noncharacters.
    static let invisible: [Unicode.Scalar] = {
        var v: [UInt32] = Array(0x00...0x08) + Array(0x0A...0x1F) + Array(0x7F...0x9F)
        v += [0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029]
        v += Array(0x202A...0x202E) + Array(0x2060...0x2064) + Array(0x2066...0x2069) + [0xFEFF]
        v += [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF]
        return v.map { Unicode.Scalar($0)! }
    }()

    @Test func terminalShowsEveryInvisibleCharacterVisibly() {
        for c in Self.invisible {
            let out = Escape.terminal("a\(Character(c))b")
            #expect(!out.unicodeScalars.contains(c), "U+\(String(c.value, radix: 16)) reached the terminal raw")
            #expect(out.hasPrefix("a\\") && out.hasSuffix("b"))
            #expect(out.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F })
        }
        #expect(Escape.terminal("tab\tstays") == "tab\tstays")
        #expect(Escape.terminal("caf\u{E9} \u{1F600}") == "caf\u{E9} \u{1F600}")
    }

    @Test func terminalFormsAreReadable() {
        #expect(Escape.terminal("\u{1B}[2K\r") == "\\e[2K\\r")
        #expect(Escape.terminal("x\ny") == "x\\ny")
        #expect(Escape.terminal("\u{202E}gpj.exe") == "\\u{202E}gpj.exe")
        #expect(Escape.terminal("\u{0}\u{9B}") == "\\0\\u{9B}")
        // OSC 52 (clipboard) and OSC 8 (hyperlink) lose their introducer and terminator.
        #expect(Escape.terminal("\u{1B}]52;c;ZXZpbA==\u{07}") == "\\e]52;c;ZXZpbA==\\a")
    }

    @Test func githubDataCannotStartACommandOrALine() {
        let forged = "ok\n::error file=x.yaml,line=1::forged\r\n::stop-commands::t0k3n"
        let data = Escape.githubData(forged)
        #expect(!data.contains("\n") && !data.contains("\r"))
        #expect(data == "ok\\n::error file=x.yaml,line=1::forged\\r\\n::stop-commands::t0k3n")
        #expect(Escape.githubData("100%0A") == "100%250A")
        #expect(Escape.githubProperty("a:b,c%\u{1B}") == "a%3Ab%2Cc%25\\e")
    }

    @Test func markdownBreaksMentionsReferencesAndAutolinks() {
        let cases: [(String, String)] = [
            ("@octocat", "@&#8203;octocat"),
            ("@org/team", "@&#8203;org/team"),
            ("#123", "\\#&#8203;123"),
            ("GH-42", "GH&#8203;-42"),
            ("see https://evil.example/x", "see https:&#8203;//evil.example/x"),
            ("www.evil.example", "www.&#8203;evil.example"),
            ("mail a@b.example", "mail a@&#8203;b.example"),
            ("!12 $3 &4", "\\!&#8203;12 \\$&#8203;3 \\&&#8203;4"),
            ("~bug %v1", "\\~&#8203;bug %&#8203;v1"),
        ]
        for (input, expected) in cases {
            #expect(Escape.markdown(input) == expected, "\(input)")
        }
        // Ordinary prose is left alone apart from Markdown punctuation.
        #expect(Escape.markdown("pay 5% above, 1.5x") == "pay 5% above, 1.5x")
        #expect(Escape.markdown("a|b\nc") == "a\\|b<br>c")
        #expect(Escape.markdown("\u{1B}[31m") == "\\e\\[31m")
    }

    @Test func markdownCodeOnlyForPlainIds() {
        #expect(Escape.markdownCode("pay-ceiling-parity") == "`pay-ceiling-parity`")
        #expect(Escape.markdownCode("x` @a") == "x\\` @&#8203;a")
    }

    @Test func htmlReplacesControlsAndNoncharacters() {
        #expect(Escape.html("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        for v: UInt32 in [0, 0x1B, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x10FFFF] {
            let c = Unicode.Scalar(v)!
            #expect(Escape.html("a\(Character(c))b") == "a\u{FFFD}b")
        }
        #expect(Escape.html("\u{202E}") == "\\u{202E}")
        #expect(Escape.html("line\nbreak\ttab") == "line\nbreak\ttab")
    }

    @Test func xmlIsWellFormedForAnyInput() {
        #expect(Escape.xml("a\u{0}b\u{1B}c", attribute: false) == "a\\0b\\ec")
        #expect(Escape.xml("q\"'\t\n", attribute: true) == "q&quot;&apos;&#9;&#10;")
        #expect(Escape.xml(String(Character(Unicode.Scalar(0xFFFE)!)), attribute: false) == "\\u{FFFE}")
    }

    @Test func capKeepsTheStartAndNamesTheLength() {
        let long = String(repeating: "Staff Engineer ", count: 20_000)
        let out = Escape.capped(long)
        #expect(out.count < Escape.inputCap + 40)
        #expect(out.hasPrefix(String(long.prefix(Escape.inputCap))))
        #expect(out.hasSuffix("…[elided: \(long.count) characters]"))
        #expect(Escape.capped("short") == "short")
        let exact = String(repeating: "x", count: Escape.inputCap)
        #expect(Escape.capped(exact) == exact)
        // Characters, not bytes: a cap never splits a character.
        let wide = String(repeating: "é", count: Escape.inputCap)
        #expect(Escape.capped(wide) == wide)
    }

    @Test func jsonKeepsTheValueButWritesInvisibleCharactersAsEscapes() throws {
        let value = "a\u{202E}b\u{7F}\u{85}\u{1B}é\u{1F600}\u{200B}" + String(Character(Unicode.Scalar(0x10FFFF)!))
        let json = JSONValue.string(value).encoded(pretty: false)
        #expect(json == "\"a\\u202eb\\u007f\\u0085\\u001bé\u{1F600}\\u200b\\udbff\\udfff\"")
        // A JSON parser reads back exactly the input.
        let back = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(back == [value])
        #expect(JSONValue.string("plain ascii").encoded(pretty: false) == "\"plain ascii\"")
    }
}
