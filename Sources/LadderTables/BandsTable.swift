import LadderCSV
import LadderModel
import LadderYAML

/// What a bands spreadsheet gave: its compensation document (decoded as the YAML decoder
/// would decode the same bands), the findings about it, and its money for `--redact`.
public struct BandsTableResult: Sendable {
    public var decoded: DecodedFile
    /// The text of every cell of a money column that could not be read: someone's pay still,
    /// read every way a number can be (`Redactor`).
    public var moneyTexts: [String] = []
    /// Every amount read from a money cell (as written, and divided by `equity_years`), and
    /// the ones the model derives: midpoints, bonus cells that are amounts in the wrong column.
    /// A cell read with the file's decimal mark has one value: reading `$400,000` every other
    /// way too (400.0) would hide every 400 in the report.
    public var moneyValues: [Double] = []
}

/// Reads a bands CSV or TSV, as mapped by `BandsMapping`, into one `kind: compensation`
/// document whose every value points at its cell: findings on it show `FILE:ROW:COLUMN`.
public struct BandsTable: Sendable {
    public var mapping: BandsMapping

    public init(mapping: BandsMapping) {
        self.mapping = mapping
    }

    /// Rows looked at for the header: exports often start with a title or a date line.
    static let headerSearch = 20

    public func decode(_ bytes: [UInt8], file: String) -> BandsTableResult {
        let table = CSVReader(delimiter: mapping.delimiter ?? CSVReader.delimiter(forName: file)).read(bytes)
        var result = BandsTableResult(decoded: DecodedFile())
        var problems: [(Span, String)] = []
        for p in table.problems {
            problems.append((Span(start: Mark(line: p.line, column: p.column), end: Mark(line: p.line, column: p.column)), "CSV: \(p.message)"))
            if p.message.contains("no closing quote") { result.decoded.unparsed = true }
        }
        let records = table.records.filter { !$0.isBlank }
        if records.isEmpty {
            problems.append((.unknown, "expected a header row and a row per band, found \(bytes.isEmpty ? "an empty file" : "no rows"): export the bands with a header row (level, min and max columns at least)"))
            finish(&result, file: file, problems: problems, document: nil)
            return result
        }
        result.decoded.documentCount = 1
        let header: (index: Int, columns: Columns)
        switch findHeader(records) {
        case .success(let found): header = found
        case .failure(let failure):
            problems.append((failure.span, failure.message))
            finish(&result, file: file, problems: problems, document: nil)
            return result
        }
        let columns = header.columns
        var bands: [Band] = []
        for record in records[(header.index + 1)...] {
            if let band = self.band(record, columns, problems: &problems, result: &result) { bands.append(band) }
        }
        let first = records[header.index].cells[0]
        let origin = Span(start: Mark(line: first.line, column: first.column), end: Mark(line: first.line, column: first.column))
        let currency = mapping.currency ?? bands.first?.currency ?? ""
        let document = Compensation(
            source: DocumentSource(file: file, index: 0), ladder: Located(mapping.ladder, span: origin),
            currency: Located(currency, span: origin), period: mapping.period, bands: bands)
        finish(&result, file: file, problems: problems, document: .compensation(document))
        return result
    }

    func finish(_ result: inout BandsTableResult, file: String, problems: [(Span, String)], document: Document?) {
        if let document { result.decoded.documents.append(document) }
        for (span, message) in problems {
            result.decoded.findings.append(Finding(
                rule: "invalid-document", severity: .error, message: message, location: Location(file: file, span: span),
                subjects: [], modelPath: "document[0]@\(span.start)"))
        }
        // Bands were left out: checks that judge the whole set of a ladder's bands would judge
        // an incomplete one (as for YAML).
        if !problems.isEmpty {
            result.decoded.brokenIDs.append(BrokenID(scope: .incomplete, ladder: mapping.ladder, id: DocumentKind.compensation.rawValue))
        }
    }

    // MARK: the header

    /// Column indexes by what they hold, and whether each header says percent.
    struct Columns {
        var index: [BandColumn: Int] = [:]
        var headers: [String] = []
        var percent: [BandColumn: Bool] = [:]

        /// A column's header as messages quote it (the file's text: capped).
        func name(_ c: BandColumn) -> String { index[c].map { Escape.capped(headers[$0], 80) } ?? c.rawValue }
    }

    struct HeaderFailure: Error {
        var span: Span
        var message: String
    }

