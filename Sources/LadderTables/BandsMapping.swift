import LadderModel

/// A column of a bands spreadsheet, by what it holds.
public enum BandColumn: String, Sendable, CaseIterable, Hashable {
    case level, zone, currency, min, mid, max
    case bonusTarget = "bonus_target"
    case equityMin = "equity_min", equityMid = "equity_mid", equityMax = "equity_max"
    /// The currency of the equity columns, when it is not the row's (issue 18.6).
    case equityCurrency = "equity_currency"

    /// Without these a row is no band.
    public static let required: [BandColumn] = [.level, .min, .max]

    public var isMoney: Bool { [.min, .mid, .max, .equityMin, .equityMid, .equityMax].contains(self) }

    /// Header names recognised without a `columns:` mapping, as `BandsMapping.normalized`
    /// writes them (lower case, without spaces, `_`, `-`, `.`, `%`, brackets and `#`).
    public var knownHeaders: [String] {
        switch self {
        case .level: ["level", "joblevel", "grade", "jobgrade", "levelid", "levelcode", "joblevelcode", "careerlevel", "jobcode"]
        case .zone: ["zone", "location", "geo", "geozone", "tier", "locationtier", "geotier", "geography", "paytier", "payzone", "region", "locationzone"]
        case .currency: ["currency", "currencycode", "ccy", "cur"]
        case .min: Self.prefixed(["min", "minimum"]) + ["minsalary", "minimumsalary", "minbase", "minbasesalary", "minpay"]
        case .mid: Self.prefixed(["mid", "midpoint"]) + ["midsalary", "midbase", "midbasesalary", "midpay"]
        case .max: Self.prefixed(["max", "maximum"]) + ["maxsalary", "maximumsalary", "maxbase", "maxbasesalary", "maxpay"]
        case .bonusTarget: ["bonus", "bonustarget", "targetbonus", "bonuspct", "bonuspercent", "bonuspercentage", "targetbonuspct", "targetbonuspercent", "bonustargetpct", "targetbonuspercentage", "variablepay", "variabletarget"]
        case .equityMin: Self.equity(["min", "minimum"])
        case .equityMid: Self.equity(["mid", "midpoint"])
        case .equityMax: Self.equity(["max", "maximum"])
        case .equityCurrency: ["equitycurrency", "equityccy", "stockcurrency", "rsucurrency", "grantcurrency"]
        }
    }

    static let payPrefixes = ["", "range", "salary", "salaryrange", "base", "basesalary", "basepay", "pay", "payrange", "band", "basesalaryrange", "annualbase", "annualsalary"]

    static func prefixed(_ words: [String]) -> [String] {
        payPrefixes.flatMap { p in words.map { p + $0 } }
    }

    static func equity(_ words: [String]) -> [String] {
        ["equity", "equitygrant", "equityrange", "stock", "rsu", "rsus", "annualequity"].flatMap { p in words.flatMap { [p + $0, $0 + p] } }
    }
}

/// How one bands spreadsheet becomes a compensation document: the `sources:` entry of
/// `.ladderlint.yml` (or `import bands`'s options), with its defaults.
public struct BandsMapping: Sendable {
    public var ladder: String
    /// Header names given for columns; the rest are recognised by `BandColumn.knownHeaders`.
    public var columns: [BandColumn: String] = [:]
    /// The equity columns hold a grant over this many years: each is divided by it.
    public var equityYears: Int = 1
    public var decimal: DecimalMark = .point
    /// For rows without a currency column or cell.
    public var currency: String?
    /// For rows without a zone column or cell; else "default", as in YAML.
    public var zone: String?
    public var period: PayPeriod = .annual
    /// nil: `.tsv` is tab-separated, else found on the header line (`,`, `;` or tab).
    public var delimiter: UInt8?

    public init(ladder: String) {
        self.ladder = ladder
    }

    /// The delimiter a `delimiter:` setting or `--delimiter` names: `,`, `;`, `|` or tab.
    public static func delimiter(named name: String) -> UInt8? {
        [",": 44, ";": 59, "|": 124, "tab": 9, "\t": 9, "\\t": 9][name]
    }

    /// A header as compared: case, spaces and punctuation do not count (`Range Min` = `range_min`).
    public static func normalized(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { u in
            !(u == " " || u == "_" || u == "-" || u == "." || u == "%" || u == "(" || u == ")" || u == "[" || u == "]" || u == "#"
              || u == "/" || u == ":" || u == "\u{A0}" || u == "\t" || u == "\u{FEFF}")
        }.map(Character.init))
    }

    /// Whether a header says its values are percentages (`Target Bonus %`, `Bonus (percent)`).
    public static func isPercentHeader(_ header: String) -> Bool {
        let lower = header.lowercased()
        return lower.contains("%") || lower.contains("percent") || lower.contains("pct")
    }
}
