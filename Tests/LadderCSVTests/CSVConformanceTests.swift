import LadderCSV
import Testing

/// The reader against CSV.swift (yaslab) on generated RFC 4180 files: the same cell texts row by
/// row, and every cell's position where the generator wrote it.
@Suite struct CSVConformanceTests {
    static let seeds: [UInt64] = Array(1...400)

    @Test func generatorWritesWhatItMeans() throws {
        // The generator itself: a hand-checked case, so a wrong expectation cannot hide behind
        // agreeing readers.
        var out = PositionedWriter()
        out.write("ab,\"x\r\ny\"\rz")
        #expect((out.line, out.column, out.lastLine, out.lastColumn) == (3, 2, 3, 1))
        let cases = Self.seeds.map(GeneratedCSV.make(seed:))
        #expect(cases.contains { $0.byteOrderMark } && cases.contains { !$0.byteOrderMark })
        #expect(cases.contains { $0.delimiter == "\t" } && cases.contains { $0.delimiter == ";" })
        #expect(cases.contains { $0.text.contains("\r\n") && $0.rows.contains { $0.contains { $0.quoted && $0.endLine > $0.line } } })
        #expect(cases.contains { $0.text.unicodeScalars.contains("\u{200D}") })
        #expect(cases.contains { $0.rows.contains { $0.contains { $0.text.contains("\"") } } })
    }

    @Test(arguments: seeds) func sameCellsAsCSVSwift(seed: UInt64) throws {
        let file = GeneratedCSV.make(seed: seed)
        let ours = CSVReader(delimiter: UInt8(ascii: file.delimiter)).read(file.bytes)
        let theirs = try yaslabRows(file.text, delimiter: file.delimiter)
        // Scalars, not `String ==`, which would call `e` + U+0301 equal to `é`.
        let ourTexts = ours.records.map { $0.cells.map { Array($0.text.unicodeScalars) } }
        #expect(ourTexts == theirs.map { $0.map { Array($0.unicodeScalars) } }, "seed \(seed)")
        #expect(ourTexts == file.rows.map { $0.map { Array($0.text.unicodeScalars) } }, "seed \(seed)")
        #expect(ours.problems.isEmpty, "seed \(seed)")
        #expect(ours.byteOrderMark == file.byteOrderMark)
    }

    @Test(arguments: seeds) func cellsAreWhereTheyWereWritten(seed: UInt64) {
        let file = GeneratedCSV.make(seed: seed)
        let ours = CSVReader(delimiter: UInt8(ascii: file.delimiter)).read(file.bytes)
        #expect(ours.records.map(\.cells) == file.rows, "seed \(seed)")
        #expect(ours.records.map(\.line) == file.rows.map { $0[0].line }, "seed \(seed)")
    }

    @Test(arguments: seeds) func sniffingFindsTheDelimiter(seed: UInt64) {
        let file = GeneratedCSV.make(seed: seed)
        guard file.sniffable && file.rows[0].count > 1 else { return }
        let sniffed = CSVReader().read(file.bytes)
        #expect(sniffed.delimiter == UInt8(ascii: file.delimiter), "seed \(seed)")
        #expect(sniffed.records.map(\.cells) == file.rows, "seed \(seed)")
    }
}
