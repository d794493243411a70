import LadderModel
import LadderRules
import LadderTables
import LadderYAML

/// The `sources:` setting of `.ladderlint.yml`: spreadsheets read as documents of the run.
///
/// ```yaml
/// sources:
///   - path: comp/bands-2026.csv
///     kind: compensation
///     ladder: acme-engineering
///     columns: {level: "Job Level", min: "Range Min", max: "Range Max"}
///     equity_years: 4
/// ```
enum SourcesSetting {
    static let keys = ["path", "kind", "ladder", "columns", "equity_years", "decimal", "currency", "zone", "period", "delimiter"]

    static func parse(_ node: Node, anchor: Span, file: String, directory: String) throws -> [BandsSource] {
        guard case .sequence(let items) = node.content else {
            throw UsageError(file: file, span: anchor, "sources: expected a list of sources (each with path, kind and ladder), found \(node.settingsNoun)")
        }
        var seen: [String: Span] = [:]
        return try items.map { item in
            let r = try SettingsReader(file: file, node: item, anchor: item.span, what: "a source", keys: keys)
            let path = try r.string("path", required: true)!
            let kind = try r.string("kind", required: true)!
            let kindSpan = r.pair("kind")!.value.span
            guard kind == DocumentKind.compensation.rawValue else {
                throw UsageError(file: file, span: kindSpan, Self.notASpreadsheetKind(kind))
            }
            let ladder = try r.string("ladder", required: true)!
            var mapping = BandsMapping(ladder: ladder)
            if let p = r.pair("columns") {
                guard case .mapping(let pairs) = p.value.content else {
                    throw UsageError(file: file, span: p.anchorSpan, "columns: expected a mapping of field to header name, such as {level: \"Job Level\", min: \"Range Min\"}")
                }
                let fields = BandColumn.allCases.map(\.rawValue)
                for q in pairs {
                    let key = q.key.scalarText ?? ""
                    guard let column = BandColumn(rawValue: key) else {
                        var message = "columns: unknown field '\(key)'"
                        if let s = Suggest.nearest(key, in: fields) { message += ": did you mean '\(s)'?" } else { message += "." }
                        throw UsageError(file: file, span: q.key.span, message + " Fields: \(fields.joined(separator: ", "))")
                    }
                    guard !q.value.isCollection, let header = q.value.scalarText, !header.isEmpty else {
                        throw UsageError(file: file, span: q.value.span, "columns.\(key): expected the header of a column, as text, found \(q.value.settingsNoun)")
                    }
                    mapping.columns[column] = header
                }
            }
            if let years = try r.int("equity_years") {
                guard (1...50).contains(years) else {
                    throw UsageError(file: file, span: r.pair("equity_years")!.value.span, "equity_years: expected the years a grant vests over, from 1 to 50, found \(years)")
                }
                mapping.equityYears = years
            }
            if let d = try r.string("decimal") {
                guard let mark = DecimalMark(rawValue: d) else {
                    throw UsageError(file: file, span: r.pair("decimal")!.value.span, "decimal: expected point (187,123.50) or comma (187.123,50), found '\(d)'\(SettingsReader.meant(d, in: DecimalMark.allCases.map(\.rawValue)))")
                }
                mapping.decimal = mark
            }
            if let c = try r.string("currency") {
                guard DocumentDecoder.isCurrency(c) else {
                    throw UsageError(file: file, span: r.pair("currency")!.value.span, "currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found '\(c)'\(DocumentDecoder.currencyMeant(c).map { ": did you mean '\($0)'?" } ?? "")")
                }
                mapping.currency = c
            }
            mapping.zone = try r.string("zone")
            if let p = try r.string("period") {
                guard let period = PayPeriod(rawValue: p) else {
                    throw UsageError(file: file, span: r.pair("period")!.value.span, "period: expected annual or monthly, found '\(p)'\(SettingsReader.meant(p, in: PayPeriod.allCases.map(\.rawValue)))")
                }
                mapping.period = period
            }
            if let d = try r.string("delimiter") {
                guard let byte = BandsMapping.delimiter(named: d) else {
                    throw UsageError(file: file, span: r.pair("delimiter")!.value.span, "delimiter: expected \",\", \";\", \"|\" or tab, found '\(d)'")
                }
                mapping.delimiter = byte
            }
            let span = r.pair("path")!.value.span
            let absolute = Discovery.absolute(path, cwd: directory)
            if let earlier = seen[absolute] {
                throw UsageError(file: file, span: span, "sources: '\(path)' is mapped twice (also at line \(earlier.start.line)): keep one entry per file")
            }
            seen[absolute] = span
            return BandsSource(mapping: mapping, path: path, absolute: absolute, span: span)
        }
    }

    /// Only bands come from a spreadsheet; each other kind says where it comes from instead.
    /// Unescaped: UsageError escapes and caps what it prints.
    static func notASpreadsheetKind(_ kind: String) -> String {
        switch DocumentKind(rawValue: kind) {
        case .survey?:
            return "kind: survey sources are not read from spreadsheets (only compensation is): convert the answers once with `ladderlint import survey` and lint the YAML it writes"
        case .payFormula?:
            return "kind: pay-formula is not read from a spreadsheet (only compensation is): write the formula as a YAML document with kind: pay-formula (docs/format.md, \"Pay formulas\"); ladderlint derives the bands"
        case .compensation?, nil:
            return "kind: expected compensation (bands), found '\(kind)'"
        case .ladder?:
            return "kind: ladder sources are not read from spreadsheets (only compensation is): convert the file once with `ladderlint import ladder` and lint the YAML it writes"
        case let other?:
            return "kind: \(other.rawValue) sources are not read from spreadsheets (only compensation is): write it as a YAML document with kind: \(other.rawValue) (docs/format.md)"
        }
    }
}
