import LadderModel
import LadderYAML

/// Writes values as YAML that reads back as the same value under the 1.2 core schema: what
/// `import` and `init` write. A text is written plain only when it reads back as that text
/// (not `no` but `"no"` stays a string either way in 1.2, yet `1.0`, `null`, `~` and `true`
/// do not); everything else is double-quoted with escapes, so a cell of a spreadsheet (which
/// a pull request may control) never becomes YAML structure, a comment or an anchor.
public enum YAMLText {
    /// `text` as a YAML scalar.
    public static func scalar(_ text: String) -> String {
        plainIsSafe(text) ? text : quoted(text)
    }

    /// Always double-quoted.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // What a terminal would show as an escape (controls, bidi, zero-width, line
                // separators, noncharacters: Escape.needsVisible) is written as one here: the
                // file shows them, never acts on them. Tab is written `\t` above.
                if Escape.needsVisible(u) {
                    out += u.value <= 0xFF ? "\\x" + hex(u.value, 2) : u.value <= 0xFFFF ? "\\u" + hex(u.value, 4) : "\\U" + hex(u.value, 8)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A number as YAML writes it: whole numbers without a fraction, others shortest.
    public static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// A comment line's text: one line, every character a terminal would show as an escape
    /// (Escape.needsVisible, tab included) written as a space.
    public static func comment(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            if u == "\t" || Escape.needsVisible(u) { out += " " } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Plain when it starts with a letter or digit, holds only ordinary printable characters
    /// and no `: ` or ` #`, has no edge spaces, and resolves to a string under the core schema.
    static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        guard last != " " else { return false }
        for u in text.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || u.value >= 0x80 && !u.properties.isAlphabetic { return false }
            if "#:{}[],&*!|>'\"%@`\\".unicodeScalars.contains(u) { return false }
        }
        // YAML 1.1 readers (other tools people open these files with) read these as booleans.
        if ["y", "n", "yes", "no", "on", "off"].contains(text.lowercased()) { return false }
        if case .string = CoreSchema.resolve(text, style: .plain, tag: nil) { return true }
        return false
    }
}
