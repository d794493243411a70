import LadderModel
import LadderTables
import LadderYAML
import Testing

/// Cell values as comp tools and spreadsheets export them (docs/import.md, "Cell values").
@Suite struct CellValueTests {
    @Test(arguments: [
        ("187123", 187_123.0), ("187,123", 187_123), ("$187,123", 187_123), ("$187,123.50", 187_123.5),
        ("USD 187,123", 187_123), ("187,123 USD", 187_123), ("US$187,123", 187_123), ("187k", 187_000), ("187 K", 187_000),
        ("1.2M", 1_200_000), ("£95,000", 95_000), ("1,234,567", 1_234_567), ("187\u{A0}123", 187_123), ("187'123", 187_123),
        ("(1,200)", -1_200), ("-1,200", -1_200), ("  $ 150,000  ", 150_000), ("150000.00", 150_000),
    ])
    func amountsWithADecimalPoint(text: String, value: Double) {
        #expect(CellValues.amount(text, decimal: .point) == .value(value))
    }

    @Test(arguments: [
        ("€95.000", 95_000.0), ("95.000 €", 95_000), ("95.000,50", 95_000.5), ("1.234.567", 1_234_567), ("187k", 187_000),
        ("1,2M", 1_200_000), ("95 000", 95_000), ("EUR 95.000", 95_000), ("95000", 95_000),
    ])
    func amountsWithADecimalComma(text: String, value: Double) {
        #expect(CellValues.amount(text, decimal: .comma) == .value(value))
    }

    /// A separator that does not split groups of three is the other convention's decimal:
    /// refused, not guessed (187,12 read as 18,712 would misread pay 1,000-fold).
    @Test(arguments: ["187,12", "18,71,23", "95.000", "abc", "$", "12x", "1.2.3", "one hundred", "187,123.5.0"])
    func unreadableAmountsWithAPoint(text: String) {
        #expect(CellValues.amount(text, decimal: .point) == .unreadable)
    }

    /// Beyond Double's range: unreadable, never an infinite amount (found by fuzz/run --target csv).
    @Test func amountsTooLargeForANumberAreUnreadable() {
        let nines = String(repeating: "9", count: 400)
        #expect(CellValues.amount(nines, decimal: .point) == .unreadable)
        #expect(CellValues.amount("1" + String(repeating: "0", count: 306) + "k", decimal: .point) == .unreadable)
        #expect(CellValues.fraction(nines + "%", decimal: .point, headerIsPercent: false) == .unreadable)
    }

    @Test(arguments: ["95,000", "95.00", "12x"])
    func unreadableAmountsWithAComma(text: String) {
        #expect(CellValues.amount(text, decimal: .comma) == .unreadable)
    }

    @Test func blankCells() {
        #expect(CellValues.amount("", decimal: .point) == .blank)
        #expect(CellValues.amount("   ", decimal: .point) == .blank)
        #expect(CellValues.fraction("", decimal: .point, headerIsPercent: true) == .blank)
    }

    @Test func percentagesAndFractions() {
        #expect(CellValues.fraction("10%", decimal: .point, headerIsPercent: false) == .value(0.10))
        #expect(CellValues.fraction("12.5 %", decimal: .point, headerIsPercent: false) == .value(0.125))
        #expect(CellValues.fraction("12,5%", decimal: .comma, headerIsPercent: false) == .value(0.125))
        #expect(CellValues.fraction("0.10", decimal: .point, headerIsPercent: false) == .value(0.10))
        // Under a `%` header a bare number is a percentage.
        #expect(CellValues.fraction("15", decimal: .point, headerIsPercent: true) == .value(0.15))
        #expect(CellValues.fraction("ten", decimal: .point, headerIsPercent: true) == .unreadable)
    }
}

/// A bands spreadsheet into a compensation document whose values point at their cells.
@Suite struct BandsTableTests {
    func decode(_ text: String, _ mapping: BandsMapping = BandsMapping(ladder: "acme"), file: String = "bands.csv") -> BandsTableResult {
        BandsTable(mapping: mapping).decode(Array(text.utf8), file: file)
    }

