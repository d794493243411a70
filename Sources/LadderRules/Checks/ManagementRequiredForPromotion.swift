import LadderModel

extension Check {
    /// An IC promotion that asks for people-management experience.
    static let managementRequiredForPromotion = Check(
        id: "management-required-for-ic-promotion",
        summary: "reads the promotion requirements of IC and shared levels for people-management tags and criteria",
        params: [
            ParamSpec("tags", .strings, .strings(["people-management", "direct-reports", "management-experience"]), "promotion.requires tags that mean \"has managed people\""),
            ParamSpec("patterns", .strings, .strings(["direct reports", "people management", "managed a team", "management experience"]), "phrases in promotion.criteria that mean the same (case-insensitive)"),
        ],
        messageArgs: ["level", "found", "grade"]
    ) { ctx in
        let l = ctx.ladder
        let tags = Set(ctx.params.strings("tags"))
        let patterns = ctx.params.strings("patterns").map { ($0.lowercased(), Array($0.lowercased().utf8)) }
        var hits: [Hit] = []
        // A shared level is reached from the IC track too (a converged top, a common trunk): a
        // promotion to it that asks for people management closes it to engineers.
        for level in l.levels where l.onICSide(level) {
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
                let lower = Self.lowercasedUTF8(criterion.value)
                guard let (pattern, _) = patterns.first(where: { Self.contains(lower, $0.1) }) else { continue }
                hits.append(Hit(
                    file: l.file, span: criterion.span, path: level.path.key("promotion").entry("criteria", pattern), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("pattern", .string(pattern)), Evidence("criterion", .string(criterion.value))],
                    args: ["level": .text(label), "found": .text("the criterion \"\(criterion.value)\""), "grade": .int(level.grade.value)],
                    track: level.track.value, grade: level.grade.value))
            }
        }
        return hits
    }

    /// The UTF-8 of `text.lowercased()`. ASCII text, the usual case, is lowered byte by byte
    /// instead of through a lowercased copy of the string.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.lowercased().utf8) }
        for i in bytes.indices where bytes[i] >= UInt8(ascii: "A") && bytes[i] <= UInt8(ascii: "Z") {
            bytes[i] += 32
        }
        return bytes
    }

    /// Byte substring search: criteria are short, and Foundation's `contains` bridges to
    /// NSString on Linux, which showed in the profile of a large audit.
    static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard text.count >= pattern.count else { return false }
        let first = pattern[0]
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < pattern.count && text[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }
}