    /// The first of the first rows that names every required column; else why the likeliest
    /// row does not.
    func findHeader(_ records: [CSVRecord]) -> Result<(index: Int, columns: Columns), HeaderFailure> {
        var best: (index: Int, columns: Columns, missing: [BandColumn], problem: String?)?
        for (i, record) in records.prefix(Self.headerSearch).enumerated() {
            let (columns, problem) = assign(record)
            var missing = BandColumn.required.filter { columns.index[$0] == nil }
            if mapping.currency == nil, columns.index[.currency] == nil { missing.append(.currency) }
            if missing.isEmpty, problem == nil { return .success((i, columns)) }
            if best == nil || columns.index.count > best!.columns.index.count { best = (i, columns, missing, problem) }
        }
        let b = best!
        let record = records[b.index]
        let span = Self.span(record.cells[0])
        if let problem = b.problem { return .failure(HeaderFailure(span: span, message: problem)) }
        // A header row is the pull request's text: at most 12 headers of at most 40 characters,
        // after the fix (a finding's message is capped; the fix must survive).
        var found = record.cells.prefix(12).map { "\"\(Escape.capped($0.text, 40))\"" }.joined(separator: ", ")
        if record.cells.count > 12 { found += " and \(record.cells.count - 12) more" }
        var message: String
        let explicit = b.missing.filter { mapping.columns[$0] != nil }
        if !explicit.isEmpty {
            message = explicit.map { "column \"\(Escape.capped(mapping.columns[$0]!, 40))\" (columns.\($0.rawValue))" }.joined(separator: " and ")
                + " \(explicit.count == 1 ? "is" : "are") not in the header row"
        } else {
            message = "expected a header row with \(b.missing.map { "a \($0.rawValue) column" }.joined(separator: ", ")), found none"
        }
        if b.missing.contains(.currency) && b.missing.count == 1 {
            message += ": add a currency column, or currency: USD (the ISO code of every amount) to the sources: entry"
        } else {
            let example = b.missing.filter { $0 != .currency }.map { "\($0.rawValue): \"\(Self.example($0))\"" }.joined(separator: ", ")
            message += ": name the columns in the sources: entry of .ladderlint.yml (columns: {\(example)}) or pass --columns to ladderlint import bands"
        }
        message += ". The headers \(b.index == 0 ? "of the first row" : "of row \(record.line)") are: \(found)"
        return .failure(HeaderFailure(span: span, message: message))
    }

    static func example(_ c: BandColumn) -> String {
        switch c {
        case .level: "Job Level"
        case .min: "Range Min"
        case .max: "Range Max"
        case .mid: "Midpoint"
        case .zone: "Location"
        case .currency: "Currency"
        case .bonusTarget: "Target Bonus %"
        case .equityMin: "Equity Min"
        case .equityMid: "Equity Mid"
        case .equityMax: "Equity Max"
        case .equityCurrency: "Equity Currency"
        }
    }

    /// Which column of `record` holds what: given names first, then known headers. Two
    /// columns recognised as one thing is a problem: which to read is the user's call.
    func assign(_ record: CSVRecord) -> (Columns, String?) {
        var columns = Columns()
        columns.headers = record.cells.map(\.text)
        let normalized = columns.headers.map(BandsMapping.normalized)
        for column in BandColumn.allCases {
            let hits: [Int]
            if let given = mapping.columns[column] {
                let want = BandsMapping.normalized(given)
                hits = normalized.indices.filter { normalized[$0] == want }
            } else {
                let known = Set(column.knownHeaders)
                hits = normalized.indices.filter { i in known.contains(normalized[i]) && !mapping.columns.values.contains { BandsMapping.normalized($0) == normalized[i] } }
            }
            guard let first = hits.first else { continue }
            if hits.count > 1 {
                let names = hits.prefix(2).map { "\"\(Escape.capped(columns.headers[$0], 80))\"" }.joined(separator: " and ")
                return (columns, "the columns \(names) both look like the \(column.rawValue) column: name the one to read in the sources: entry (columns: {\(column.rawValue): \(names.split(separator: " ").first!)})")
            }
            columns.index[column] = first
            columns.percent[column] = BandsMapping.isPercentHeader(columns.headers[first])
        }
        return (columns, nil)
    }

    // MARK: the rows

    static func span(_ cell: CSVCell) -> Span { cell.span }

