/// One cell of a CSV file, where it is written: the 1-based line and column of its first
/// character (the opening quote of a quoted cell), and of its last (an empty cell's is its
/// first). Columns count Unicode scalars from the line start (a byte order mark is none, bytes
/// that are not UTF-8 count as the U+FFFD they are read as); a CRLF is one line break.
public struct CSVCell: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Written in double quotes.
    public var quoted: Bool

    public init(text: String, line: Int, column: Int, endLine: Int, endColumn: Int, quoted: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.quoted = quoted
    }
}

/// One record: the cells of one row, which may span lines when a quoted cell holds a newline.
public struct CSVRecord: Sendable {
    public var cells: [CSVCell]
    /// The line the record starts on.
    public var line: Int
    /// Blank everywhere (`,,,`): a spreadsheet's empty row.
    public var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty && !$0.quoted } }
}

/// Something in the file that is not well-formed CSV, where it is.
public struct CSVProblem: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// The records of a file, and its problems; a problem never stops the reading.
public struct CSVTable: Sendable {
    public var records: [CSVRecord]
    public var problems: [CSVProblem]
    /// The delimiter used (given, or found on the first line).
    public var delimiter: UInt8
    /// The file started with a UTF-8 byte order mark (not counted as a column).
    public var byteOrderMark: Bool
}

/// Reads CSV and TSV as RFC 4180 writes them and spreadsheets export them: quoted cells with
/// `""` for a quote and line breaks inside, CRLF, LF or CR line ends, a UTF-8 byte order mark.
///
/// Written here rather than taken from a library: SwiftCSV and CSV.swift (the CSV readers on
/// these machines) return cell texts only, and findings must point at the line and column of
/// a cell in the file, which a cell's text and its row number cannot give once a quoted cell
/// holds a line break or a quote. Tests check this reader against CSV.swift on generated files.
public struct CSVReader: Sendable {
    /// nil: found on the first line (the most frequent of `,`, `;` and tab outside quotes).
    public var delimiter: UInt8?

    public init(delimiter: UInt8? = nil) {
        self.delimiter = delimiter
    }

