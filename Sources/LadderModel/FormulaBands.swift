/// The bands a pay formula implies, one per level factor and zone, built as written bands are
/// so that every pay rule, the metrics and the report read them unchanged. Every span of a
/// derived band is its level factor's value (the level's is the factor's key), so a finding on
/// it lands on the factor that produced it; its path is the factor's (`level_factors.em-4`).
enum FormulaBands {
    /// The band of `level` in `zone`, or nil when the arithmetic leaves the numbers (a
    /// benchmark near Double's limit).
    static func band(_ f: PayFormula, factor lf: FormulaFactor, level: Level, track: Track, zone: FormulaZone, benchmark: Double, family: String?) -> PlacedBand? {
        let zoneFactor = FormulaMath.zoneFactor(zone.factor.value, floor: f.zoneFloor?.value)
        let amount = FormulaMath.amount(benchmark: benchmark, level: lf.factor.value, zone: zoneFactor, fx: zone.fx?.value)
        let made = FormulaMath.band(amount, steps: f.steps.map(\.factor.value))
        guard made.min.isFinite, made.max.isFinite, made.mid.isFinite, made.min > 0 else { return nil }
        let span = lf.factor.span
        func at(_ v: Double) -> Located<Double> { Located(v, span: span) }
        let steps = zip(f.steps, made.steps).map { BandStep(name: $0.name, amount: at($1)) }
        let formula = BandFormula(
            factor: lf.factor, benchmark: benchmark, family: family, currency: f.currency.value, zoneFactor: zoneFactor, fx: zone.fx?.value,
            scalesWith: f.scalesWith)
        let band = Band(
            level: Located(level.id.value, span: lf.name.span), zone: zone.id.value, currency: zone.currency?.value ?? f.currency.value,
            period: f.period, base: AmountRange(min: at(made.min), mid: at(made.mid), max: at(made.max), span: span),
            bonusTarget: nil, equity: nil, steps: steps,
            formula: formula)
        return PlacedBand(band: band, source: f.source, level: level, track: track)
    }

    /// Why `level` has no benchmark in a formula with one per family.
    static func noBenchmark(_ level: Level, family: String?, ladderFile: String, families: [String]) -> String {
        let at = "\(ladderFile):\(level.id.span.start.line)"
        let list = families.prefix(12).joined(separator: ", ") + (families.count > 12 ? ", ..." : "")
        guard let family else {
            return "level '\(level.id.value)' (\(at)) has no family, and this pay formula gives one benchmark per family (\(list)): add `family:` to the level, or give one benchmark"
        }
        var message = "no benchmark for family '\(family)' of level '\(level.id.value)' (\(at)) in this pay formula"
        if let s = Suggest.nearest(family, in: families) { message += ": did you mean '\(s)'?" } else { message += "." }
        return message + " Benchmarks: \(list)"
    }
}

extension PayFormula {
    /// The benchmark a level of `family` is paid from, and that family (nil for one
    /// benchmark); nil when the formula has one per family and none for the level's.
    public func benchmark(family: String?) -> (amount: Double, family: String?)? {
        switch benchmark {
        case .single(let a):
            return (a.value, nil)
        case .perFamily(let list):
            guard let family, let entry = list.first(where: { $0.family.value == family }) else { return nil }
            return (entry.amount.value, family)
        }
    }

    /// The families the benchmark names, in the order written; empty for one benchmark.
    var families: [String] {
        guard case .perFamily(let list) = benchmark else { return [] }
        return list.map(\.family.value)
    }
}
