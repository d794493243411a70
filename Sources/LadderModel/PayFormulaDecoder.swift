import LadderYAML

/// Decodes `kind: pay-formula`, with findings worded as `MappingReader` words them (key path,
/// expected, found, fix; did-you-mean on keys). A wrong value that every band depends on
/// (ladder, currency, period, benchmark, steps, zones as a whole, zone_floor) drops the
/// document, since each band it implied would be wrong; a wrong level factor or zone drops only
/// that factor or zone, and the rest is derived. Level ids and families are checked by the
/// resolver, which knows the ladder.
struct PayFormulaDecoder {
    let context: DecodeContext
    private static let what = "a pay formula"

    func decode(_ root: TableNode, _ source: DocumentSource) -> PayFormula? {
        let (pairs, suggested) = keys(of: root)
        var ok = true
        func required(_ key: String, _ expected: String) -> TablePair? {
            if let p = pairs[key] { return p }
            ok = false
            if !suggested.contains(key) { context.fail(root.span, .root, "\(Self.what) lacks the required key '\(key)' (\(expected)): add it") }
            return nil
        }
        func path(_ key: String) -> DecodePath { DecodePath.root.key(key) }

        let ladder = required("ladder", "the id of the ladder whose levels the factors are for").flatMap { text($0, path("ladder")) }
        var currency = required("currency", "the benchmark's ISO 4217 code, such as USD").flatMap { text($0, path("currency")) }
        if let cur = currency, !DocumentDecoder.isCurrency(cur.value) {
            context.fail(cur.span, path("currency"), DocumentDecoder.currencyProblem(cur.value))
            currency = nil
        }
        var period = PayPeriod.annual
        if let p = pairs["period"] {
            if let v = p.value.scalarText.flatMap(PayPeriod.init(rawValue:)) { period = v } else {
                let names = PayPeriod.allCases.map(\.rawValue)
                var message = "expected one of \(names.joined(separator: ", ")), found \(p.value.kindDescription)"
                if let t = p.value.scalarText, let s = Suggest.nearest(t, in: names) { message += ": did you mean '\(s)'?" }
                context.fail(p.anchorSpan, path("period"), message)
                ok = false
            }
        }
        let benchmark = required("benchmark", "an amount such as 285000, or one per job family such as {engineering: 285000}").flatMap(benchmark)
        let levelFactors = required("level_factors", "a mapping of level id to factor such as {swe-3: 1.0, swe-4: 1.2}").flatMap {
            factors($0, path("level_factors"), of: "level id to factor", example: "{swe-3: 1.0, swe-4: 1.2}", expected: "a factor above 0 such as 1.2").map(\.list)
        }
        var steps: [FormulaFactor] = []
        if let p = pairs["steps"] {
            if let read = factors(p, path("steps"), of: "step name to factor", example: "{learning: 0.85, thriving: 1.0, expert: 1.15}", expected: "a factor above 0 such as 1.15"), read.ok {
                steps = read.list
                ok = ascending(steps) && ok
            } else {
                ok = false
            }
        }
        var zoneFloor: Located<Double>?
        if let p = pairs["zone_floor"] {
            zoneFloor = positive(p.value, anchor: p.anchorSpan, path("zone_floor"), "a factor above 0 such as 0.625")
            if zoneFloor == nil { ok = false }
        }
        var zones: [FormulaZone]? = [FormulaZone(id: Located("default", span: root.span), factor: Located(1, span: root.span), currency: nil, fx: nil)]
        if let p = pairs["zones"] { zones = self.zones(p, currency: currency?.value) }
        if let levelFactors, let zones, !FormulaMath.withinLimit(levels: levelFactors.count, zones: zones.count, steps: steps.count) {
            let amounts = Double(levelFactors.count) * Double(zones.count) * Double(steps.count + 1)
            context.fail(root.span, .root, "this pay formula would derive \(Self.plain(amounts)) amounts (\(levelFactors.count) level factors × \(zones.count) zones × \(steps.count + 1) per band), more than \(FormulaMath.maxAmounts) in one document: split it into several pay formulas (one per region, say)")
            ok = false
        }
        var scalesWith: [PayScaling] = []
        if let p = pairs["scales_with"] {
            // An invalid scales_with is reported; the formula stays, without it.
            scalesWith = DocumentDecoder.scalesWith(p, path("scales_with"), context) ?? []
        }
        guard ok, let ladder, let currency, let benchmark, let levelFactors, let zones else { return nil }
        var formula = PayFormula(
            source: source, ladder: ladder, currency: currency, period: period, benchmark: benchmark,
            levelFactors: levelFactors, steps: steps, zones: zones, zoneFloor: zoneFloor)
        formula.scalesWith = scalesWith
        return formula
    }