    /// The delimiter a file of this name is read with, when its extension says (`.tsv`, `.tab`).
    public static func delimiter(forName name: String) -> UInt8? {
        let lower = name.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return UInt8(ascii: "\t") }
        return nil
    }

    public func read(_ bytes: [UInt8]) -> CSVTable {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    func read(_ b: UnsafeBufferPointer<UInt8>) -> CSVTable {
        var i = 0
        let bom = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        if bom { i = 3 }
        let delim = delimiter ?? Self.sniff(b, from: i)
        var records: [CSVRecord] = []
        var problems: [CSVProblem] = []
        var line = 1
        // The index of the first byte of the current line: columns count characters from it.
        var lineStart = i
        var badUTF8Reported = false

        // Characters from the start of the line to `index`, plus one. Asked in increasing order
        // along a line, so counted on from the last answer: a line of a million cells costs one
        // pass, not a pass per cell. Bytes that are not UTF-8 count as the replacement characters
        // the cell texts show for them (`Self.scalarLength`), so a Windows-1252 `£` (one byte that
        // is a UTF-8 continuation byte) does not shift the cells after it to the left.
        var counted = (index: i, column: 1)
        func column(_ index: Int) -> Int {
            if counted.index < lineStart || counted.index > index { counted = (lineStart, 1) }
            var (k, n) = counted
            while k < index {
                k += b[k] < 0x80 ? 1 : Self.scalarLength(b, at: k, end: index)
                n += 1
            }
            counted = (k, n)
            return n
        }
        // `String(decoding:)` on a buffer pointer, then a comparison to see whether it repaired
        // anything: `String(validating:)` is generic in the standard library and looked up type
        // metadata for every cell, a third of the time of reading a file of short cells.
        func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> String {
            var s = String(decoding: bytes, as: UTF8.self)
            if s.utf8.count == bytes.count && s.withUTF8({ $0.elementsEqual(bytes) }) { return s }
            if !badUTF8Reported {
                badUTF8Reported = true
                problems.append(CSVProblem(line: line, column: column, message: "this cell is not UTF-8 text (the file may be saved as Windows-1252 or Latin-1): export the file as \"CSV UTF-8\"; bytes that are not UTF-8 are read as \u{FFFD}"))
            }
            return s
        }

        var cells: [CSVCell] = []
        var recordLine = line
        var buffer: [UInt8] = []
        while i <= b.count {
            // At the start of a cell.
            let startLine = line, startColumn = column(i)
            if i < b.count && b[i] == Self.quote {
                // A quoted cell: to the closing quote, `""` standing for one quote.
                buffer.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                // Where the line before the current one started: an unclosed cell that ends with
                // a line break ends on that line.
                var previousLineStart = lineStart
                while i < b.count {
                    let c = b[i]
                    if c == Self.quote {
                        if i + 1 < b.count && b[i + 1] == Self.quote {
                            buffer.append(Self.quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    buffer.append(c)
                    i += 1
                    if c == Self.lf || (c == Self.cr && (i >= b.count || b[i] != Self.lf)) {
                        line += 1
                        previousLineStart = lineStart
                        lineStart = i
                    }
                }
                var endLine = line, endColumn = max(1, column(i) - 1)
                if !closed {
                    problems.append(CSVProblem(line: startLine, column: startColumn, message: "this quoted cell has no closing quote: the rest of the file was read into it; close it with \" (a quote inside a cell is written \"\")"))
                    if lineStart == b.count && line > startLine {
                        // The file's last line break (CRLF counted as one) is the cell's last
                        // character: it ends the line before.
                        let crlf = b.count - 2 >= previousLineStart && b[b.count - 2] == Self.cr && b[b.count - 1] == Self.lf
                        endLine = line - 1
                        endColumn = Self.characters(b, from: previousLineStart, to: b.count - (crlf ? 2 : 1)) + 1
                    }
                } else if i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr {
                    // Text after the closing quote: kept, as spreadsheets do; the cell ends with it.
                    problems.append(CSVProblem(line: line, column: column(i), message: "text after the closing quote of a cell: quote the whole cell and write a quote inside it as \"\""))
                    while i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr {
                        buffer.append(b[i])
                        i += 1
                    }
                    endColumn = column(i) - 1
                }
                cells.append(CSVCell(text: buffer.withUnsafeBufferPointer { text($0, line: startLine, column: startColumn) }, line: startLine, column: startColumn,
                                     endLine: endLine, endColumn: endColumn, quoted: true))
            } else {
                let start = i
                while i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr { i += 1 }
                let endColumn = i > start ? column(i) - 1 : startColumn
                cells.append(CSVCell(text: text(UnsafeBufferPointer(rebasing: b[start..<i]), line: startLine, column: startColumn), line: startLine, column: startColumn,
                                     endLine: startLine, endColumn: endColumn))
            }
            // After a cell: a delimiter, a line end, or the end of the file.
            if i < b.count && b[i] == delim {
                i += 1
                continue
            }
            let atEnd = i >= b.count
            if !atEnd {
                if b[i] == Self.cr && i + 1 < b.count && b[i + 1] == Self.lf { i += 2 } else { i += 1 }
                line += 1
                lineStart = i
            }
            // An empty line (one empty, unquoted cell) is no record: a file's last line end
            // and blank lines between records.
            if cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted {
                cells.removeAll(keepingCapacity: true)
            } else {
                // The record takes `cells` as it is, and the next one starts a new array with room
                // for as many cells as this one (rows are mostly as wide as the header), up to
                // 256. Not `removeAll(keepingCapacity:)`: with the record sharing the array, that
                // allocates a new one as large as the old, so after one line of a million cells
                // every record would hold room for a million. Not an exact-size copy for each
                // record either: that read about 1.5 times slower (bench/csv-read).
                let width = cells.count
                records.append(CSVRecord(cells: cells, line: recordLine))
                cells = []
                cells.reserveCapacity(min(width, 256))
            }
            recordLine = line
            if atEnd { break }
        }
        return CSVTable(records: records, problems: problems, delimiter: delim, byteOrderMark: bom)
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line that is not
    /// empty (the header line, as blank lines are no records). A tab wins a tie (`Min, EUR` is
    /// a header of a tab-separated file; a tab is not typed into a header), else `,` does.
    static func sniff(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
        var (commas, semicolons, tabs) = (0, 0, 0)
        var quoted = false
        var i = start
        while i < b.count && (b[i] == lf || b[i] == cr) { i += 1 }
        while i < b.count {
            let c = b[i]
            if c == quote {
                quoted.toggle()
            } else if !quoted {
                if c == lf || c == cr { break }
                if c == comma { commas += 1 } else if c == semicolon { semicolons += 1 } else if c == tab { tabs += 1 }
            }
            i += 1
        }
        if tabs > 0 && tabs >= commas && tabs >= semicolons { return tab }
        return semicolons > commas ? semicolon : comma
    }

    /// The length of the UTF-8 sequence at `k` (a byte of 0x80 or more), ending before `end`;
    /// when it is not well-formed, the length of its longest well-formed start (at least 1),
    /// which decoding replaces with one U+FFFD (Unicode's "maximal subpart" practice, which
    /// Swift's `String(decoding:as:)` follows).
    static func scalarLength(_ b: UnsafeBufferPointer<UInt8>, at k: Int, end: Int) -> Int {
        let lead = b[k]
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED: count = 3; high = 0x9F
        case 0xF0: count = 4; low = 0x90
        case 0xF1...0xF3: count = 4
        case 0xF4: count = 4; high = 0x8F
        default: return 1
        }
        var n = 1
        while n < count && k + n < end {
            let c = b[k + n]
            if c < low || c > high { break }
            (low, high) = (0x80, 0xBF)
            n += 1
        }
        return n
    }

    /// Characters in `b[from..<to]`, counted as `column` counts them.
    static func characters(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var (k, n) = (from, 0)
        while k < to {
            k += b[k] < 0x80 ? 1 : scalarLength(b, at: k, end: to)
            n += 1
        }
        return n
    }
}
