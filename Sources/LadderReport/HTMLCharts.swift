import LadderModel
import LadderRules

/// The band chart of one ladder, zone, currency and period: IC and management base bands side
/// by side by grade, drawn from the report's metrics (the numbers the JSON `metrics` shows),
/// with the same numbers as a table under it. Legible in black and white: IC bars are solid,
/// management bars hatched, gaps cross-hatched and labelled with their ratio. A shared level
/// (of both tracks) is on both sides, as the metrics put it; steps inside a band (`steps:`) are
/// tick marks on its bar and a column of the table.
struct HTMLBandChart {
    var rows: [PayMetric]
    /// Unique in the page; the table's id is derived from it.
    var id: String
    var ladderID: String
    var ladderName: String
    var redacted: Bool
    /// Level titles by id: the table shows a title with its id in small print.
    var titles: [String: String] = [:]

    var zone: String { rows.first?.zone ?? "default" }
    var currency: String { rows.first?.currency ?? "" }
    var period: String { rows.first?.period ?? "annual" }
    var tableID: String { id + "-table" }
    /// Whether any band of the chart has steps: the table then has a steps column per side.
    var hasSteps: Bool { rows.contains(where: \.hasSteps) }
    /// Grades with a shared level.
    var sharedGrades: [Int] { rows.filter { !$0.sharedLevels.isEmpty }.map(\.grade) }

    static let width = 920.0
    static let plotHeight = 250.0
    static let left = 74.0, right = 16.0, bottom = 50.0

    /// Room above the plot for the ratio labels: one line per measure where management is above.
    var top: Double { 18 + 12 * Double(rows.map { Swift.max(Self.gaps($0).count, 1) }.max() ?? 1) }
    var height: Double { top + Self.plotHeight + Self.bottom }

    /// Grades where management's band is above its IC peers' on any of max, mid or min.
    var gapGrades: [Int] { rows.filter { Self.gaps($0).count > 0 }.map(\.grade) }

    /// The measures where management is above IC, as (name, ratio), max first.
    static func gaps(_ r: PayMetric) -> [(String, Double)] {
        var out: [(String, Double)] = []
        if let x = r.ratio, x > 1 { out.append(("max", x)) }
        if let x = r.midRatio, x > 1 { out.append(("mid", x)) }
        if let x = r.minRatio, x > 1 { out.append(("min", x)) }
        return out
    }

    func html() -> String {
        var out = "<figure class=\"chart\" id=\"\(id)\">"
        out += "<figcaption><span class=\"chart-title\">Zone <strong>\(HTMLText.esc(zone))</strong> · \(HTMLText.esc(currency)) · \(HTMLText.esc(period)) base pay</span>"
        out += Self.legend(steps: hasSteps)
        out += "</figcaption>"
        out += notes()
        out += svg()
        out += "</figure>"
        out += table()
        return out
    }

    /// A small triangle before a ratio above 1, so the cell reads without colour.
    static let upMark = "<svg class=\"up\" width=\"8\" height=\"8\" viewBox=\"0 0 8 8\" aria-hidden=\"true\"><path d=\"M4 0L8 8H0z\"/></svg>"

    static let legend = """
        <span class="legend" aria-hidden="true">\
        <span><svg width="14" height="14"><rect x="1" y="1" width="12" height="12" fill="#1f4e8c"/></svg>Individual contributor</span>\
        <span><svg width="14" height="14"><rect x="1" y="1" width="12" height="12" fill="url(#ll-mgmt)" stroke="#c2410c"/></svg>Management</span>\
        <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke="#111" stroke-width="4"/><line x1="1" y1="7" x2="21" y2="7" stroke="#fff" stroke-width="1.5"/></svg>Midpoint</span>\
        <span><svg width="14" height="14"><rect x="1" y="1" width="12" height="12" fill="url(#ll-gap)" stroke="#b42318" stroke-width="1.5"/></svg>Management above its IC peer</span>\
        </span>
        """

