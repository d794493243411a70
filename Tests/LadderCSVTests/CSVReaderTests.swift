import LadderCSV
import Testing

/// Reads `text` as UTF-8, with the delimiter given or sniffed.
private func read(_ text: String, delimiter: Character? = nil) -> CSVTable {
    CSVReader(delimiter: delimiter.map { $0.asciiValue! }).read(Array(text.utf8))
}

/// A cell as expected: text, first and last character's line and column.
private func cell(_ text: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int, quoted: Bool = false) -> CSVCell {
    CSVCell(text: text, line: line, column: column, endLine: endLine, endColumn: endColumn, quoted: quoted)
}

private func cells(_ table: CSVTable) -> [[CSVCell]] { table.records.map(\.cells) }

@Suite struct CSVReaderTests {
    @Test func plainCells() {
        let table = read("a,bc,def\nghij,,k\n")
        #expect(cells(table) == [
            [cell("a", 1, 1, 1, 1), cell("bc", 1, 3, 1, 4), cell("def", 1, 6, 1, 8)],
            // An empty cell ends where it starts.
            [cell("ghij", 2, 1, 2, 4), cell("", 2, 6, 2, 6), cell("k", 2, 7, 2, 7)],
        ])
        #expect(table.records.map(\.line) == [1, 2])
        #expect(table.problems.isEmpty)
        #expect(table.delimiter == UInt8(ascii: ","))
        #expect(!table.byteOrderMark)
    }

    @Test func quotedCellsWithDelimitersAndQuotes() {
        // `"say ""hi"""` is 12 characters: columns 7 to 18.
        let table = read("\"a,b\",\"say \"\"hi\"\"\",x\n\"\",\"\"\"\"\n")
        #expect(cells(table) == [
            [cell("a,b", 1, 1, 1, 5, quoted: true), cell("say \"hi\"", 1, 7, 1, 18, quoted: true), cell("x", 1, 20, 1, 20)],
            [cell("", 2, 1, 2, 2, quoted: true), cell("\"", 2, 4, 2, 7, quoted: true)],
        ])
        #expect(table.problems.isEmpty)
    }

    @Test func quotedCellOverLines() {
        // The cell ends at its closing quote on line 2; the cells after it count from line 2's
        // start, and the next record starts on line 3.
        let table = read("a,\"line1\nline2\",b\nc,d\n")
        #expect(cells(table) == [
            [cell("a", 1, 1, 1, 1), cell("line1\nline2", 1, 3, 2, 6, quoted: true), cell("b", 2, 8, 2, 8)],
            [cell("c", 3, 1, 3, 1), cell("d", 3, 3, 3, 3)],
        ])
        #expect(table.records.map(\.line) == [1, 3])
    }

    @Test func quotedCellOverSeveralLineEnds() {
        // CRLF inside the cell is one line break and stays in the text; a quote alone on its line
        // closes the cell at column 1; a lone CR inside a cell breaks the line too.
        let table = read("\"x\r\ny\r\n\",z\r\n\"p\rq\",r\r\ns,t")
        #expect(cells(table) == [
            [cell("x\r\ny\r\n", 1, 1, 3, 1, quoted: true), cell("z", 3, 3, 3, 3)],
            [cell("p\rq", 4, 1, 5, 2, quoted: true), cell("r", 5, 4, 5, 4)],
            [cell("s", 6, 1, 6, 1), cell("t", 6, 3, 6, 3)],
        ])
        #expect(table.records.map(\.line) == [1, 4, 6])
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEnds(end: String) {
        let expected = [
            [cell("a", 1, 1, 1, 1), cell("b", 1, 3, 1, 3)],
            [cell("c", 2, 1, 2, 1), cell("dd", 2, 3, 2, 4)],
        ]
        #expect(cells(read("a,b\(end)c,dd\(end)")) == expected)
        #expect(cells(read("a,b\(end)c,dd")) == expected)
    }

    @Test func mixedLineEnds() {
        let table = read("a\rb\nc\r\nd\r\r\ne")
        #expect(table.records.map { $0.cells[0].text } == ["a", "b", "c", "d", "e"])
        // `d\r\r\n`: a lone CR, then an empty line ended by CRLF.
        #expect(table.records.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test func byteOrderMarkIsNoColumn() {
        let table = read("\u{FEFF}a,b\nc,d\n")
        #expect(table.byteOrderMark)
        #expect(cells(table) == [
            [cell("a", 1, 1, 1, 1), cell("b", 1, 3, 1, 3)],
            [cell("c", 2, 1, 2, 1), cell("d", 2, 3, 2, 3)],
        ])
        let quoted = read("\u{FEFF}\"a\";b")
        #expect(cells(quoted) == [[cell("a", 1, 1, 1, 3, quoted: true), cell("b", 1, 5, 1, 5)]])
        #expect(quoted.delimiter == UInt8(ascii: ";"))
        // Only at the start of the file: elsewhere U+FEFF is a character of the cell.
        #expect(cells(read("a,\u{FEFF}b")) == [[cell("a", 1, 1, 1, 1), cell("\u{FEFF}b", 1, 3, 1, 4)]])
    }

    @Test func blankLinesAreNoRecords() {
        let table = read("a,b\n\n\r\n\nc,d\n\n")
        #expect(cells(table) == [
            [cell("a", 1, 1, 1, 1), cell("b", 1, 3, 1, 3)],
            [cell("c", 5, 1, 5, 1), cell("d", 5, 3, 5, 3)],
        ])
        #expect(table.records.map(\.line) == [1, 5])
        for empty in ["", "\n", "\r\n\r\n", "\u{FEFF}"] {
            let nothing = read(empty)
            #expect(nothing.records.isEmpty && nothing.problems.isEmpty)
        }
    }

    @Test func rowOfEmptyCellsIsABlankRecord() {
        let table = read("a,b,c,d\n,,,\n\"\",,,\n, ,,\n")
        #expect(cells(table)[1] == [cell("", 2, 1, 2, 1), cell("", 2, 2, 2, 2), cell("", 2, 3, 2, 3), cell("", 2, 4, 2, 4)])
        // An empty quoted cell was written on purpose; a space is text.
        #expect(table.records.map(\.isBlank) == [false, true, false, false])
        // One empty quoted cell alone on its line is a record; an empty line is not.
        #expect(read("a\n\"\"\n\nb").records.map { $0.cells.map(\.text) } == [["a"], [""], ["b"]])
    }

    @Test func columnsCountCharactersNotBytes() {
        // `"é",x`: the quote, é, the quote and the comma are four characters, so x is at 5.
        #expect(cells(read("\"é\",x")) == [[cell("é", 1, 1, 1, 3, quoted: true), cell("x", 1, 5, 1, 5)]])
        #expect(cells(read("é,x")) == [[cell("é", 1, 1, 1, 1), cell("x", 1, 3, 1, 3)]])
        #expect(cells(read("日本語,€,x")) == [[cell("日本語", 1, 1, 1, 3), cell("€", 1, 5, 1, 5), cell("x", 1, 7, 1, 7)]])
        // Scalars, not graphemes: `e` + U+0301 is two, the emoji of a technologist three, 🙂 one.
        #expect(cells(read("e\u{301},👩\u{200D}💻,🙂,x"))[0].map(\.column) == [1, 4, 8, 10])
        // After a multi-line cell the count starts again at the line's start.
        #expect(cells(read("\"日\n本\",é,x"))[0].map(\.column) == [1, 4, 6])
    }

    @Test func tabsAndFileNames() {
        #expect(CSVReader.delimiter(forName: "bands.tsv") == UInt8(ascii: "\t"))
        #expect(CSVReader.delimiter(forName: "Bands.TAB") == UInt8(ascii: "\t"))
        #expect(CSVReader.delimiter(forName: "bands.csv") == nil)
        #expect(CSVReader.delimiter(forName: "tsv") == nil)
        let table = read("a\tb,c\t\"d\te\"\n", delimiter: "\t")
        #expect(cells(table) == [[cell("a", 1, 1, 1, 1), cell("b,c", 1, 3, 1, 5), cell("d\te", 1, 7, 1, 11, quoted: true)]])
        #expect(read("Level\tMin\tMax\nL1\t1,5\t2,5").delimiter == UInt8(ascii: "\t"))
        // A tab wins a tie: commas are typed into headers, tabs are not.
        #expect(read("Level\tMin, EUR\tMax, EUR\nL1\t1\t2").delimiter == UInt8(ascii: "\t"))
        #expect(read("Level\tPay; EUR\n").delimiter == UInt8(ascii: "\t"))
    }

    @Test func semicolonsAreFoundOnTheHeaderLine() {
        // A European export: `;` between cells, decimal commas inside them.
        let table = read("Level;Min;Max\nL1;40000,50;50000,00\n")
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(cells(table)[1] == [cell("L1", 2, 1, 2, 2), cell("40000,50", 2, 4, 2, 11), cell("50000,00", 2, 13, 2, 20)])
        // Delimiters inside quotes (even over lines) do not count.
        #expect(read("\"a,b,\nc,d\";e\n").delimiter == UInt8(ascii: ";"))
        #expect(read("\"a;b;c\",d\n").delimiter == UInt8(ascii: ","))
        // The header line is the first line that is not empty.
        #expect(read("\n\r\nLevel;Min\nL1;1,5\n").delimiter == UInt8(ascii: ";"))
        // A tie, or nothing to go by: a comma.
        #expect(read("a,b;c\n").delimiter == UInt8(ascii: ","))
        #expect(read("Level\nL1\n").delimiter == UInt8(ascii: ","))
        // A delimiter given is used as it is.
        #expect(cells(read("a;b,c", delimiter: ",")) == [[cell("a;b", 1, 1, 1, 3), cell("c", 1, 5, 1, 5)]])
    }

    @Test func unterminatedQuoteReadsTheRestOfTheFile() {
        let table = read("a,\"bc\nd,e\n")
        #expect(table.problems.count == 1)
        #expect(table.problems.first.map { ($0.line, $0.column) } ?? (0, 0) == (1, 3))
        #expect(table.problems.first?.message.contains("no closing quote") == true)
        // The cell's last character is the file's last line break, at line 2 column 4.
        #expect(cells(table) == [[cell("a", 1, 1, 1, 1), cell("bc\nd,e\n", 1, 3, 2, 4, quoted: true)]])
        // CRLF is one line break, and its CR is where the line ends.
        #expect(cells(read("x\n\"bc\r\n")) == [[cell("x", 1, 1, 1, 1)], [cell("bc\r\n", 2, 1, 2, 4, quoted: true)]])
        #expect(cells(read("\"é\r\n\r")) == [[cell("é\r\n\r", 1, 1, 2, 1, quoted: true)]])
        #expect(cells(read("\"\n")) == [[cell("\n", 1, 1, 1, 2, quoted: true)]])
        #expect(cells(read("a,\"b\"\"c")) == [[cell("a", 1, 1, 1, 1), cell("b\"c", 1, 3, 1, 7, quoted: true)]])
        #expect(cells(read("\"")) == [[cell("", 1, 1, 1, 1, quoted: true)]])
    }

    @Test func textAfterClosingQuote() {
        let table = read("\"ab\"cd,e\n\"x\" ;y\n", delimiter: ",")
        // Reported at the first character after the quote; the text is kept and the cell ends
        // with it.
        #expect(table.problems.map { [$0.line, $0.column] } == [[1, 5], [2, 4]])
        #expect(table.problems.allSatisfy { $0.message.contains("after the closing quote") })
        #expect(cells(table) == [
            [cell("abcd", 1, 1, 1, 6, quoted: true), cell("e", 1, 8, 1, 8)],
            [cell("x ;y", 2, 1, 2, 6, quoted: true)],
        ])
    }

    @Test func invalidUTF8IsOneProblemAtTheCell() {
        // `a,<FF FE>,b` / `<A3>,c`: Latin-1 bytes; A3 (a Windows-1252 £) is a UTF-8
        // continuation byte, which still takes a column, as its U+FFFD does in the text.
        let bytes: [UInt8] = Array("a,".utf8) + [0xFF, 0xFE] + Array(",b\n".utf8) + [0xA3] + Array(",c\n".utf8)
        let table = CSVReader().read(bytes)
        #expect(table.problems.count == 1)
        #expect(table.problems.first.map { [$0.line, $0.column] } == [1, 3])
        #expect(table.problems.first?.message.contains("not UTF-8") == true)
        #expect(cells(table) == [
            [cell("a", 1, 1, 1, 1), cell("\u{FFFD}\u{FFFD}", 1, 3, 1, 4), cell("b", 1, 6, 1, 6)],
            [cell("\u{FFFD}", 2, 1, 2, 1), cell("c", 2, 3, 2, 3)],
        ])
        // A cut-off € (E2 82) is one replacement character, one column.
        let cut = CSVReader().read([0xE2, 0x82] + Array(",x,\"".utf8) + [0xE2, 0x82] + Array("\",y".utf8))
        #expect(cells(cut) == [[cell("\u{FFFD}", 1, 1, 1, 1), cell("x", 1, 3, 1, 3), cell("\u{FFFD}", 1, 5, 1, 7, quoted: true), cell("y", 1, 9, 1, 9)]])
        #expect(cut.problems.count == 1)
    }

    @Test func columnsAgreeWithDecodedTextOnAnyBytes() {
        // Lines of random bytes (no quotes or line breaks): each cell's column is one more than
        // the characters Swift decodes from the bytes before it on its line, valid or not.
        var rng = SeededGenerator(state: 42)
        let pool: [[UInt8]] = [[0x61], [0x2C], [0x2C], [0x20], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x99, 0x82],
                               [0x80], [0xA3], [0xBF], [0xC0], [0xC2], [0xE0], [0xE0, 0xA0], [0xE0, 0x80], [0xED, 0xA0, 0x80],
                               [0xED, 0x9F], [0xF0, 0x90], [0xF0, 0x80], [0xF4, 0x90], [0xF4, 0x8F, 0xBF], [0xF5], [0xFF]]
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                (0..<Int.random(in: 0...12, using: &rng)).flatMap { _ in pool.randomElement(using: &rng)! }
            }
            var bytes: [UInt8] = []
            var expected: [[(text: [Unicode.Scalar], column: Int)]] = []
            for line in lines {
                bytes += line + Array("\n".utf8)
                var row: [(text: [Unicode.Scalar], column: Int)] = []
                var start = 0
                for k in 0...line.count where k == line.count || line[k] == 0x2C {
                    let before = String(decoding: line[..<start], as: UTF8.self).unicodeScalars.count
                    row.append((Array(String(decoding: line[start..<k], as: UTF8.self).unicodeScalars), before + 1))
                    start = k + 1
                }
                if !(row.count == 1 && row[0].text.isEmpty) { expected.append(row) }
            }
            let table = CSVReader(delimiter: UInt8(ascii: ",")).read(bytes)
            let got = table.records.map { $0.cells.map { (Array($0.text.unicodeScalars), $0.column) } }
            #expect(got.count == expected.count)
            for (g, e) in zip(got, expected) {
                #expect(g.map(\.0) == e.map(\.text), "\(bytes)")
                #expect(g.map(\.1) == e.map(\.column), "\(bytes)")
            }
        }
    }

    @Test func millionCellLine() {
        // Columns are counted on from the last cell, not from the line start for every cell; a
        // quadratic count would not finish here. Timed in bench/csv-read, not here.
        let cellCount = 1_000_000
        var bytes = [UInt8](repeating: UInt8(ascii: ","), count: 2 * cellCount - 1)
        for k in stride(from: 0, to: bytes.count, by: 2) { bytes[k] = UInt8(ascii: "a") }
        let table = CSVReader().read(bytes + Array("\nlast".utf8))
        #expect(table.records.count == 2)
        #expect(table.records[0].cells.count == cellCount)
        #expect(table.records[0].cells.last == cell("a", 1, 2 * cellCount - 1, 1, 2 * cellCount - 1))
        #expect(table.records[1].cells == [cell("last", 2, 1, 2, 4)])
    }

    @Test func wideLineLeavesNoRoomInLaterRecords() {
        // Every record after a line of 100,000 cells used to get an array with room for
        // 100,000 (`removeAll(keepingCapacity:)` on the array the record shared).
        let wide = String(repeating: "a,", count: 99_999) + "a\n"
        let table = read(wide + String(repeating: "b,c\n", count: 50))
        #expect(table.records.count == 51)
        #expect(table.records.dropFirst().allSatisfy { $0.cells.capacity <= 256 })
        #expect(table.records.dropFirst(2).allSatisfy { $0.cells.capacity < 16 })
    }
}