    /// The root's pairs by key (a null value is no value), with unknown keys reported as
    /// `MappingReader` reports them, and the keys suggested for them (a misspelt required key is
    /// reported once, as the unknown key).
    private func keys(of root: TableNode) -> (pairs: [String: TablePair], suggested: Set<String>) {
        let names = FormatKeys.payFormula
        var pairs: [String: TablePair] = [:]
        var suggested = Set<String>()
        for i in 0..<root.count {
            let pair = root.pair(at: i)
            guard pair.key.kind == .scalar, let k = pair.key.scalarText else {
                context.fail(pair.key.span, .root, "expected a plain key, found \(pair.key.kindDescription): use one of \(names.joined(separator: ", "))")
                continue
            }
            if names.contains(k) {
                if case .null? = pair.value.scalarValue { continue }
                if pairs[k] == nil { pairs[k] = pair }  // a second one is the loader's duplicate-key finding
                continue
            }
            if k.hasPrefix("x-") { continue }
            var message = "unknown key '\(k)' in \(Self.what)"
            if let s = Suggest.nearest(k, in: names) {
                message += ": did you mean '\(s)'?"
                suggested.insert(s)
            } else {
                message += "."
            }
            context.fail(pair.key.span, .root, message + " Valid keys: \(names.joined(separator: ", "))")
        }
        return (pairs, suggested)
    }

    private func text(_ p: TablePair, _ path: DecodePath) -> Located<String>? {
        if p.value.kind == .scalar, let t = p.value.scalarText { return Located(t, span: p.value.span) }
        context.fail(p.anchorSpan, path, "expected text, found \(p.value.kindDescription)")
        return nil
    }

    /// A number above 0: a factor, a rate or an amount.
    private func positive(_ node: TableNode, anchor: Span, _ path: DecodePath, _ expected: String) -> Located<Double>? {
        let value: Double?
        switch node.scalarValue {
        case .int(let v)?: value = Double(v)
        case .float(let d)? where d.isFinite: value = d
        default: value = nil
        }
        guard let value, value > 0 else {
            var message = "expected \(expected), found \(node.kindDescription)"
            if value != nil {
                message += ": a factor, rate or amount of 0 or less would pay nothing"
            } else if let hint = MappingReader.numberHint(node, expected.hasPrefix("an amount") ? .amount : .fraction) {
                message += ": \(hint)"
            }
            context.fail(anchor, path, message)
            return nil
        }
        return Located(value, span: node.span)
    }

    /// `benchmark: 285000` or `benchmark: {engineering: 285000, design: 240000}`.
    private func benchmark(_ p: TablePair) -> FormulaBenchmark? {
        let path = DecodePath.root.key("benchmark")
        guard p.value.kind == .mapping else {
            return positive(p.value, anchor: p.anchorSpan, path, "an amount above 0 such as 285000, or one per job family such as {engineering: 285000}").map(FormulaBenchmark.single)
        }
        guard let read = factors(p, path, of: "job family to amount", example: "{engineering: 285000, design: 240000}", expected: "an amount above 0 such as 285000"), read.ok else { return nil }
        return .perFamily(read.list.map { ($0.name, $0.factor) })
    }

    /// An open mapping `{name: number above 0, …}`, in the order written; `x-` keys are the
    /// user's. Wrong entries are reported and left out (`ok` false); nil when it is no mapping
    /// or empty.
    private func factors(_ p: TablePair, _ path: DecodePath, of what: String, example: String, expected: String) -> (list: [FormulaFactor], ok: Bool)? {
        guard p.value.kind == .mapping else {
            context.fail(p.anchorSpan, path, "expected a mapping of \(what) such as \(example), found \(p.value.kindDescription)")
            return nil
        }
        var list: [FormulaFactor] = []
        var ok = true
        var seen = Set<String>()
        for i in 0..<p.value.count {
            let pair = p.value.pair(at: i)
            guard pair.key.kind == .scalar, let name = pair.key.scalarText else {
                context.fail(pair.key.span, path, "expected a plain key (\(what)), found \(pair.key.kindDescription)")
                ok = false
                continue
            }
            if name.hasPrefix("x-") { continue }
            // `{engineering: 285,000}`: the `000` is part of the amount, reported with it.
            if FlowSplit.continues(p.value, pair: i) { continue }
            if let split = FlowSplit.at(p.value, pair: i, context) {
                context.fail(split.span, path.key(name), split.message(expected: expected, expected.hasPrefix("an amount") ? .amount : .fraction))
                ok = false
                continue
            }
            // A second entry of one name is the loader's duplicate-key finding; the first counts.
            guard seen.insert(name).inserted else { continue }
            guard let factor = positive(pair.value, anchor: pair.anchorSpan, path.key(name), expected) else {
                ok = false
                continue
            }
            list.append(FormulaFactor(name: Located(name, span: pair.key.span), factor: factor))
        }
        if list.isEmpty && ok {
            context.fail(p.anchorSpan, path, "expected at least one entry (\(what), such as \(example)), found an empty mapping")
            return nil
        }
        return (list, ok)
    }