    /// The legend, with the step mark when the chart draws steps.
    static func legend(steps: Bool) -> String {
        guard steps else { return legend }
        // Inside the legend's outer span.
        return String(legend.dropLast("</span>".count)) + stepLegend + "</span>"
    }

    static let stepLegend = """
        <span><svg width="18" height="14">\
        <rect x="5" y="1" width="12" height="12" fill="#1f4e8c"/>\
        <line x1="5" y1="7" x2="17" y2="7" stroke="#fff" stroke-width="1.2" stroke-dasharray="3 2"/>\
        <line x1="0" y1="7" x2="5" y2="7" stroke="#0b0f14" stroke-width="1.4"/></svg>Step inside a band</span>
        """

    /// What a reader needs to know beyond the legend: shared levels drawn on both sides.
    func notes() -> String {
        let shared = sharedGrades
        guard !shared.isEmpty else { return "" }
        let ids = Array(Set(rows.flatMap(\.sharedLevels))).sorted()
        return "<p class=\"explain\">Shared level\(ids.count == 1 ? "" : "s") \(HTMLText.esc(HTMLText.list(ids))), of both tracks, \(ids.count == 1 ? "is" : "are") drawn on both sides at grade\(shared.count == 1 ? "" : "s") \(HTMLText.esc(HTMLText.list(shared.map(String.init)))): the same band for an engineer and a manager, and the peer each management band there is compared with.</p>"
    }

    // MARK: - The chart

