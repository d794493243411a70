import LadderModel
import LadderYAML

extension Redactor {
    /// The money amounts of a `kind: pay-formula` document: every reading of its benchmark (or
    /// of each family's), and every amount the formula can derive, rounded as the resolver
    /// rounds them (`FormulaMath`): each benchmark × each level factor × each zone, at each step
    /// and the band's min, mid and max. Read from the tree whether or not it decodes, as
    /// compensation amounts are: a benchmark written "285,000" is still someone's pay.
    static func formulaAmounts(in root: Node) -> [Double] {
        /// The values of a mapping (never its keys: a family or level id is no amount), or the
        /// node itself.
        func values(_ node: Node?) -> [Node] {
            guard let node else { return [] }
            if case .mapping(let pairs) = node.content { return pairs.map(\.value) }
            return [node]
        }
        /// A number above 0 as the decoder would read it, else nil.
        func factor(_ node: Node?) -> Double? {
            guard let text = node?.scalarText, let v = number(text), v.isFinite, v > 0 else { return nil }
            return v
        }
        var benchmarks: [Double] = []
        for node in values(root.pair("benchmark")?.value) {
            for text in scalarTexts(node) { benchmarks += readings(of: text).map(abs) }
        }
        let levels = values(root.pair("level_factors")?.value).compactMap(factor)
        let steps = values(root.pair("steps")?.value).compactMap(factor)
        let zones = values(root.pair("zones")?.value).compactMap { zone -> (factor: Double, fx: Double?)? in
            guard let f = factor(zone.pair("factor")?.value) else { return nil }
            return (f, factor(zone.pair("fx")?.value))
        }
        let derived = FormulaMath.allAmounts(
            benchmarks: benchmarks.filter { $0 > 0 }, levels: levels, steps: steps, zones: zones, floor: factor(root.pair("zone_floor")?.value))
        return benchmarks + derived
    }
}
