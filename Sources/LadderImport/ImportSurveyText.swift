import Foundation

extension SurveyImport {
    /// How headers, role values and answers are compared: exports differ in case, spacing,
    /// line breaks inside a header, curly apostrophes and the `?`, `:` or `*` (required) that
    /// forms put after a question.
    static func normalize(_ text: String) -> String {
        var out = ""
        var space = false
        for u in text.unicodeScalars {
            if u.properties.isWhitespace || u.value == 0xA0 {
                space = !out.isEmpty
                continue
            }
            if space {
                out.unicodeScalars.append(" ")
                space = false
            }
            switch u {
            case "\u{2018}", "\u{2019}": out.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}": out.unicodeScalars.append("\"")
            default: out += String(u).lowercased()
            }
        }
        while let last = out.last, "?:*. ".contains(last) { out.removeLast() }
        return out
    }

    /// A question id from a header: ASCII letters and digits (accents folded), words joined by
    /// `-`, at most `cap` characters cut at a word; empty when nothing is left.
    static func slug(_ text: String, cap: Int = 64) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var word = ""
        for u in folded.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || ("0"..."9").contains(u) {
                word.unicodeScalars.append(u)
            } else if u == "'" || u == "\u{2019}" {
                continue  // "don't" is one word
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var id = ""
        for w in words {
            let next = id.isEmpty ? w : id + "-" + w
            if next.count > cap { break }
            id = next
        }
        if id.isEmpty, let first = words.first { id = String(first.prefix(cap)) }
        return id
    }

    /// Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA.
    static func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// A header as messages and comments show it: one line, at most `cap` characters.
    static func shown(_ header: String, cap: Int = 80) -> String {
        let one = header.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return one.count > cap ? String(one.prefix(cap - 1)) + "…" : one
    }

    /// `TEXT=VALUE` split at the last `=` (a header or a role may hold one; ids and audiences
    /// do not).
    static func splitAssignment(_ text: String) -> (String, String)? {
        guard let eq = text.lastIndex(of: "=") else { return nil }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
    }
}
