// libFuzzer entry for bands spreadsheets, which come from pull requests: CSVReader (delimiter
// found, and tab), BandsTable.decode under several mappings, and CellValues on every cell, on
// any bytes. Built outside the package by fuzz/build (docs/hardening.md, "The CSV target").
//
// The oracle is a set of invariants; a broken one is a fatalError, which libFuzzer keeps as a
// crash. Messages give positions and numbers only, never the input's text.
import LadderCSV
import LadderModel
import LadderTables
import LadderYAML

let fuzzQuote = UInt8(ascii: "\""), fuzzLF = UInt8(ascii: "\n"), fuzzCR = UInt8(ascii: "\r")
let fuzzTab = UInt8(ascii: "\t")

/// The mappings every input is decoded with, and the file name (which decides a tab delimiter).
let fuzzMappings: [(name: String, mapping: BandsMapping, file: String)] = {
    let plain = BandsMapping(ladder: "fuzz")
    var comma = plain
    comma.decimal = .comma
    var named = plain
    // Not known headers, so only the mapping finds them (fuzz/csv.dict holds them).
    named.columns = [.level: "Step", .min: "Floor", .max: "Ceiling"]
    var years = plain
    years.equityYears = 4
    var usd = plain
    usd.currency = "USD"
    return [("default", plain, "fuzz.csv"), ("decimal comma", comma, "fuzz.csv"), ("named columns", named, "fuzz.csv"),
            ("equity years 4", years, "fuzz.csv"), ("currency USD", usd, "fuzz.csv"), ("default, .tsv", plain, "fuzz.tsv")]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let lines = FuzzLines(bytes)

    let sniffed = CSVReader().read(bytes)
    checkTable(sniffed, lines, "sniffed")
    checkRoundTrip(sniffed, "sniffed")
    checkPlainPositions(sniffed, bytes)
    let tabbed = CSVReader(delimiter: fuzzTab).read(bytes)
    check(tabbed.delimiter == fuzzTab, "tab reader: delimiter \(tabbed.delimiter)")
    checkTable(tabbed, lines, "tab")
    checkRoundTrip(tabbed, "tab")
    checkPlainPositions(tabbed, bytes)

    for (name, mapping, file) in fuzzMappings {
        checkDecoded(BandsTable(mapping: mapping).decode(bytes, file: file), file: file, lines: lines, size: size, name)
    }

    for record in sniffed.records {
        for cell in record.cells { checkCellValues(cell.text) }
    }
    for n in derivedIntegers(bytes) { checkIntegerForms(n) }
    return 0
}

func check(_ ok: Bool, _ what: @autoclosure () -> String) {
    if !ok { fatalError("invariant broken: \(what())") }
}

// MARK: lines

/// The file's lines as CSVReader counts them (LF, CRLF and a lone CR each end one, inside
/// quotes too), with the Unicode scalars of each as `String(decoding:)` reads them (a byte
/// order mark not counted): a cell's column is at most its line's scalars plus one. A file
/// ending with a line break has an empty last line, so `count` is the line breaks plus one.
struct FuzzLines {
    var scalars: [Int] = []
    var count: Int { scalars.count }