    func svg() -> String {
        let W = Self.width, H = height
        let x0 = Self.left, x1 = W - Self.right, y0 = top, y1 = H - Self.bottom
        // Midpoints too: a mid given outside its band must still land inside the plot.
        // Steps too: a step outside its band (band-shape reports it) must land inside the plot.
        let values = rows.flatMap { [$0.icMin, $0.icMid, $0.icMax, $0.managementMin, $0.managementMid, $0.managementMax].compactMap { $0 } + ($0.icSteps + $0.managementSteps).joined().map(\.amount) }
        let scale = HTMLScale(values, y0: y0, y1: y1, relative: redacted)
        let titleID = id + "-title"
        var s = "<svg class=\"bands\" viewBox=\"0 0 \(HTMLText.n(W)) \(HTMLText.n(H))\" role=\"img\" aria-labelledby=\"\(titleID)\" aria-describedby=\"\(tableID)\" data-grades=\"\(rows.count)\" "
        s += "data-ladder=\"\(HTMLText.esc(ladderID))\" data-zone=\"\(HTMLText.esc(zone))\" data-currency=\"\(HTMLText.esc(currency))\" data-period=\"\(HTMLText.esc(period))\">"
        s += "<title id=\"\(titleID)\">\(HTMLText.esc(title))</title>"

        // Grid and axis.
        for t in scale.ticks {
            let y = scale.pixel(t.position)
            s += "<line class=\"grid\" x1=\"\(HTMLText.n(x0))\" y1=\"\(HTMLText.n(y))\" x2=\"\(HTMLText.n(x1))\" y2=\"\(HTMLText.n(y))\"/>"
            if !redacted, let label = t.label {
                s += "<text class=\"tick\" x=\"\(HTMLText.n(x0 - 8))\" y=\"\(HTMLText.n(y + 4))\" text-anchor=\"end\">\(HTMLText.esc(label))</text>"
            }
        }
        let axisTitle = "\(currency) per \(period == "monthly" ? "month" : "year")" + (redacted ? " (amounts redacted; relative scale)" : "")
        s += "<text class=\"axis-title\" transform=\"translate(16 \(HTMLText.n((y0 + y1) / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTMLText.esc(axisTitle))</text>"
        s += "<line class=\"axis\" x1=\"\(HTMLText.n(x0))\" y1=\"\(HTMLText.n(y1))\" x2=\"\(HTMLText.n(x1))\" y2=\"\(HTMLText.n(y1))\"/>"

        let slot = (x1 - x0) / Double(max(rows.count, 1))
        let bw = min(44, max(9, slot * 0.3))
        let gap = max(3, bw * 0.22)
        for (i, r) in rows.enumerated() {
            let cx = x0 + (Double(i) + 0.5) * slot
            let icX = cx - gap / 2 - bw
            let mX = cx + gap / 2
            let gaps = Self.gaps(r)
            s += "<g class=\"grade\(gaps.isEmpty ? "" : " has-gap")\">"
            if i % 2 == 1 {
                // Alternate slots get a faint band so grades read as columns.
                s += "<rect class=\"slot\" x=\"\(HTMLText.n(x0 + Double(i) * slot))\" y=\"\(HTMLText.n(y0))\" width=\"\(HTMLText.n(slot))\" height=\"\(HTMLText.n(y1 - y0))\"/>"
            }
            let hasIC = r.icMin != nil && r.icMax != nil
            let hasM = r.managementMin != nil && r.managementMax != nil
            if hasIC { s += bar(x: icX, w: bw, min: r.icMin!, mid: r.icMid, max: r.icMax!, scale: scale, cls: "ic") }
            if hasM { s += bar(x: mX, w: bw, min: r.managementMin!, mid: r.managementMid, max: r.managementMax!, scale: scale, cls: "mgmt") }
            // Steps over the bars, each tick reaching out of its bar's outer side.
            if hasIC { s += stepTicks(Array(r.icSteps.joined()), x: icX, w: bw, outward: -1, scale: scale) }
            if hasM { s += stepTicks(Array(r.managementSteps.joined()), x: mX, w: bw, outward: 1, scale: scale) }

            // Gaps: the part of the management band above its peer, and the peer's values as dashed references.
            if hasIC && hasM {
                if r.managementMax! > r.icMax! {
                    s += gapRect(x: mX, w: bw, from: scale.y(r.managementMax!), to: scale.y(r.icMax!))
                    s += reference(y: scale.y(r.icMax!), from: icX, to: mX + bw)
                }
                if r.managementMin! > r.icMin! {
                    s += gapRect(x: mX, w: bw, from: scale.y(r.managementMin!), to: scale.y(r.icMin!))
                    s += reference(y: scale.y(r.icMin!), from: icX, to: mX + bw)
                }
            }
            if !hasIC && hasM {
                s += missing(x: icX, w: bw, top: scale.y(r.managementMax!), bottom: scale.y(r.managementMin!), text: "no IC peer", cls: "missing-ic", box: true)
            }
            if hasIC && !hasM {
                s += missing(x: mX, w: bw, top: scale.y(r.icMax!), bottom: scale.y(r.icMin!), text: "no management level", cls: "missing-mgmt", box: false)
            }

            // Ratio labels above the pair: red where management is above IC, muted otherwise.
            let topY = [r.icMax, r.managementMax].compactMap { $0 }.map(scale.y).min() ?? y0
            var lines: [(String, Bool)] = gaps.map { ("\($0.0) \(HTMLText.gap($0.1))", true) }
            if gaps.isEmpty, let x = r.ratio { lines.append(("max \(HTMLText.gap(x))", false)) }
            for (k, line) in lines.enumerated() {
                let y = topY - 8 - Double(lines.count - 1 - k) * 12
                s += "<text class=\"\(line.1 ? "ratio gap-label" : "ratio")\" x=\"\(HTMLText.n(cx))\" y=\"\(HTMLText.n(y))\" text-anchor=\"middle\">\(HTMLText.esc(line.0))</text>"
            }

            // Grade and level ids under the slot.
            s += "<text class=\"grade-label\" x=\"\(HTMLText.n(cx))\" y=\"\(HTMLText.n(y1 + 17))\" text-anchor=\"middle\">Grade \(r.grade)</text>"
            let ids = Self.levelText(r)
            s += "<text class=\"level-label\" x=\"\(HTMLText.n(cx))\" y=\"\(HTMLText.n(y1 + 32))\" text-anchor=\"middle\">\(HTMLText.esc(Self.truncate(ids, to: Int(slot / 5.6))))</text>"
            s += "</g>"
        }
        s += "</svg>"
        return s
    }

