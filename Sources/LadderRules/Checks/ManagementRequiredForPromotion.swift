import LadderModel

extension Check {
    /// An IC promotion that asks for people-management experience.
    static let managementRequiredForPromotion = Check(
        id: "management-required-for-ic-promotion",
        summary: "reads IC levels' promotion requirements for people-management tags and criteria",
        params: [
            ParamSpec("tags", .strings, .strings(["people-management", "direct-reports", "management-experience"]), "promotion.requires tags that mean \"has managed people\""),
            ParamSpec("patterns", .strings, .strings(["direct reports", "people management", "managed a team", "management experience"]), "phrases in promotion.criteria that mean the same (case-insensitive)"),
        ],
        messageArgs: ["level", "found", "grade"]
    ) { ctx in
        let l = ctx.ladder
        let tags = Set(ctx.params.strings("tags"))
        let patterns = ctx.params.strings("patterns").map { $0.lowercased() }
        var hits: [Hit] = []
        for level in l.levels where l.kind(of: level) == .individualContributor {
            guard let promotion = level.promotion else { continue }
            let label = "\(level.id.value) (\(level.title))"
            for tag in promotion.requires where tags.contains(tag.value) {
                hits.append(Hit(
                    file: l.file, span: tag.span, path: level.path.key("promotion").entry("requires", tag.value), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("tag", .string(tag.value))],
                    args: ["level": .text(label), "found": .text("the tag '\(tag.value)'"), "grade": .int(level.grade.value)],
                    track: level.track.value, grade: level.grade.value))
            }
            for criterion in promotion.criteria {
                let lower = criterion.value.lowercased()
                guard let pattern = patterns.first(where: { lower.contains($0) }) else { continue }
                hits.append(Hit(
                    file: l.file, span: criterion.span, path: level.path.key("promotion").entry("criteria", pattern), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("pattern", .string(pattern)), Evidence("criterion", .string(criterion.value))],
                    args: ["level": .text(label), "found": .text("the criterion \"\(criterion.value)\""), "grade": .int(level.grade.value)],
                    track: level.track.value, grade: level.grade.value))
            }
        }
        return hits
    }
}
