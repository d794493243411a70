/// The one home for escaping. Ladder files, their names and `.ladderlint.yml` come from pull
/// requests; every text of theirs that an output shows passes exactly one of these functions,
/// chosen by where the output goes (docs/security.md lists the targets and their tests).
/// Reporters and stderr messages never escape by hand.
public enum Escape {
    /// The most one input string contributes to one finding or message, in characters; the rest
    /// is elided with a marker that gives the whole length (docs/security.md, "Output
    /// proportional to input"). A title aliased 400 times then costs 400 short lines, not 100 MiB.
    public static let inputCap = 200

    // MARK: Terminal and CI log text

    /// Text for a terminal or a CI log (text format, stderr): every C0 control but TAB, DEL,
    /// every C1 control, bidi override/isolate/mark, zero-width and line/paragraph separator
    /// characters and noncharacters are written visibly (`\e`, `\n`, `\u{202E}`), so no input
    /// can start a line, move the cursor, write the clipboard or reorder what a reader sees.
    public static func terminal(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsVisible) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            if needsVisible(c) { out += visible(c) } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// Whether a scalar is shown as an escape in terminal text.
    @inline(__always)
    public static func needsVisible(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x20 { return v != 0x09 }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }  // DEL and C1
        if v < 0x061C { return false }
        return isInvisibleFormat(v) || isNoncharacter(v)
    }

    /// Bidi controls, zero-width characters and line/paragraph separators: they change what a
    /// reader sees without showing themselves (Trojan Source, CVE-2021-42574).
    @inline(__always)
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return true
        default: return false
        }
    }

    /// Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
    @inline(__always)
    public static func isNoncharacter(_ v: UInt32) -> Bool {
        (0xFDD0...0xFDEF).contains(v) || (v & 0xFFFE) == 0xFFFE
    }

    static func visible(_ c: Unicode.Scalar) -> String {
        switch c.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        default:
            let hex = String(c.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex + "}"
        }
    }

    // MARK: GitHub workflow commands

    /// A workflow command's message (`::error …::DATA`): terminal-visible, then `escapeData` of
    /// @actions/core (`%` first, then CR and LF, which are gone already).
    public static func githubData(_ s: String) -> String {
        var out = ""
        for c in terminal(s).unicodeScalars {
            if c == "%" { out += "%25" } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// A workflow command's property value (`file=…,title=…`): as data, and `:` and `,`,
    /// which would end the property.
    public static func githubProperty(_ s: String) -> String {
        var out = ""
        for c in githubData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: Markdown (GitHub and GitLab comments)

    /// Text inline in Markdown or inside a table cell: punctuation backslash-escaped (so `|`
    /// cannot end the cell, `<` cannot start HTML, `[` cannot start a link), line breaks as
    /// `<br>`, other invisible characters visible, and every mention, reference and autolink
    /// broken with a zero-width space entity so it renders as plain text: `@user`,
    /// `@org/team`, `#123`, `GH-42`, GitLab's `!12` `~label` `%milestone` `$snippet`,
    /// `https://…`, `www.…` and e-mail addresses. Both hosts resolve references on the rendered
    /// text, after backslash escapes are gone, so escaping alone does not stop them.
    public static func markdown(_ s: String) -> String {
        let zwsp = "&#8203;"
        let scalars = Array(s.unicodeScalars)
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var i = 0
        func next(_ k: Int = 1) -> Unicode.Scalar? { i + k < scalars.count ? scalars[i + k] : nil }
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
        func isWord(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "/" || c == "{"
        }
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "$":
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(c)
                // GitLab: `!12` merge request, `$12` snippet, `&12` epic, `~label`/`~"a b"`.
                if c == "#" || ("!$&".unicodeScalars.contains(c) && isDigit(next()))
                    || (c == "~" && (isWord(next()) || next() == "\"")) { out += zwsp }
            case "@", "%":
                out.unicodeScalars.append(c)
                // `%milestone`, `%"v 1"` on GitLab; `@` before anything (mentions, e-mail).
                if c == "@" || isWord(next()) || next() == "\"" { out += zwsp }
            case ":":
                out.unicodeScalars.append(c)
                if next() == "/" { out += zwsp }
            case "\r":
                out += "<br>"
                if next() == "\n" { i += 1 }
            case "\n":
                out += "<br>"
            case ".":
                out.unicodeScalars.append(c)
                // `www.example.com` autolinks on GitHub (GFM extended www autolink).
                if i >= 3, scalars[(i - 3)..<i].allSatisfy({ $0 == "w" || $0 == "W" }) { out += zwsp }
            default:
                if needsVisible(c) {
                    out += visible(c)
                } else {
                    out.unicodeScalars.append(c)
                    // `GH-42` links to issue 42 on GitHub.
                    if (c == "H" || c == "h"), i > 0, scalars[i - 1] == "G" || scalars[i - 1] == "g", next() == "-" {
                        out += zwsp
                    }
                }
            }
            i += 1
        }
        return out
    }

    /// Text inside a Markdown code span: backticks cannot end it early, nothing inside renders.
    /// Ids the project writes itself go here; anything else goes through `markdown`.
    public static func markdownCode(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) && !s.isEmpty {
            return "`" + s + "`"
        }
        return markdown(s)
    }

    // MARK: HTML

    /// Element text and double- or single-quoted attribute values of the HTML report: markup
    /// characters as entities, controls and noncharacters (which strict parsers reject) as
    /// U+FFFD, bidi and zero-width characters visible.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(c)
            default:
                let v = c.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || isNoncharacter(v) {
                    out += "\u{FFFD}"
                } else if v >= 0x061C && isInvisibleFormat(v) {
                    out += visible(c)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    // MARK: XML (JUnit)

    /// XML 1.0 element text or double-quoted attribute value: markup escaped, characters XML
    /// forbids and invisible ones written visibly, CR (and in attributes tab and LF) as
    /// character references so they survive normalisation.
    public static func xml(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n": out.unicodeScalars.append(c)
            default:
                if needsVisible(c) { out += visible(c) } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    // MARK: Size

    /// `s` if it has at most `cap` characters, else its start, a marker and its whole length:
    /// `Staff Engi…[elided: 262144 characters]`. Counted on the expanded text, so an alias
    /// repeated many times is capped at every use.
    public static func capped(_ s: String, _ cap: Int = inputCap) -> String {
        guard s.utf8.count > cap else { return s }
        var kept = 0
        var end = s.startIndex
        while end < s.endIndex && kept < cap {
            end = s.index(after: end)
            kept += 1
        }
        guard end < s.endIndex else { return s }
        return String(s[..<end]) + "…[elided: \(s.count) characters]"
    }
}