    /// Steps are the band's shape, lowest first: each above the one before.
    private func ascending(_ steps: [FormulaFactor]) -> Bool {
        var ok = true
        for (previous, step) in zip(steps, steps.dropFirst()) where step.factor.value <= previous.factor.value {
            context.fail(step.factor.span, DecodePath.root.key("steps").key(step.name.value),
                         "expected a factor above the step '\(previous.name.value)' before it (\(Self.plain(previous.factor.value))), found \(Self.plain(step.factor.value)): list steps lowest first, each above the one before")
            ok = false
        }
        return ok
    }

    /// `zones: {us-sf: {factor: 1.0}, uk-london: {factor: 0.68, currency: GBP, fx: 0.758}}`. A
    /// wrong zone is reported and left out; nil when `zones` is no mapping or empty.
    private func zones(_ p: TablePair, currency: String?) -> [FormulaZone]? {
        let path = DecodePath.root.key("zones")
        guard p.value.kind == .mapping else {
            context.fail(p.anchorSpan, path, "expected a mapping of zone id to zone such as {us-sf: {factor: 1.0}, uk-london: {factor: 0.68, currency: GBP, fx: 0.758}}, found \(p.value.kindDescription)")
            return nil
        }
        var zones: [FormulaZone] = []
        var seen = Set<String>()
        var any = false
        for i in 0..<p.value.count {
            let pair = p.value.pair(at: i)
            guard pair.key.kind == .scalar, let id = pair.key.scalarText else {
                context.fail(pair.key.span, path, "expected a plain key (a zone id), found \(pair.key.kindDescription)")
                continue
            }
            if id.hasPrefix("x-") { continue }
            any = true
            guard seen.insert(id).inserted else { continue }
            if let zone = zone(pair, id: Located(id, span: pair.key.span), path.key(id), currency: currency) { zones.append(zone) }
        }
        if !any {
            context.fail(p.anchorSpan, path, "expected at least one zone such as {us-sf: {factor: 1.0}}, found an empty mapping: give zones, or leave the key out for one zone 'default' of factor 1")
            return nil
        }
        return zones
    }

    private func zone(_ pair: TablePair, id: Located<String>, _ path: DecodePath, currency: String?) -> FormulaZone? {
        guard var r = MappingReader(pair.value, anchor: pair.anchorSpan, path: path, what: "a zone", keys: FormatKeys.formulaZone, context: context) else { return nil }
        var factor: Located<Double>?
        if let p = r.required("factor", "a factor above 0 such as 0.9") {
            factor = positive(p.value, anchor: p.anchorSpan, path.key("factor"), "a factor above 0 such as 0.9")
            if factor == nil { r.invalidate() }
        }
        let cur = r.string("currency", required: false)
        if let cur, !DocumentDecoder.isCurrency(cur.value) {
            r.fail(cur.span, "currency", DocumentDecoder.currencyProblem(cur.value))
        }
        var fx: Located<Double>?
        if let p = r.optional("fx") {
            fx = positive(p.value, anchor: p.anchorSpan, path.key("fx"), "an exchange rate above 0 such as 0.758 (units of the zone's currency per unit of the benchmark's)")
            if fx == nil { r.invalidate() }
        }
        // The zone's own currency, if any: `fx` converts the benchmark's into it, and only that.
        let converts = cur.map { $0.value != currency } ?? false
        if let cur, converts, fx == nil, r.ok, let currency {
            r.fail(cur.span, "currency", "\(cur.value) is not the benchmark's currency \(currency), and the zone has no fx to convert it: add fx, the \(cur.value) paid per \(currency) (local = \(currency) amount × factor × fx)")
        }
        if let x = fx, !converts, r.ok {
            r.fail(x.span, "fx", "fx converts the benchmark's currency into the zone's own, but the zone has no currency other than \(currency ?? "the benchmark's"): add currency (such as currency: GBP), or remove fx")
        }
        guard r.ok, let factor else { return nil }
        return FormulaZone(id: id, factor: factor, currency: converts ? cur : nil, fx: fx)
    }

    /// A factor as a message shows it: 1 for 1.0, 0.85 as written.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