    var title: String {
        var t = "Base pay bands of \(ladderName), zone \(zone), \(currency), \(period): individual contributor and management side by side by grade."
        let g = gapGrades
        if g.isEmpty {
            t += " Management is not above its IC peers at any grade."
        } else {
            t += " Management is above its IC peers at grade\(g.count == 1 ? "" : "s") \(HTMLText.list(g.map(String.init)))."
        }
        let lonely = rows.filter { $0.icLevels.isEmpty && !$0.managementLevels.isEmpty }.map(\.grade)
        if !lonely.isEmpty { t += " No IC peer at grade\(lonely.count == 1 ? "" : "s") \(HTMLText.list(lonely.map(String.init)))." }
        let shared = sharedGrades
        if !shared.isEmpty { t += " A shared level, of both tracks, is drawn on both sides at grade\(shared.count == 1 ? "" : "s") \(HTMLText.list(shared.map(String.init)))." }
        if hasSteps { t += " Tick marks on a bar are the steps inside that band." }
        t += " The table below holds the numbers."
        return t
    }

    func bar(x: Double, w: Double, min: Double, mid: Double?, max: Double, scale: HTMLScale, cls: String) -> String {
        let top = scale.y(max), bottom = scale.y(min)
        let h = Swift.max(bottom - top, 2)
        var s = "<rect class=\"\(cls)\" x=\"\(HTMLText.n(x))\" y=\"\(HTMLText.n(top))\" width=\"\(HTMLText.n(w))\" height=\"\(HTMLText.n(h))\" rx=\"1.5\"/>"
        if let mid {
            let y = HTMLText.n(scale.y(mid))
            s += "<line class=\"mid-halo\" x1=\"\(HTMLText.n(x - 3))\" y1=\"\(y)\" x2=\"\(HTMLText.n(x + w + 3))\" y2=\"\(y)\"/>"
            s += "<line class=\"mid\" x1=\"\(HTMLText.n(x - 3))\" y1=\"\(y)\" x2=\"\(HTMLText.n(x + w + 3))\" y2=\"\(y)\"/>"
        }
        return s
    }

    /// A tick across the bar at each step, and a short dark mark beyond its outer side (left of
    /// the IC bar, right of the management one) so the step reads on any fill.
    func stepTicks(_ steps: [PayStep], x: Double, w: Double, outward: Double, scale: HTMLScale) -> String {
        var s = ""
        for step in steps {
            let y = HTMLText.n(scale.y(step.amount))
            let outer = outward < 0 ? x : x + w
            s += "<line class=\"step\" x1=\"\(HTMLText.n(x))\" y1=\"\(y)\" x2=\"\(HTMLText.n(x + w))\" y2=\"\(y)\" stroke=\"#fff\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>"
            s += "<line class=\"step-tick\" x1=\"\(HTMLText.n(outer))\" y1=\"\(y)\" x2=\"\(HTMLText.n(outer + outward * 5))\" y2=\"\(y)\" stroke=\"#0b0f14\" stroke-width=\"1.4\"/>"
        }
        return s
    }

    /// The level ids under a slot: IC, then management, then the shared ones once, marked.
    static func levelText(_ r: PayMetric) -> String {
        let shared = r.sharedLevels
        let ic = r.icLevels.filter { !shared.contains($0) }, m = r.managementLevels.filter { !shared.contains($0) }
        return [ic.joined(separator: ", "), m.joined(separator: ", "), shared.isEmpty ? "" : shared.joined(separator: ", ") + " (shared)"]
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }

    func gapRect(x: Double, w: Double, from top: Double, to bottom: Double) -> String {
        "<rect class=\"gap\" x=\"\(HTMLText.n(x - 2))\" y=\"\(HTMLText.n(top))\" width=\"\(HTMLText.n(w + 4))\" height=\"\(HTMLText.n(Swift.max(bottom - top, 1.5)))\"/>"
    }

