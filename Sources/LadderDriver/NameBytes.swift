/// File names are bytes; reports are text. A name that is not UTF-8 is shown with each byte
/// that is not part of a valid UTF-8 sequence written `\x{HH}` (two uppercase hex digits), so
/// reports can name it and users can find it (`ls` shows the same byte as `\377` or `?`).
public enum NameBytes {
    public static func shown(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, i + length <= bytes.count,
               let scalar = String(validating: bytes[i..<(i + length)], as: UTF8.self), scalar.unicodeScalars.count == 1
            {
                out += scalar
                i += length
            } else {
                let hex = String(lead, radix: 16, uppercase: true)
                out += "\\x{" + (hex.count == 1 ? "0" : "") + hex + "}"
                i += 1
            }
        }
        return out
    }
}