    /// The band of one row, or nil (with its problems) when a required cell is missing or
    /// unreadable.
    func band(_ record: CSVRecord, _ columns: Columns, problems: inout [(Span, String)], result: inout BandsTableResult) -> Band? {
        let cells = record.cells
        let rowSpan = Self.span(cells[0]).through(Self.span(cells[cells.count - 1]))
        func cell(_ c: BandColumn) -> CSVCell? {
            guard let i = columns.index[c], i < cells.count else { return nil }
            return cells[i]
        }
        func text(_ c: BandColumn) -> Located<String>? {
            guard let cell = cell(c) else { return nil }
            let t = String(CellValues.trimmed(cell.text))
            return t.isEmpty ? nil : Located(t, span: Self.span(cell))
        }
        var ok = true
        func fail(_ span: Span, _ message: String) {
            problems.append((span, message))
            ok = false
        }

        guard let level = text(.level) else {
            let span = cell(.level).map(Self.span) ?? rowSpan
            fail(span, "level: expected a level id, found an empty cell in column \"\(columns.name(.level))\" of row \(record.line): fill it in, or delete the row")
            return nil
        }
        let zoneCell = text(.zone)
        let zone = zoneCell?.value ?? mapping.zone ?? "default"
        var currency = mapping.currency ?? ""
        if let c = text(.currency) {
            if DocumentDecoder.isCurrency(c.value) {
                currency = c.value
            } else {
                fail(c.span, "currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"\(Escape.capped(c.value, 80))\" in column \"\(columns.name(.currency))\"\(DocumentDecoder.currencyMeant(c.value).map { ": did you mean '\($0)'?" } ?? "")")
            }
        } else if mapping.currency == nil {
            fail(cell(.currency).map(Self.span) ?? rowSpan, "currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found an empty cell in column \"\(columns.name(.currency))\": fill it in, or give currency: in the sources: entry")
        }

        func amount(_ c: BandColumn, path: String, required: Bool, divisor: Int = 1) -> Located<Double>? {
            guard let cell = cell(c) else {
                if required { fail(rowSpan, "\(path): expected an amount, found no cell in column \"\(columns.name(c))\" (the row is shorter than the header)") }
                return nil
            }
            switch CellValues.amount(cell.text, decimal: mapping.decimal) {
            case .blank:
                if required { fail(Self.span(cell), "\(path): expected an amount, found an empty cell in column \"\(columns.name(c))\": fill it in, or delete the row") }
                return nil
            case .unreadable:
                result.moneyTexts.append(cell.text)
                fail(Self.span(cell), "\(path): expected an amount such as \(CellValues.amountForms(mapping.decimal)), found the string \"\(Escape.capped(cell.text, 80))\" in column \"\(columns.name(c))\"\(decimalHint(cell.text))")
                return nil
            case .value(let v):
                let value = v / Double(divisor)
                result.moneyValues.append(v)
                if divisor != 1 { result.moneyValues.append(value) }
                return Located(value, span: Self.span(cell))
            }
        }
        let min = amount(.min, path: "base.min", required: true)
        let mid = amount(.mid, path: "base.mid", required: false)
        let max = amount(.max, path: "base.max", required: true)

        var bonus: Located<Double>?
        if let cell = cell(.bonusTarget) {
            switch CellValues.fraction(cell.text, decimal: mapping.decimal, headerIsPercent: columns.percent[.bonusTarget] ?? false) {
            case .blank: break
            case .unreadable:
                fail(Self.span(cell), "bonus_target: expected a percentage or fraction of base such as \(CellValues.percentForms), found the string \"\(Escape.capped(cell.text, 80))\" in column \"\(columns.name(.bonusTarget))\"")
            case .value(let v):
                bonus = Located(v, span: Self.span(cell))
                // An amount in the bonus column: money, however the rules show it.
                if abs(v) > 1 { result.moneyValues += [abs(v), abs(v) * 100] }
                if let raw = CellValues.amount(cell.text, decimal: mapping.decimal).number, abs(raw) > 1 { result.moneyValues.append(abs(raw)) }
            }
        }

        var equity: AmountRange?
        let years = mapping.equityYears
        let eMin = amount(.equityMin, path: "equity.min", required: false, divisor: years)
        let eMid = amount(.equityMid, path: "equity.mid", required: false, divisor: years)
        let eMax = amount(.equityMax, path: "equity.max", required: false, divisor: years)
        if let eMin, let eMax {
            equity = AmountRange(min: eMin, mid: eMid, max: eMax, span: eMin.span.through(eMax.span))
            if eMid == nil { result.moneyValues.append(AmountRange.midpoint(eMin.value, eMax.value)) }
        } else if (eMin == nil) != (eMax == nil), let given = eMin ?? eMax {
            let missing = eMin == nil ? BandColumn.equityMin : .equityMax
            fail(given.span, "equity: expected both an equity min and max, found only one: fill in column \"\(columns.name(missing))\" of row \(record.line), or leave both empty")
        }
        // Equity in a currency of its own (a UK row in GBP, its equity in USD).
        if let c = text(.equityCurrency) {
            if !DocumentDecoder.isCurrency(c.value) {
                fail(c.span, "equity.currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"\(Escape.capped(c.value, 80))\" in column \"\(columns.name(.equityCurrency))\"\(DocumentDecoder.currencyMeant(c.value).map { ": did you mean '\($0)'?" } ?? "")")
            } else if c.value != currency {
                equity?.currency = c
            }
        }
        guard ok, let min, let max else { return nil }
        if mid == nil { result.moneyValues.append(AmountRange.midpoint(min.value, max.value)) }
        let base = AmountRange(min: min, mid: mid, max: max, span: rowSpan)
        return Band(level: level, zone: zone, currency: currency, period: mapping.period, base: base, bonusTarget: bonus, equity: equity, zoneSpan: zoneCell?.span)
    }

    /// A hint when an unreadable amount is written with the other decimal mark.
    func decimalHint(_ text: String) -> String {
        let other: DecimalMark = mapping.decimal == .point ? .comma : .point
        guard case .value = CellValues.amount(text, decimal: other) else { return "" }
        return other == .comma
            ? ": if this file writes 95.000 for ninety-five thousand, add decimal: comma to its sources: entry"
            : ": if this file writes 95,000 for ninety-five thousand, remove decimal: comma from its sources: entry"
    }
}

extension CellReading {
    var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}