    func reference(y: Double, from: Double, to: Double) -> String {
        "<line class=\"peer-ref\" x1=\"\(HTMLText.n(from))\" y1=\"\(HTMLText.n(y))\" x2=\"\(HTMLText.n(to + 2))\" y2=\"\(HTMLText.n(y))\"/>"
    }

    /// A side without a band: a dashed outline where the bar would be (for a missing IC peer,
    /// the case the rules care about), or only a quiet label (a grade with no management level).
    func missing(x: Double, w: Double, top: Double, bottom: Double, text: String, cls: String, box: Bool) -> String {
        // As tall as the peer's bar, and never shorter than its label.
        let h = Swift.max(bottom - top, Double(text.count) * 6 + 16)
        let t = Swift.min(Swift.max((top + bottom) / 2 - h / 2, self.top), height - Self.bottom - h)
        let cy = t + h / 2
        let cxText = x + w / 2
        var s = ""
        if box {
            s += "<rect class=\"\(cls)\" x=\"\(HTMLText.n(x))\" y=\"\(HTMLText.n(t))\" width=\"\(HTMLText.n(w))\" height=\"\(HTMLText.n(h))\"/>"
        }
        s += "<text class=\"\(cls)-label\" transform=\"translate(\(HTMLText.n(cxText + 3.5)) \(HTMLText.n(cy))) rotate(-90)\" text-anchor=\"middle\">\(HTMLText.esc(text))</text>"
        return s
    }

    static func truncate(_ s: String, to n: Int) -> String {
        guard s.count > n, n > 1 else { return s }
        return String(s.prefix(n - 1)) + "…"
    }

    // MARK: - The table

    func table() -> String {
        var t = "<table class=\"bands\" id=\"\(tableID)\">"
        t += "<caption>Base bands by grade, zone \(HTMLText.esc(zone)), \(HTMLText.esc(currency)), \(HTMLText.esc(period)): the numbers of the chart above"
        t += redacted ? " (amounts redacted; ratios kept)." : "."
        t += "</caption>"
        let span = hasSteps ? 5 : 4
        t += "<thead><tr><th scope=\"col\" rowspan=\"2\">Grade</th><th scope=\"colgroup\" colspan=\"\(span)\" class=\"ic-head\">Individual contributor</th>"
        t += "<th scope=\"colgroup\" colspan=\"\(span)\" class=\"mgmt-head\">Management</th><th scope=\"colgroup\" colspan=\"3\">Management vs IC</th></tr>"
        t += "<tr>"
        for _ in 0..<2 {
            t += "<th scope=\"col\">Levels</th><th scope=\"col\" class=\"num\">Min</th><th scope=\"col\" class=\"num\">Mid</th><th scope=\"col\" class=\"num\">Max</th>"
            if hasSteps { t += "<th scope=\"col\">Steps</th>" }
        }
        t += "<th scope=\"col\" class=\"num\">Min</th><th scope=\"col\" class=\"num\">Mid</th><th scope=\"col\" class=\"num\">Max</th></tr></thead><tbody>"
        for r in rows {
            t += "<tr\(Self.gaps(r).isEmpty ? "" : " class=\"has-gap\"")><th scope=\"row\">\(r.grade)</th>"
            let shared = r.sharedLevels
            t += side(r.icLevels, r.icMin, r.icMid, r.icMax, r.icSteps, shared: shared, none: r.managementLevels.isEmpty ? "–" : "no IC peer", alert: !r.managementLevels.isEmpty)
            t += side(r.managementLevels, r.managementMin, r.managementMid, r.managementMax, r.managementSteps, shared: shared, none: "no management level", alert: false)
            for x in [r.minRatio, r.midRatio, r.ratio] {
                if let x, x > 1 {
                    t += "<td class=\"num gap-cell\">\(Self.upMark)\(HTMLText.gap(x))<span class=\"sr\"> (management above IC)</span></td>"
                } else {
                    t += "<td class=\"num\">\(HTMLText.gap(x))</td>"
                }
            }
            t += "</tr>"
        }
        t += "</tbody></table>"
        return t
    }

    func side(_ levels: [String], _ lo: Double?, _ mid: Double?, _ hi: Double?, _ steps: [[PayStep]], shared: [String], none: String, alert: Bool) -> String {
        guard !levels.isEmpty else {
            return "<td colspan=\"\(hasSteps ? 5 : 4)\" class=\"\(alert ? "none alert" : "none")\">\(HTMLText.esc(none))</td>"
        }
        let ids = levels.map { HTMLText.level($0, titles) + (shared.contains($0) ? " (shared)" : "") }
        var t = "<td class=\"ids\">\(ids.joined(separator: ", "))</td>"
        for v in [lo, mid, hi] { t += "<td class=\"num\">\(HTMLText.amount(v, redacted: redacted))</td>" }
        if hasSteps { t += "<td class=\"ids\">\(stepsText(steps, levels: levels))</td>" }
        return t
    }

    /// "learning 150,000 · growing 160,000", each level's steps after its id when the side has
    /// several levels; "–" without steps. Amounts are "[redacted]" under --redact.
    func stepsText(_ steps: [[PayStep]], levels: [String]) -> String {
        guard steps.contains(where: { !$0.isEmpty }) else { return "–" }
        var parts: [String] = []
        for (level, own) in zip(levels, steps) where !own.isEmpty {
            // A no-break space keeps each name with its amount; lines break between steps.
            let text = own.map { HTMLText.esc($0.name) + "\u{A0}" + HTMLText.amount($0.amount, redacted: redacted) }.joined(separator: " · ")
            parts.append(levels.count > 1 ? HTMLText.esc(level) + ": " + text : text)
        }
        return parts.joined(separator: "<br>")
    }
}

