import LadderModel

/// Which survey figures of one ladder may be shown: complementary (secondary) cell suppression.
///
/// A question answered by fewer than `min_group` people is withheld (primary suppression). That
/// alone does not protect it: with "everyone" (50) and the ICs (47) shown, the three managers'
/// answers are their difference; with 40 respondents one year and 42 the next, the two newcomers'
/// answers are the difference of the two figures. So further figures are withheld until no
/// withheld group is the difference of shown ones, under these relations between the figures of
/// one question id across all survey documents of the ladder:
///
/// - within one date, `everyone` (or no audience) = any other audience + the rest of everyone,
///   and `everyone` = `individual-contributor` + `management` + the rest (when the rest is not
///   negative). A relation whose unknowns (withheld figures, and the rest when it has people)
///   are a single protected group (a withheld group, or a rest of fewer than `min_group`) gets
///   its smallest shown figure withheld too;
/// - within one date, a shown `everyone` figure on which everyone agreed or nobody did gives
///   every subgroup's answer away, so it is withheld when a subgroup of that date is;
/// - across dates, one audience of one question is one population: two shown figures whose
///   respondents differ by 1 to `min_group - 1` give the joiners' (or leavers') answers away, so
///   the later one is withheld (earlier reports may already have shown the earlier one);
/// - two figures of the same question, date and audience cannot be told apart, so every figure
///   of that question and date is withheld.
///
/// Withholding only grows, so the rules are applied until nothing changes (a fixed point).
public enum SurveySuppression {
    /// One figure: the answers of one audience to one question of one survey.
    public struct Cell: Sendable, Hashable {
        public var question: String
        public var conducted: Day
        /// `everyone` for a question without an audience.
        public var audience: String
        public var respondents: Int
        public var agree: Int
        /// False for a figure written `withheld: true`: asked, its counts not in the file (then
        /// `respondents` and `agree` are 0 and mean nothing). It is withheld, takes no part in a
        /// sum (its count is unknown), and counts as a group of people that a shown `everyone`
        /// figure on which all or none agreed would give away.
        public var counted = true

        public init(question: String, conducted: Day, audience: String?, respondents: Int, agree: Int) {
            self.question = question
            self.conducted = conducted
            self.audience = audience ?? SurveySuppression.everyone
            self.respondents = respondents
            self.agree = agree
        }
    }

    /// A linear relation between figures of one date: `total = parts + rest`, where the rest is
    /// a group of `rest` people with no figure of its own (none when 0).
    public struct Relation: Sendable, Hashable {
        public var total: Int
        public var parts: [Int]
        public var rest: Int
    }

    public static let everyone = "everyone"
    static let ic = TrackKind.individualContributor.rawValue
    static let management = TrackKind.management.rawValue

    /// `withheld[s][q]` for question `q` of `surveys[s]`. A question written `withheld: true`
    /// has no counts in the file and is always withheld.
    public static func withheld(_ surveys: [Survey], minGroup: Int) -> [[Bool]] {
        // Every relation links figures of one question id. When no id repeats across the
        // ladder's surveys, each figure stands alone and only the small ones are withheld: the
        // common case, decided without building the relations.
        var ids = Set<String>()
        var alone = true
        for s in surveys {
            for q in s.questions where !ids.insert(q.id.value).inserted {
                alone = false
                break
            }
            if !alone { break }
        }
        if alone {
            return surveys.map { s in s.questions.map { q in q.counts.map { $0.respondents.value < minGroup || $0.respondents.value == 0 } ?? true } }
        }
        var cells: [Cell] = []
        for s in surveys {
            for q in s.questions {
                var cell = Cell(question: q.id.value, conducted: s.conducted.value, audience: q.audience,
                                respondents: q.counts?.respondents.value ?? 0, agree: q.counts?.agree.value ?? 0)
                cell.counted = q.counts != nil
                cells.append(cell)
            }
        }
        var flags = withheld(cells, minGroup: minGroup)[...]
        return surveys.map { s in
            let row = Array(flags.prefix(s.questions.count))
            flags = flags.dropFirst(s.questions.count)
            return row
        }
    }

    /// Whether each cell is withheld, in the order given.
    public static func withheld(_ cells: [Cell], minGroup: Int) -> [Bool] {
        var w = cells.map { !$0.counted || $0.respondents < minGroup || $0.respondents == 0 }
        let (groups, relations) = structure(cells)
        for g in groups where g.opaque {
            for i in g.cells { w[i] = true }
        }
        let populations = self.populations(cells, groups: groups)
        var changed = true
        while changed {
            changed = false
            for r in relations {
                if let extra = complement(r, cells, w, minGroup: minGroup) {
                    w[extra] = true
                    changed = true
                }
            }
            for g in groups where !g.opaque {
                guard let p = g.parent, !w[p] else { continue }
                let n = cells[p].respondents, a = cells[p].agree
                if a == 0 || a == n, g.cells.contains(where: { $0 != p && w[$0] && (cells[$0].respondents > 0 || !cells[$0].counted) }) {
                    w[p] = true
                    changed = true
                }
            }
            for pop in populations where sweep(pop, cells, &w, minGroup: minGroup) {
                changed = true
            }
        }
        return w
    }

