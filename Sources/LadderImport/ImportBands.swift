import LadderCSV
import LadderModel
import LadderRules
import LadderTables
import LadderYAML

/// `ladderlint import bands`: a bands spreadsheet written as a `kind: compensation` document,
/// read exactly as a `sources:` entry reads it (BandsTable), so the YAML lints with the same
/// findings as the spreadsheet did. A file with problems is not imported: every problem is
/// listed (`FILE:ROW:COLUMN: message`) and nothing is written.
public enum ImportBands {
    /// The problems that stopped an import, each with its place.
    public struct Problems: Error, CustomStringConvertible {
        public var errors: [UsageError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// The YAML for `bytes`, read as `file` (as the comments and errors name it) with `mapping`.
    public static func yaml(_ bytes: [UInt8], file: String, mapping: BandsMapping) throws -> String {
        let result = BandsTable(mapping: mapping).decode(bytes, file: file)
        if !result.decoded.findings.isEmpty {
            throw Problems(errors: result.decoded.findings.map { UsageError(file: file, span: $0.location.span, $0.message) })
        }
        guard case .compensation(let doc)? = result.decoded.documents.first, !doc.bands.isEmpty else {
            throw Problems(errors: [UsageError(file: file, "no bands: the file has a header row and no rows under it")])
        }
        // The document's currency: the mapping's, else the one most bands are in.
        var counts: [String: Int] = [:]
        for b in doc.bands { counts[b.currency, default: 0] += 1 }
        let currency = mapping.currency ?? counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key

        var out = "# Imported from \(YAMLText.comment(file)) by ladderlint import bands: \(doc.bands.count) band\(doc.bands.count == 1 ? "" : "s").\n"
        out += "# Amounts as the file writes them"
        out += mapping.equityYears > 1 ? "; equity annualised (grants over \(mapping.equityYears) years divided by \(mapping.equityYears)).\n" : ".\n"
        out += "# Each band names the row it came from: edit the spreadsheet and import again, or edit here.\n"
        out += "kind: compensation\n"
        out += "ladder: \(YAMLText.scalar(mapping.ladder))\n"
        out += "currency: \(YAMLText.scalar(currency))\n"
        out += "period: \(mapping.period.rawValue)\n"
        out += "bands:\n"
        let shown = YAMLText.comment(file)
        for b in doc.bands {
            out += "  # from \(shown) row \(b.level.span.start.line)\n"
            out += "  - level: \(YAMLText.scalar(b.level.value))\n"
            out += "    zone: \(YAMLText.scalar(b.zone))\n"
            if b.currency != currency { out += "    currency: \(YAMLText.scalar(b.currency))\n" }
            out += "    base: \(range(b.base))\n"
            if let bonus = b.bonusTarget { out += "    bonus_target: \(YAMLText.number(bonus.value))\n" }
            if let equity = b.equity { out += "    equity: \(range(equity))\n" }
        }
        return out
    }

    static func range(_ r: AmountRange) -> String {
        var parts = ["min: \(YAMLText.number(r.min.value))"]
        if let mid = r.mid { parts.append("mid: \(YAMLText.number(mid.value))") }
        parts.append("max: \(YAMLText.number(r.max.value))")
        if let currency = r.currency { parts.append("currency: \(YAMLText.scalar(currency.value))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// `--columns level=Job Level,min=Range Min` (repeatable; a header with a comma goes in
    /// its own `--columns`).
    public static func columns(_ specs: [String]) throws -> [BandColumn: String] {
        var out: [BandColumn: String] = [:]
        let fields = BandColumn.allCases.map(\.rawValue)
        for spec in specs {
            let pairs = spec.split(separator: ",").contains(where: { !$0.contains("=") }) ? [Substring(spec)] : spec.split(separator: ",")
            for pair in pairs {
                guard let eq = pair.firstIndex(of: "=") else {
                    throw UsageError("--columns: expected FIELD=HEADER (such as level=Job Level), found '\(pair)'")
                }
                let key = pair[..<eq].trimmingCharacters(in: " "), header = pair[pair.index(after: eq)...].trimmingCharacters(in: " ")
                guard let column = BandColumn(rawValue: key) else {
                    var message = "--columns: unknown field '\(key)'"
                    if let s = Suggest.nearest(key, in: fields) { message += ": did you mean '\(s)'?" } else { message += "." }
                    throw UsageError(message + " Fields: \(fields.joined(separator: ", "))")
                }
                guard !header.isEmpty else { throw UsageError("--columns: \(key)= needs a header name") }
                out[column] = header
            }
        }
        return out
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