/// A linear scale over amounts. Every amount becomes a position, a fraction of the plot's
/// height, and the SVG is drawn from positions only.
///
/// Two kinds of axis. Absolute: gridlines at "nice" amounts (1, 2, 2.5 or 5 times a power of
/// ten), labelled. Relative, under `--redact`: gridlines at quarters of the span from the lowest
/// to the highest amount plotted, unlabelled, so that multiplying every amount by a constant
/// leaves the chart unchanged and the picture gives back no amount. The relative axis is also the
/// fallback when nice steps cannot be drawn: amounts so large or so close together that a step
/// is lost in a double's precision (1e16 and 1e16 + 2), or a span past Double.greatestFiniteMagnitude.
struct HTMLScale {
    struct Tick {
        var position: Double
        var label: String?
    }

    var y0: Double
    var y1: Double
    var ticks: [Tick] = []
    /// Amount -> fraction of the data (0 at `base`, 1 at `base + unit`, or `unit` in halves).
    private var base: Double
    private var unit: Double
    private var halved: Bool
    /// The plotted range in those fractions.
    private var fLo: Double
    private var fHi: Double
    /// Only the relative axis snaps: the absolute one keeps its exact positions.
    private var snaps = false

    /// Relative positions are snapped to steps of 1/snapSteps of the plot (a prime, so amounts with round
    /// ratios seldom fall on a rounding boundary): scaling every amount by a constant moves a
    /// fraction by a few ulps, which snapping absorbs, and so the relative chart stays byte-identical.
    static let snapSteps = 1_000_003.0
    /// Most gridlines an absolute axis may have; more means the step is meaningless.
    static let maxTicks = 40

