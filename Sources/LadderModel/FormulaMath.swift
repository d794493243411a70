/// The arithmetic of a pay formula, in one place: the resolver derives bands with it and
/// `--redact` lists the amounts it can give, so the two never disagree on a rounding.
public enum FormulaMath {
    /// The most amounts one formula document may derive, level factors × zones × (steps + 1):
    /// a formula multiplies what its file holds, and a file within the size limit could
    /// otherwise ask for billions of bands. A PostHog-sized formula (40 levels, 250 locations,
    /// 5 steps) derives 60,000.
    public static let maxAmounts = 200_000

    /// Whether a formula of this size stays within `maxAmounts`.
    public static func withinLimit(levels: Int, zones: Int, steps: Int) -> Bool {
        let (a, o1) = max(levels, 0).multipliedReportingOverflow(by: max(zones, 1))
        let (b, o2) = a.multipliedReportingOverflow(by: max(steps, 0) + 1)
        return !o1 && !o2 && b <= maxAmounts
    }

    /// An amount as a formula pays it: to whole units of its currency, halves away from zero,
    /// as by hand. The product is first taken to a millionth, so that a half the binary
    /// arithmetic misses (384,750 × 1.15 is 442,462.49999999994) still rounds up.
    public static func round(_ amount: Double) -> Double {
        let cleaned = abs(amount) < 1e9 ? (amount * 1e6).rounded() / 1e6 : amount
        return cleaned.rounded(.toNearestOrAwayFromZero)
    }

    /// The zone factor a formula applies: the zone's, or `zone_floor` when that is higher.
    public static func zoneFactor(_ factor: Double, floor: Double?) -> Double { max(factor, floor ?? factor) }

    /// benchmark × level factor × zone factor × fx, unrounded: the pay at step factor 1.
    public static func amount(benchmark: Double, level: Double, zone: Double, fx: Double?) -> Double {
        benchmark * level * zone * (fx ?? 1)
    }

    /// The band of one level in one zone from its unrounded `amount` and the step factors
    /// (lowest first): without steps, one amount (min = mid = max); with steps, min at the lowest
    /// step, max at the highest, each step its own amount, and mid at step factor 1 when the
    /// steps reach from 1 or below to 1 or above, else halfway between min and max.
    public static func band(_ amount: Double, steps: [Double]) -> (min: Double, mid: Double, max: Double, steps: [Double]) {
        guard let lo = steps.first, let hi = steps.last else {
            let a = round(amount)
            return (a, a, a, [])
        }
        let amounts = steps.map { round(amount * $0) }
        let min = amounts.first!, max = amounts.last!
        let mid = lo <= 1 && hi >= 1 ? round(amount) : round(AmountRange.midpoint(min, max))
        return (min, mid, max, amounts)
    }

    /// Every amount a formula can give: each benchmark × each level factor × each zone (factor
    /// after the floor, fx), at every step and the mid. A superset of the derived bands' amounts
    /// (a family's benchmark is crossed with every level), as `--redact` wants.
    public static func allAmounts(benchmarks: [Double], levels: [Double], steps: [Double], zones: [(factor: Double, fx: Double?)], floor: Double?) -> [Double] {
        let zones = zones.isEmpty ? [(factor: 1.0, fx: Double?.none)] : zones
        // Beyond the limit the decoder drops the document: it derives nothing.
        guard withinLimit(levels: levels.count * max(benchmarks.count, 1), zones: zones.count, steps: steps.count) else { return benchmarks }
        var out: [Double] = []
        out.reserveCapacity(benchmarks.count * levels.count * zones.count * (steps.count + 2))
        for b in benchmarks {
            out.append(b)
            for l in levels {
                for z in zones {
                    let a = amount(benchmark: b, level: l, zone: zoneFactor(z.factor, floor: floor), fx: z.fx)
                    guard a.isFinite else { continue }
                    let band = band(a, steps: steps)
                    out.append(band.min)
                    out.append(band.mid)
                    out.append(band.max)
                    out += band.steps
                }
            }
        }
        return out.filter { $0.isFinite && $0 != 0 }
    }
}