    init(_ b: [UInt8]) {
        let bom = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        var start = bom ? 3 : 0, i = start
        func end(_ at: Int) {
            scalars.append(String(decoding: b[start..<at], as: UTF8.self).unicodeScalars.count)
        }
        while i < b.count {
            if b[i] == fuzzLF || b[i] == fuzzCR {
                end(i)
                i += b[i] == fuzzCR && i + 1 < b.count && b[i + 1] == fuzzLF ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        end(b.count)
    }
}

// MARK: the reader

/// Positions: every cell starts at line and column 1 or later, ends at or after its start,
/// starts after the previous cell ends (so starts never go back along the file), lies within
/// the file's lines and their lengths, and is on or after its record's line (the first cell on
/// it). Problems point inside the file too.
func checkTable(_ table: CSVTable, _ lines: FuzzLines, _ name: String) {
    var previousEnd = (0, 0)
    for (r, record) in table.records.enumerated() {
        let at = "\(name) record \(r) (line \(record.line))"
        check(!record.cells.isEmpty, "\(at): no cells")
        check(record.line == record.cells[0].line, "\(at): first cell on line \(record.cells[0].line)")
        for (c, cell) in record.cells.enumerated() {
            let at = "\(at) cell \(c) at \(cell.line):\(cell.column)-\(cell.endLine):\(cell.endColumn)"
            check(cell.line >= 1 && cell.column >= 1 && cell.endLine >= 1 && cell.endColumn >= 1, "\(at): below 1")
            check(cell.line >= record.line, "\(at): before its record's line")
            check((cell.endLine, cell.endColumn) >= (cell.line, cell.column), "\(at): ends before it starts")
            check((cell.line, cell.column) > previousEnd, "\(at): starts at or before the previous cell's end \(previousEnd)")
            check(cell.endLine <= lines.count, "\(at): past the file's \(lines.count) lines")
            check(cell.column <= lines.scalars[cell.line - 1] + 1, "\(at): start past line \(cell.line)'s \(lines.scalars[cell.line - 1]) characters")
            check(cell.endColumn <= lines.scalars[cell.endLine - 1] + 1, "\(at): end past line \(cell.endLine)'s \(lines.scalars[cell.endLine - 1]) characters")
            previousEnd = (cell.endLine, cell.endColumn)
        }
    }
    for problem in table.problems {
        let at = "\(name) problem at \(problem.line):\(problem.column)"
        check(problem.line >= 1 && problem.line <= lines.count && problem.column >= 1, "\(at): outside the file's \(lines.count) lines")
        check(problem.column <= lines.scalars[problem.line - 1] + 1, "\(at): past line \(problem.line)'s \(lines.scalars[problem.line - 1]) characters")
    }
}

/// Written back as RFC 4180 (quoted cells quoted, `"` doubled, LF line ends, a byte order mark
/// first so a text starting with U+FEFF survives) and read again with the same delimiter:
/// the same records, cell texts and quoting, and no problem.
func checkRoundTrip(_ table: CSVTable, _ name: String) {
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    for record in table.records {
        for (c, cell) in record.cells.enumerated() {
            if c > 0 { out.append(table.delimiter) }
            if cell.quoted {
                out.append(fuzzQuote)
                for byte in cell.text.utf8 {
                    if byte == fuzzQuote { out.append(fuzzQuote) }
                    out.append(byte)
                }
                out.append(fuzzQuote)
            } else {
                out += cell.text.utf8
            }
        }
        out.append(fuzzLF)
    }
    let again = CSVReader(delimiter: table.delimiter).read(out)
    check(again.problems.isEmpty, "\(name) round trip: \(again.problems.count) problems, first at \(again.problems[0].line):\(again.problems[0].column)")
    check(again.records.count == table.records.count, "\(name) round trip: \(again.records.count) records, was \(table.records.count)")
    for (r, (a, b)) in zip(table.records, again.records).enumerated() {
        check(a.cells.count == b.cells.count, "\(name) round trip: record \(r) has \(b.cells.count) cells, was \(a.cells.count)")
        for (c, (x, y)) in zip(a.cells, b.cells).enumerated() {
            check(x.text == y.text && x.quoted == y.quoted, "\(name) round trip: record \(r) cell \(c) differs (quoted \(x.quoted) → \(y.quoted))")
        }
    }
}

/// On a file with nothing to interpret (UTF-8, no quote, no CR, no byte order mark), every
/// position is known: a record per non-empty line, cells split at the delimiter, a cell's
/// column one past the characters before it, its end on its last character (an empty cell's
/// at its start).
func checkPlainPositions(_ table: CSVTable, _ b: [UInt8]) {
    guard !b.contains(fuzzQuote), !b.contains(fuzzCR), !(b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF),
          String(validating: b, as: UTF8.self) != nil else { return }
    var expected: [(line: Int, cells: [(text: String, column: Int, endColumn: Int)])] = []
    for (k, line) in b.split(separator: fuzzLF, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
        var cells: [(text: String, column: Int, endColumn: Int)] = []
        var column = 1
        for piece in line.split(separator: table.delimiter, omittingEmptySubsequences: false) {
            let text = String(decoding: piece, as: UTF8.self)
            let n = text.unicodeScalars.count
            cells.append((text, column, n == 0 ? column : column + n - 1))
            column += n + 1
        }
        expected.append((k + 1, cells))
    }
    check(table.records.count == expected.count, "plain file: \(table.records.count) records, expected \(expected.count)")
    for (record, want) in zip(table.records, expected) {
        check(record.line == want.line && record.cells.count == want.cells.count,
              "plain file: record on line \(record.line) with \(record.cells.count) cells, expected line \(want.line) with \(want.cells.count)")
        for (c, (cell, w)) in zip(record.cells, want.cells).enumerated() {
            check(cell.text == w.text && !cell.quoted, "plain file: line \(want.line) cell \(c): other text")
            check(cell.line == want.line && cell.endLine == want.line && cell.column == w.column && cell.endColumn == w.endColumn,
                  "plain file: line \(want.line) cell \(c) at \(cell.line):\(cell.column)-\(cell.endLine):\(cell.endColumn), expected \(w.column)-\(w.endColumn)")
        }
    }
}

// MARK: the bands table

/// Every finding names the file and points inside it (lines 1 to the line breaks plus one,
/// columns from 1, end not before start), with a message bounded by the input (cell texts are
/// quoted capped; a header may be quoted three times); every band's values point inside it.
func checkDecoded(_ result: BandsTableResult, file: String, lines: FuzzLines, size: Int, _ name: String) {
    func inside(_ span: Span, _ what: @autoclosure () -> String) {
        check(span.start.line >= 1 && Int(span.start.line) <= lines.count && span.start.column >= 1
              && span.end.line >= 1 && Int(span.end.line) <= lines.count && span.end >= span.start,
              "\(name): \(what()) at \(span), the file has \(lines.count) lines")
    }
    for (k, finding) in result.decoded.findings.enumerated() {
        check(finding.location.file == file, "\(name): finding \(k) names another file")
        inside(finding.location.span, "finding \(k)")
        check(finding.message.utf8.count <= 4096 + 4 * size, "\(name): finding \(k)'s message is \(finding.message.utf8.count) bytes for \(size) bytes of input")
    }
    check(result.decoded.documents.count <= 1, "\(name): \(result.decoded.documents.count) documents")
    for document in result.decoded.documents {
        guard case .compensation(let comp) = document else { fatalError("\(name): a document that is not compensation") }
        for (k, band) in comp.bands.enumerated() {
            inside(band.level.span, "band \(k) level")
            for (part, range) in [("base", band.base), ("equity", band.equity)] as [(String, AmountRange?)] {
                guard let range else { continue }
                inside(range.span, "band \(k) \(part)")
                inside(range.min.span, "band \(k) \(part).min")
                inside(range.max.span, "band \(k) \(part).max")
                if let mid = range.mid { inside(mid.span, "band \(k) \(part).mid") }
                check(range.min.value.isFinite && range.max.value.isFinite, "\(name): band \(k) \(part) is not finite")
            }
            if let bonus = band.bonusTarget {
                inside(bonus.span, "band \(k) bonus_target")
                check(bonus.value.isFinite, "\(name): band \(k) bonus_target is not finite")
            }
        }
    }
    check(result.moneyValues.allSatisfy(\.isFinite), "\(name): a money value that is not finite")
}

// MARK: cell values

/// Any cell text, read every way: a value is always finite (a number past `Double`'s range is
/// unreadable, as the YAML decoder refuses it).
func checkCellValues(_ text: String) {
    for decimal in DecimalMark.allCases {
        if case .value(let v) = CellValues.amount(text, decimal: decimal) { check(v.isFinite, "amount (\(decimal)) is not finite") }
        for percent in [false, true] {
            if case .value(let v) = CellValues.fraction(text, decimal: decimal, headerIsPercent: percent) {
                check(v.isFinite, "fraction (\(decimal), percent header \(percent)) is not finite")
            }
        }
    }
}

/// Integers from the input's first bytes (little-endian, 1 to 8 of them, the 8-byte one signed)
/// and its length, so the fuzzer steers them.
func derivedIntegers(_ b: [UInt8]) -> [Int64] {
    var out: [Int64] = [Int64(b.count)]
    for width in [1, 2, 3, 4, 6, 8] {
        var v: UInt64 = 0
        for k in 0..<min(width, b.count) { v |= UInt64(b[k]) << (8 * UInt64(k)) }
        out.append(Int64(bitPattern: v))
    }
    return out
}

/// `n` in the forms the format documents reads back as exactly `Double(n)` (the nearest double,
/// as `Double(String)` gives past 2^53): plain, grouped by `,` (point) or `.` (comma), with
/// `$`, `USD `, ` EUR`, a minus, in brackets, with `k`, and `n%` as a fraction.
func checkIntegerForms(_ n: Int64) {
    let magnitude = n.magnitude
    let m = Double(magnitude)
    for decimal in DecimalMark.allCases {
        let grouped = fuzzGrouped(magnitude, decimal == .point ? "," : ".")
        let signed = n < 0 ? "-" + grouped : grouped
        var cases: [(String, Double)] = [
            (String(n), Double(n)), (signed, Double(n)), ("$" + grouped, m), ("USD " + grouped, m),
            (grouped + " EUR", m), ("(" + grouped + ")", -m), (grouped + "k", m * 1_000),
        ]
        if decimal == .comma { cases.append(("€" + grouped, m)) }
        for (text, want) in cases {
            let got = CellValues.amount(text, decimal: decimal)
            check(got == .value(want), "amount(\"\(text)\", \(decimal)) is \(got), expected \(want)")
        }
        let percent = CellValues.fraction(String(n) + "%", decimal: decimal, headerIsPercent: false)
        check(percent == .value(Double(n) / 100), "fraction(\"\(n)%\", \(decimal)) is \(percent)")
        let header = CellValues.fraction(String(n), decimal: decimal, headerIsPercent: true)
        check(header == .value(Double(n) / 100), "fraction(\"\(n)\", \(decimal), percent header) is \(header)")
    }
}

/// Digits of `v` with `separator` between groups of three from the right: 1,234,567.
func fuzzGrouped(_ v: UInt64, _ separator: Character) -> String {
    let digits = Array(String(v))
    var out = ""
    for (k, d) in digits.enumerated() {
        if k > 0 && (digits.count - k) % 3 == 0 { out.append(separator) }
        out.append(d)
    }
    return out
}