    init(_ rawValues: [Double], y0: Double, y1: Double, relative: Bool) {
        self.y0 = y0
        self.y1 = y1
        let values = rawValues.filter(\.isFinite)
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        (base, unit, halved, fLo, fHi) = (0, 1, false, 0, 1)
        if !relative, let absolute = Self.absolute(lo: lo, hi: hi) {
            (base, unit, fLo, fHi) = (absolute.lo, absolute.hi - absolute.lo, 0, 1)
            ticks = absolute.ticks.map { t in
                // The last tick may sit an ulp past the top.
                let p = Swift.min(Swift.max((t - absolute.lo) / (absolute.hi - absolute.lo), 0), 1)
                return Tick(position: p, label: Self.label(t, step: absolute.step))
            }
            return
        }
        // Relative: 0 at the lowest amount, 1 at the highest, with the absolute axis' margins.
        (fLo, fHi, snaps) = (-0.06, 1.1, true)
        if hi > lo {
            let span = hi - lo
            // Past Double.greatestFiniteMagnitude the span is inf; halves of it are not.
            halved = !span.isFinite
            (base, unit) = (lo, halved ? hi / 2 - lo / 2 : span)
        } else {
            // One amount (or none): it sits in the middle.
            (base, unit, fLo, fHi) = (lo, 1, -0.5, 0.5)
        }
        let spread = hi > lo
        ticks = (0...4).map { k in
            let f = Double(k) / 4
            let label: String? = !relative && spread && (k == 0 || k == 4) ? Format.grouped(k == 0 ? lo : hi) : nil
            // Quarters of the data's span, or of the plot when there is no span.
            return Tick(position: spread ? (f - fLo) / (fHi - fLo) : f, label: label)
        }
    }

    /// The nice-step axis, or nil when it cannot be drawn faithfully.
    private static func absolute(lo rawLo: Double, hi rawHi: Double) -> (lo: Double, hi: Double, step: Double, ticks: [Double])? {
        var lo = rawLo, hi = rawHi
        if hi <= lo { hi = lo + Swift.max(abs(lo) * 0.1, 1) }
        let range = hi - lo
        let magnitude = Swift.max(abs(lo), abs(hi))
        // A step under a billionth of the amounts would be lost in their precision.
        guard range.isFinite, range > magnitude * 1e-9, range > 1e-300 else { return nil }
        let step = nice(range / 6)
        lo = ((lo - range * 0.06) / step).rounded(.down) * step
        hi = ((hi + range * 0.1) / step).rounded(.up) * step
        if rawLo >= 0 { lo = Swift.max(lo, 0) }
        guard step.isNormal, lo.isFinite, hi.isFinite, hi > lo else { return nil }
        let count = ((hi - lo) / step).rounded()
        guard count >= 1, count <= Double(maxTicks) else { return nil }
        var ticks: [Double] = []
        for k in 0...Int(count) {
            let t = lo + Double(k) * step
            if t <= hi + step / 1000, t != ticks.last { ticks.append(t) }
        }
        return (lo, hi, step, ticks)
    }

    static func nice(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var p = 1.0
        while p * 10 <= rough { p *= 10 }
        while p > rough { p /= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * p >= rough { return m * p }
        return 10 * p
    }

    /// Where an amount sits, from 0 (bottom of the plot) to 1 (top); a value far outside the
    /// plotted range is held just beyond its edge.
    func position(_ v: Double) -> Double {
        guard v.isFinite else { return v > 0 ? 1 : 0 }
        let f = halved ? (v / 2 - base / 2) / unit : (v - base) / unit
        let p = Swift.min(Swift.max((f - fLo) / (fHi - fLo), -0.05), 1.05)
        return snaps ? (p * Self.snapSteps).rounded() / Self.snapSteps : p
    }

    func pixel(_ p: Double) -> Double { y1 - p * (y1 - y0) }

    func y(_ v: Double) -> Double { pixel(position(v)) }

    /// "150k" for thousands, else grouped digits.
    static func label(_ v: Double, step: Double) -> String {
        if step >= 1000, abs(v) >= 1000, abs(v) < 1e15 { return Format.plain(Format.round(v / 1000, 1)) + "k" }
        return Format.grouped(v)
    }
}

/// Survey answers as bars against their thresholds; small groups shown as withheld, never a ratio.
enum HTMLSurvey {
    static let questions: [String: String] = [
        "seat-at-the-table": "Engineers: do you need to become a manager to have a seat at the table?",
        "return-status-loss": "Managers: would going back to engineering cost you status, information or influence?",
    ]

