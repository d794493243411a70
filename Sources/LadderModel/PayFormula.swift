import LadderYAML

/// `kind: pay-formula`: pay published as a formula, as PostHog, Buffer and GitLab publish it:
/// a benchmark × a level factor × a step factor × a zone factor. Nobody should have to expand
/// it by hand: the resolver derives the bands it implies (`FormulaBands`), and every pay rule,
/// the metrics and the report read them as they read written-out bands.
public struct PayFormula: Sendable {
    public var source: DocumentSource
    public var ladder: Located<String>
    /// The benchmark's currency, and the currency of every zone that does not convert it.
    public var currency: Located<String>
    public var period: PayPeriod
    public var benchmark: FormulaBenchmark
    /// `level_factors`, in the order written.
    public var levelFactors: [FormulaFactor]
    /// `steps`, lowest first (the decoder requires it); empty when the formula has none.
    public var steps: [FormulaFactor]
    /// `zones`, in the order written; one zone `default` of factor 1 when the document gives none.
    public var zones: [FormulaZone]
    /// `zone_floor`: no zone factor is taken below it.
    public var zoneFloor: Located<Double>?
    /// `scales_with:`: what a pay component of the formula grows with.
    public var scalesWith: [PayScaling] = []

    public init(
        source: DocumentSource, ladder: Located<String>, currency: Located<String>, period: PayPeriod, benchmark: FormulaBenchmark,
        levelFactors: [FormulaFactor], steps: [FormulaFactor], zones: [FormulaZone], zoneFloor: Located<Double>?
    ) {
        self.source = source
        self.ladder = ladder
        self.currency = currency
        self.period = period
        self.benchmark = benchmark
        self.levelFactors = levelFactors
        self.steps = steps
        self.zones = zones
        self.zoneFloor = zoneFloor
    }

    /// The model path of a level's factor, `level_factors.em-4`: where a finding on a derived
    /// band, or on the factor itself, points.
    public static func factorPath(_ level: String) -> ModelPath { ModelPath.root.key("level_factors").key(level) }
}

/// A named factor: `swe-4: 1.2` under `level_factors`, `expert: 1.15` under `steps`.
public struct FormulaFactor: Sendable {
    /// The key, at its span.
    public var name: Located<String>
    /// The value, at its span.
    public var factor: Located<Double>

    public init(name: Located<String>, factor: Located<Double>) {
        self.name = name
        self.factor = factor
    }
}

/// `benchmark: 285000`, or one per job family (`benchmark: {engineering: 285000, design: 240000}`),
/// each level taking its `family`'s.
public enum FormulaBenchmark: Sendable {
    case single(Located<Double>)
    /// Family name (the key, at its span) and amount, in the order written.
    case perFamily([(family: Located<String>, amount: Located<Double>)])

    /// Every amount, for `--redact` and for the tests.
    public var amounts: [Double] {
        switch self {
        case .single(let a): [a.value]
        case .perFamily(let list): list.map(\.amount.value)
        }
    }
}

/// A pay zone of a formula: `uk-london: {factor: 0.68, currency: GBP, fx: 0.758}`.
public struct FormulaZone: Sendable {
    public var id: Located<String>
    public var factor: Located<Double>
    /// The zone's own currency, when `fx` converts the benchmark's into it; nil: the benchmark's.
    public var currency: Located<String>?
    /// Units of the zone's currency per unit of the benchmark's.
    public var fx: Located<Double>?

    public init(id: Located<String>, factor: Located<Double>, currency: Located<String>?, fx: Located<Double>?) {
        self.id = id
        self.factor = factor
        self.currency = currency
        self.fx = fx
    }
}

/// What a band derived from a pay formula was made of: what the pay checks compare formula
/// pairs on (factors, not rounded amounts) and what a finding on the band names. A class, so
/// that a `Band` holds one pointer for it: bands are copied often, and most are written out.
public final class BandFormula: Sendable {
    /// The level's factor, at its value: where every finding on the band points.
    public let factor: Located<Double>
    /// The benchmark applied: the document's, or that of the level's family.
    public let benchmark: Double
    /// The family whose benchmark applied; nil when the formula has one benchmark.
    public let family: String?
    /// The benchmark's currency (the band's is the zone's when `fx` converts it).
    public let currency: String
    /// The zone's factor, `zone_floor` applied.
    public let zoneFactor: Double
    /// The zone's exchange rate; nil when the zone is in the benchmark's currency.
    public let fx: Double?
    /// The formula's `scales_with:`, carried to each band it derives.
    public let scalesWith: [PayScaling]

    public init(factor: Located<Double>, benchmark: Double, family: String?, currency: String, zoneFactor: Double, fx: Double?, scalesWith: [PayScaling] = []) {
        self.factor = factor
        self.scalesWith = scalesWith
        self.benchmark = benchmark
        self.family = family
        self.currency = currency
        self.zoneFactor = zoneFactor
        self.fx = fx
    }

    /// benchmark × level factor: what two levels of one formula are compared on, as zone, fx
    /// and steps are the same for both.
    public var levelAmount: Double { benchmark * factor.value }
}
