import LadderModel

extension Check {
    /// Peers on the IC and management tracks whose promotions ask for different time in level.
    static let timeInLevel = Check(
        id: "time-in-level",
        summary: "compares promotion.min_months_in_level of IC and management levels of the same grade",
        params: [
            ParamSpec("tolerance_months", .int(min: 0), .int(0), "how many months the two tracks may differ by"),
        ],
        messageArgs: ["grade", "longer", "longer_months", "shorter", "shorter_months"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let tolerance = ctx.params.int("tolerance_months")
        // Only levels that write it: a level that does not say is not judged. Shared levels are
        // on both tracks at once, so they have no peer on the other side to differ from.
        var ic: [Int: [(Level, Located<Int>)]] = [:], mgmt: [Int: [(Level, Located<Int>)]] = [:]
        for lv in l.levels {
            guard let months = lv.promotion?.minMonthsInLevel else { continue }
            switch l.kind(of: lv) {
            case .individualContributor?: ic[lv.grade.value, default: []].append((lv, months))
            case .management?: mgmt[lv.grade.value, default: []].append((lv, months))
            default: continue
            }
        }
        var hits: [Hit] = []
        for grade in ic.keys.sorted() {
            for (a, am) in ic[grade]! {
                for (b, bm) in mgmt[grade] ?? [] where abs(am.value - bm.value) > tolerance {
                    // On the track that waits longer: that is the one held back.
                    let (long, lm, short, sm) = am.value > bm.value ? (a, am, b, bm) : (b, bm, a, am)
                    hits.append(Hit(
                        file: l.file, span: lm.span, path: long.path.key("promotion").key("min_months_in_level"), subjects: [long.id.value, short.id.value],
                        evidence: [Evidence("grade", .int(grade)), Evidence("months", .int(lm.value)), Evidence("peer", .string(short.id.value)),
                                   Evidence("peer_months", .int(sm.value)), Evidence("tolerance_months", .int(tolerance))],
                        args: ["grade": .int(grade), "longer": .text("\(long.id.value) (\(long.title))"), "longer_months": .int(lm.value),
                               "shorter": .text("\(short.id.value) (\(short.title))"), "shorter_months": .int(sm.value)],
                        track: long.track.value, grade: grade))
                }
            }
        }
        return hits
    }
}
