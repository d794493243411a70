import LadderCSV

/// SplitMix64: the same cases on every run and machine, unlike `SystemRandomNumberGenerator`.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A valid RFC 4180 file, and every cell as it must be read: text and position, the positions
/// tracked while the file was written (not worked out again from the text afterwards).
struct GeneratedCSV {
    /// The file without its byte order mark, as CSV.swift is given it.
    var text: String
    var byteOrderMark: Bool
    var delimiter: Unicode.Scalar
    var rows: [[CSVCell]]
    /// Only the delimiter occurs outside quotes among `,`, `;` and tab, so sniffing must find it.
    var sniffable: Bool

    var bytes: [UInt8] { (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8) }

    /// Characters unquoted cells are made of: ASCII, two-byte, three-byte and four-byte UTF-8,
    /// a combining accent, a no-break space and a zero-width joiner (columns count scalars).
    static let plain: [String] = [
        "a", "b", "Z", "0", "7", " ", ".", "-", "_", "'", "é", "ß", "€", "日", "本", "\u{A0}",
        "e\u{301}", "👩\u{200D}💻", "🙂",
    ]
    /// What quoted cells add: delimiters, quotes and line breaks of every kind.
    static let special: [String] = [",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " "]

    static func make(seed: UInt64) -> GeneratedCSV {
        var rng = SeededGenerator(state: seed)
        let delimiter: Unicode.Scalar = [",", ",", ";", "\t"].randomElement(using: &rng)!
        let sniffable = Bool.random(using: &rng)
        let others = [",", ";", "\t"].filter { $0 != String(delimiter) }
        let plainAlphabet = plain + (sniffable ? [] : others)
        let quotedAlphabet = plain + special
        let recordEnds: [String] = [["\n"], ["\r\n"], ["\r"], ["\n", "\r\n", "\r"]].randomElement(using: &rng)!
        let rowCount = Int.random(in: 1...8, using: &rng)
        let columnCount = Int.random(in: 1...6, using: &rng)
        var out = PositionedWriter()
        var rows: [[CSVCell]] = []
        for r in 0..<rowCount {
            var row: [CSVCell] = []
            for c in 0..<columnCount {
                if c > 0 { out.write(String(delimiter)) }
                let (line, column) = (out.line, out.column)
                let kind = Int.random(in: 0..<20, using: &rng)
                // An empty unquoted cell alone on its line is an empty line, which ladderlint
                // reads as no record and CSV.swift as a record of one empty cell (a difference
                // of opinion: spreadsheets skip blank lines); such a cell is written `""`.
                if kind < 3 && columnCount > 1 {
                    row.append(CSVCell(text: "", line: line, column: column, endLine: line, endColumn: column))
                } else if kind < 10 {
                    let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in plainAlphabet.randomElement(using: &rng)! }.joined()
                    out.write(text)
                    row.append(CSVCell(text: text, line: line, column: column, endLine: out.lastLine, endColumn: out.lastColumn))
                } else {
                    let pieces = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                        Bool.random(using: &rng) ? quotedAlphabet.randomElement(using: &rng)! : special.randomElement(using: &rng)!
                    }
                    out.write("\"")
                    for piece in pieces { out.write(piece.unicodeScalars.map { $0 == "\"" ? "\"\"" : String($0) }.joined()) }
                    out.write("\"")
                    let text = pieces.joined()
                    row.append(CSVCell(text: text, line: line, column: column, endLine: out.lastLine, endColumn: out.lastColumn, quoted: true))
                }
            }
            rows.append(row)
            if r < rowCount - 1 || Bool.random(using: &rng) { out.write(recordEnds.randomElement(using: &rng)!) }
        }
        return GeneratedCSV(text: String(out.text), byteOrderMark: Int.random(in: 0..<5, using: &rng) == 0,
                            delimiter: delimiter, rows: rows, sniffable: sniffable)
    }
}

/// Text written scalar by scalar, with the line and column (in scalars) of the next one and of
/// the last one. CRLF is one line break; a CR alone is one too.
struct PositionedWriter {
    var text = String.UnicodeScalarView()
    var line = 1, column = 1
    var lastLine = 1, lastColumn = 1
    private var afterCR = false

    mutating func write(_ s: String) {
        for u in s.unicodeScalars {
            text.append(u)
            (lastLine, lastColumn) = (line, column)
            switch u {
            case "\r": (line, column, afterCR) = (line + 1, 1, true)
            case "\n":
                if !afterCR { (line, column) = (line + 1, 1) }
                afterCR = false
            default: (column, afterCR) = (column + 1, false)
            }
        }
    }
}
