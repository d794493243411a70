/// One cell of a CSV file, where it is written: the 1-based line and column (in characters,
/// as editors count them) of its first character (the opening quote of a quoted cell), and of
/// its last.
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

        // Characters (UTF-8 lead bytes) from the start of the line to `index`, plus one. Asked
        // in increasing order along a line, so counted on from the last answer: a line of a
        // million cells costs one pass, not a pass per cell.
        var counted = (index: i, column: 1)
        func column(_ index: Int) -> Int {
            if counted.index < lineStart || counted.index > index { counted = (lineStart, 1) }
            var (k, n) = counted
            while k < index {
                if b[k] & 0xC0 != 0x80 { n += 1 }
                k += 1
            }
            counted = (k, n)
            return n
        }
        func text<C: Collection<UInt8>>(_ bytes: C, line: Int, column: Int) -> String {
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            if !badUTF8Reported {
                badUTF8Reported = true
                problems.append(CSVProblem(line: line, column: column, message: "this cell is not UTF-8 text (the file may be saved as Windows-1252 or Latin-1): export the file as \"CSV UTF-8\"; bytes that are not UTF-8 are read as \u{FFFD}"))
            }
            return String(decoding: bytes, as: UTF8.self)
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
                        lineStart = i
                    }
                }
                let endLine = line, endColumn = max(1, column(i) - 1)
                if !closed {
                    problems.append(CSVProblem(line: startLine, column: startColumn, message: "this quoted cell has no closing quote: the rest of the file was read into it; close it with \" (a quote inside a cell is written \"\")"))
                } else if i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr {
                    // Text after the closing quote: kept, as spreadsheets do.
                    problems.append(CSVProblem(line: line, column: column(i), message: "text after the closing quote of a cell: quote the whole cell and write a quote inside it as \"\""))
                    while i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr {
                        buffer.append(b[i])
                        i += 1
                    }
                }
                cells.append(CSVCell(text: text(buffer[...], line: startLine, column: startColumn), line: startLine, column: startColumn,
                                     endLine: endLine, endColumn: endColumn, quoted: true))
            } else {
                let start = i
                while i < b.count, b[i] != delim, b[i] != Self.lf, b[i] != Self.cr { i += 1 }
                let endColumn = i > start ? column(i) - 1 : startColumn
                cells.append(CSVCell(text: text(b[start..<i], line: startLine, column: startColumn), line: startLine, column: startColumn,
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
            if !(cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted) {
                records.append(CSVRecord(cells: cells, line: recordLine))
            }
            cells.removeAll(keepingCapacity: true)
            recordLine = line
            if atEnd { break }
        }
        return CSVTable(records: records, problems: problems, delimiter: delim, byteOrderMark: bom)
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first line; `,` on a tie.
    static func sniff(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == quote { quoted.toggle() } else if !quoted && (c == lf || c == cr) { break } else if !quoted, counts[c] != nil { counts[c]! += 1 }
            i += 1
        }
        var best = UInt8(ascii: ",")
        for d in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[d]! > counts[best]! { best = d }
        return best
    }
}