    /// The figures of one question on one date.
    struct Group {
        var cells: [Int]
        var parent: Int?
        /// Two figures of one audience: which people each covers is unknown.
        var opaque: Bool
    }

    /// The groups by question and date, and the relations within each group.
    static func structure(_ cells: [Cell]) -> ([Group], [Relation]) {
        struct Key: Hashable { var question: String, conducted: Day }
        var index: [Key: Int] = [:]
        var groups: [Group] = []
        for (i, c) in cells.enumerated() {
            let k = Key(question: c.question, conducted: c.conducted)
            if let g = index[k] {
                groups[g].cells.append(i)
            } else {
                index[k] = groups.count
                groups.append(Group(cells: [i], parent: nil, opaque: false))
            }
        }
        var relations: [Relation] = []
        for gi in groups.indices {
            var byAudience: [String: Int] = [:]
            for i in groups[gi].cells where byAudience.updateValue(i, forKey: cells[i].audience) != nil {
                groups[gi].opaque = true
            }
            guard !groups[gi].opaque, let p = byAudience[everyone], cells[p].counted else { continue }
            groups[gi].parent = p
            let n = cells[p].respondents
            // A figure without counts is in no sum: its count, and so the rest, is unknown.
            for i in groups[gi].cells where i != p && cells[i].counted && cells[i].respondents <= n {
                relations.append(Relation(total: p, parts: [i], rest: n - cells[i].respondents))
            }
            // Counts come from the file and may be near Int.max: subtract only what fits.
            if let a = byAudience[ic], let b = byAudience[management], cells[a].counted, cells[b].counted,
               cells[a].respondents <= n, cells[b].respondents <= n - cells[a].respondents {
                relations.append(Relation(total: p, parts: [a, b], rest: n - cells[a].respondents - cells[b].respondents))
            }
        }
        return (groups, relations)
    }

    /// The figures of one question and audience over time, oldest first (opaque groups left out:
    /// they are withheld whole).
    static func populations(_ cells: [Cell], groups: [Group]) -> [[Int]] {
        struct Key: Hashable { var question: String, audience: String }
        var index: [Key: Int] = [:]
        var result: [[Int]] = []
        for g in groups where !g.opaque {
            for i in g.cells {
                let k = Key(question: cells[i].question, audience: cells[i].audience)
                if let at = index[k] {
                    result[at].append(i)
                } else {
                    index[k] = result.count
                    result.append([i])
                }
            }
        }
        return result.map { $0.sorted { (cells[$0].conducted, $0) < (cells[$1].conducted, $1) } }
    }

    /// The shown figure to withhold so that `r` gives no protected group away, if one must be.
    static func complement(_ r: Relation, _ cells: [Cell], _ w: [Bool], minGroup: Int) -> Int? {
        let members = [r.total] + r.parts
        let unknown = members.filter { w[$0] }
        guard unknown.count + (r.rest > 0 ? 1 : 0) == 1 else { return nil }
        let protected = unknown.first.map { cells[$0].respondents > 0 } ?? (r.rest < minGroup)
        guard protected else { return nil }
        // The smallest figure loses least; among equals, the later one.
        return members.filter { !w[$0] }.min { (cells[$0].respondents, -$0) < (cells[$1].respondents, -$1) }
    }

    /// Withholds each shown figure of a population whose respondents are within 1 to
    /// `minGroup - 1` of an earlier shown figure's; true when it withheld any.
    static func sweep(_ population: [Int], _ cells: [Cell], _ w: inout [Bool], minGroup: Int) -> Bool {
        var shown: [Int] = []  // respondents of earlier shown figures, sorted
        var changed = false
        for i in population where !w[i] {
            let n = cells[i].respondents
            let at = lowerBound(shown, n)
            var end = at
            while end < shown.count && shown[end] == n { end += 1 }
            let below = at > 0 ? n - shown[at - 1] : Int.max
            let above = end < shown.count ? shown[end] - n : Int.max
            if below < minGroup || above < minGroup {
                w[i] = true
                changed = true
            } else {
                shown.insert(n, at: at)
            }
        }
        return changed
    }

    static func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