    func bands(_ r: BandsTableResult) -> [Band] {
        guard case .compensation(let c)? = r.decoded.documents.first else { return [] }
        return c.bands
    }

    @Test func headersAreRecognisedAndCellsLocated() throws {
        let r = decode("Job Level,Location,Currency,Range Min,Midpoint,Range Max,Target Bonus %,Equity Min,Equity Max\n"
            + "swe-3,us-sf,USD,\"$150,000\",,\"$200,000\",10,\"$80,000\",\"$160,000\"\n", {
                var m = BandsMapping(ladder: "acme")
                m.equityYears = 4
                return m
            }())
        #expect(r.decoded.findings.isEmpty)
        let b = try #require(bands(r).first)
        #expect(b.level.value == "swe-3" && b.zone == "us-sf" && b.currency == "USD")
        #expect(b.base.min.value == 150_000 && b.base.max.value == 200_000 && b.base.mid == nil)
        #expect(b.bonusTarget?.value == 0.10)
        #expect(b.equity?.min.value == 20_000 && b.equity?.max.value == 40_000)
        // Line 2; "$150,000" starts at column 17 (its opening quote) and ends before 27.
        #expect(b.base.min.span == Span(start: Mark(line: 2, column: 17), end: Mark(line: 2, column: 27)))
        #expect(b.level.span.start == Mark(line: 2, column: 1))
    }

    @Test func aTitleRowBeforeTheHeaderIsSkipped() {
        let r = decode("Pay bands exported 2026-11-01,,\n,,\nLevel,Min,Max\nswe-3,100000,120000\n", {
            var m = BandsMapping(ladder: "acme")
            m.currency = "USD"
            return m
        }())
        #expect(r.decoded.findings.isEmpty)
        #expect(bands(r).first?.base.min.span.start == Mark(line: 4, column: 7))
    }

    @Test func explicitColumnsWinOverRecognisedOnes() {
        var m = BandsMapping(ladder: "acme")
        m.columns = [.min: "Floor", .max: "Ceiling"]
        m.currency = "USD"
        let r = decode("Level,Min,Floor,Ceiling\nswe-3,1,100000,120000\n", m)
        #expect(r.decoded.findings.isEmpty)
        #expect(bands(r).first?.base.min.value == 100_000)
    }

    @Test func aMissingColumnListsTheHeadersFound() throws {
        let r = decode("Job Level,Low,High,Currency\nswe-3,1,2,USD\n")
        let f = try #require(r.decoded.findings.first)
        #expect(f.rule == "invalid-document" && f.location.line == 1 && f.location.column == 1)
        #expect(f.message.hasSuffix("The headers of the first row are: \"Job Level\", \"Low\", \"High\", \"Currency\""))
        #expect(f.message.contains("a min column") && f.message.contains("a max column") && f.message.contains("columns:"))
        #expect(r.decoded.documents.isEmpty)
    }

    @Test func aGivenColumnThatIsNotThereIsNamed() throws {
        var m = BandsMapping(ladder: "acme")
        m.columns = [.level: "Job Level"]
        let r = decode("Level,Min,Max,Currency\nswe-3,1,2,USD\n", m)
        let f = try #require(r.decoded.findings.first)
        #expect(f.message.hasPrefix("column \"Job Level\" (columns.level) is not in the header row"))
    }

    @Test func twoColumnsForOneFieldAreAmbiguous() throws {
        let r = decode("Level,Min,Salary Min,Max,Currency\nswe-3,1,2,3,USD\n")
        let f = try #require(r.decoded.findings.first)
        #expect(f.message.contains("\"Min\" and \"Salary Min\" both look like the min column"))
    }

    @Test func anUnreadableCellIsReportedAtItsCellWithTheAcceptedForms() throws {
        let r = decode("Level,Currency,Min,Max\nswe-3,USD,\"18x,000\",200000\nswe-4,USD,210000,250000\n")
        let f = try #require(r.decoded.findings.first)
        #expect(f.location.line == 2 && f.location.column == 11)
        #expect(f.message.hasPrefix("base.min: expected an amount such as 187123, 187,123"))
        #expect(f.message.contains("found the string \"18x,000\" in column \"Min\""))
        // The row is left out, the others are kept, and the set is marked incomplete.
        #expect(bands(r).map(\.level.value) == ["swe-4"])
        #expect(r.decoded.brokenIDs.contains { $0.scope == .incomplete && $0.id == "compensation" })
        // Its text is kept for --redact.
        #expect(r.moneyTexts == ["18x,000"])
    }