    static func html(_ survey: [SurveyMetric], minGroup: Int) -> String {
        var t = "<table class=\"survey\"><caption>Share who agree, against the rule's threshold. Groups of fewer than \(minGroup) are withheld to keep the survey anonymous, and so is any figure from which one could be derived.</caption>"
        t += "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Conducted</th><th scope=\"col\" class=\"num\">Respondents</th><th scope=\"col\" class=\"num\">Agree</th><th scope=\"col\" class=\"bar-col\">Agree vs threshold</th><th scope=\"col\" class=\"num\">Threshold</th><th scope=\"col\">Reading</th></tr></thead><tbody>"
        for q in survey {
            let above = q.agreeRatio.flatMap { r in q.threshold.map { r > $0 } } ?? false
            t += "<tr\(above ? " class=\"above\"" : "")><th scope=\"row\"><code>\(HTMLText.esc(q.question))</code>"
            if let text = questions[q.question] { t += "<span class=\"q-text\">\(HTMLText.esc(text))</span>" }
            if let a = q.audience { t += "<span class=\"q-text\">asked: \(HTMLText.esc(a))</span>" }
            t += "</th><td>\(HTMLText.esc(q.conducted))</td><td class=\"num\">\(q.respondents)</td>"
            t += "<td class=\"num\">\(q.withheld ? "withheld" : q.agreeRatio.map(percent) ?? "–")</td>"
            t += "<td class=\"bar-col\">\(bar(q, above: above, minGroup: minGroup))</td>"
            t += "<td class=\"num\">\(q.threshold.map(percent) ?? "–")</td><td>"
            if q.withheld {
                t += "<span class=\"status muted\">withheld</span>"
            } else if q.threshold == nil {
                t += "<span class=\"status muted\">no threshold</span>"
            } else if above {
                t += "<span class=\"status bad\"><span aria-hidden=\"true\">✗ </span>above threshold</span>"
            } else {
                t += "<span class=\"status ok\"><span aria-hidden=\"true\">✓ </span>within threshold</span>"
            }
            t += "</td></tr>"
        }
        t += "</tbody></table>"
        return t
    }

    /// The metric's ratio (4 decimals) as a percentage with up to 2: 0.5455 -> "54.55%".
    static func percent(_ r: Double) -> String {
        Format.plain(Format.round(r * 100, 2)) + "%"
    }

    static func bar(_ q: SurveyMetric, above: Bool, minGroup: Int) -> String {
        let w = 220.0, h = 22.0
        var s = "<svg class=\"survey-bar\" viewBox=\"0 0 \(HTMLText.n(w)) \(HTMLText.n(h))\" width=\"\(HTMLText.n(w))\" height=\"\(HTMLText.n(h))\" aria-hidden=\"true\">"
        if q.withheld {
            // A large group is withheld because a small one could be derived from it
            // (complementary suppression, docs/security.md).
            let why = q.respondents < minGroup ? "withheld (n &lt; \(minGroup))" : "withheld (would reveal a small group)"
            s += "<rect class=\"withheld\" x=\"0.5\" y=\"3.5\" width=\"\(HTMLText.n(w - 1))\" height=\"\(HTMLText.n(h - 7))\"/>"
            s += "<text class=\"withheld-label\" x=\"\(HTMLText.n(w / 2))\" y=\"\(HTMLText.n(h / 2 + 3.5))\" text-anchor=\"middle\">\(why)</text>"
        } else {
            s += "<rect class=\"track\" x=\"0\" y=\"5\" width=\"\(HTMLText.n(w))\" height=\"\(HTMLText.n(h - 10))\"/>"
            if let r = q.agreeRatio {
                s += "<rect class=\"\(above ? "agree above" : "agree")\" x=\"0\" y=\"5\" width=\"\(HTMLText.n(w * Swift.min(Swift.max(r, 0), 1)))\" height=\"\(HTMLText.n(h - 10))\"/>"
            }
            if let th = q.threshold {
                let x = HTMLText.n(w * Swift.min(Swift.max(th, 0), 1))
                s += "<line class=\"threshold\" x1=\"\(x)\" y1=\"1\" x2=\"\(x)\" y2=\"\(HTMLText.n(h - 1))\"/>"
            }
        }
        s += "</svg>"
        return s
    }
}