    @Test func theOtherDecimalMarkGetsAHint() throws {
        let r = decode("Level,Currency,Min,Max\nswe-3,EUR,95.000,120.000\n")
        let f = try #require(r.decoded.findings.first)
        #expect(f.message.contains("add decimal: comma to its sources: entry"))
    }

    @Test func emptyRequiredCellsAndMissingCurrency() throws {
        let r = decode("Level,Min,Max,Currency\n,1,2,USD\nswe-3,,2,USD\nswe-4,1,2,\n")
        let messages = r.decoded.findings.map(\.message)
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix("level: expected a level id, found an empty cell"))
        #expect(messages[1].hasPrefix("base.min: expected an amount, found an empty cell"))
        #expect(messages[2].hasPrefix("currency: expected a three-letter ISO 4217 code"))
        #expect(bands(r).isEmpty)
    }

    @Test func quotedCellsEmbeddedNewlinesCRLFAndBOMKeepPositions() throws {
        let text = "\u{FEFF}Level,Notes,Currency,Min,Max\r\nswe-3,\"two\r\nlines, \"\"quoted\"\"\",USD,100000,120000\r\nswe-4,,USD,130000,x\r\n"
        let r = decode(text)
        let f = try #require(r.decoded.findings.first)
        // swe-4's row starts on line 4 (the Notes cell of swe-3 spans lines 2-3); "x" is the 5th cell.
        #expect(f.location.line == 4 && f.location.column == 19)
        #expect(bands(r).first?.base.min.span.start == Mark(line: 3, column: 24))
    }

    @Test func semicolonsAndTabs() {
        var m = BandsMapping(ladder: "acme")
        m.decimal = .comma
        m.currency = "EUR"
        let r = decode("Level;Min;Max\nswe-3;€95.000;€120.000\n", m)
        #expect(bands(r).first?.base.max.value == 120_000)
        let t = decode("Level\tMin\tMax\tCurrency\nswe-3\t1\t2\tUSD\n", file: "bands.tsv")
        #expect(bands(t).first?.base.max.value == 2)
    }

    @Test func derivedAndDividedAmountsAreCollectedForRedaction() {
        var m = BandsMapping(ladder: "acme")
        m.equityYears = 4
        m.currency = "USD"
        let r = decode("Level,Min,Max,Equity Min,Equity Max\nswe-3,100000,120000,40000,80000\n", m)
        for v in [100_000.0, 120_000, 110_000, 40_000, 80_000, 10_000, 20_000, 15_000] {
            #expect(r.moneyValues.contains(v), "\(v)")
        }
    }

    /// A header row and cells are the pull request's text: messages quote at most 12 headers of
    /// at most 40 characters, after the fix, and at most 80 characters of a cell.
    @Test func messagesQuotingTheFileAreBounded() throws {
        let header = (0..<5_000).map { "h\($0)" + String(repeating: "x", count: 300) }.joined(separator: ",")
        let r = decode(header + "\n1,2,3\n")
        let f = try #require(r.decoded.findings.first)
        #expect(f.message.utf8.count < 1_600, "\(f.message.utf8.count)")
        #expect(f.message.contains("columns: {level: \"Job Level\", min: \"Range Min\", max: \"Range Max\"}"))
        #expect(f.message.hasSuffix("and 4988 more"))
        let long = String(repeating: "9x", count: 10_000)
        let cell = decode("Level,Currency,Min,Max\nic-4,USD,\(long),2\n")
        #expect(try #require(cell.decoded.findings.first).message.utf8.count < 1_000)
    }

    @Test func anEmptyFile() throws {
        let r = decode("")
        #expect(try #require(r.decoded.findings.first).message.contains("found an empty file"))
    }
}
