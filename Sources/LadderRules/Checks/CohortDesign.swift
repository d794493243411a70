import LadderModel
import LadderYAML

extension Check {
    /// A leadership-training cohort unlike a good skill share: small, short, confidential, mixed.
    static let cohortDesign = Check(
        id: "cohort-design",
        summary: "compares each leadership-training cohort with a short, small, confidential peer group mixing managers (or tech-lead-managers) and ICs",
        params: [
            ParamSpec("min_size", .int(min: 1), .int(4), "smallest cohort"),
            ParamSpec("max_size", .int(min: 1), .int(12), "largest cohort"),
            ParamSpec("max_weeks", .int(min: 1), .int(12), "longest time box in weeks"),
        ],
        messageArgs: ["program", "problem", "fix"]
    ) { ctx in
        let l = ctx.ladder
        let minSize = ctx.params.int("min_size"), maxSize = ctx.params.int("max_size"), maxWeeks = ctx.params.int("max_weeks")
        var hits: [Hit] = []
        for p in l.policies {
            for program in p.programs where program.kind == .leadershipTraining {
                guard let c = program.cohort else { continue }
                let base = program.path.key("cohort")
                func hit(_ span: Span, _ key: String, _ problem: String, _ fix: String, _ evidence: Evidence) {
                    hits.append(Hit(
                        file: p.source.file, span: span, path: base.key(key), subjects: [program.id.value], evidence: [evidence],
                        args: ["program": .text("\(program.id.value) (\(program.name))"), "problem": .text(problem), "fix": .text(fix)]))
                }
                if let size = c.size, size.value < minSize || size.value > maxSize {
                    hit(size.span, "size", "has \(size.value) people", "keep cohorts between \(minSize) and \(maxSize) people", Evidence("size", .int(size.value)))
                }
                if let weeks = c.weeks {
                    if weeks.value > maxWeeks {
                        hit(weeks.span, "weeks", "runs \(weeks.value) weeks", "time-box it to \(maxWeeks) weeks or fewer", Evidence("weeks", .int(weeks.value)))
                    }
                } else {
                    hit(c.span, "weeks", "has no time box", "set weeks (\(maxWeeks) or fewer)", Evidence("weeks", .string("missing")))
                }
                if c.confidential?.value != true {
                    hit(c.confidential?.span ?? c.span, "confidential", c.confidential == nil ? "does not say it is confidential" : "is not confidential",
                        "set confidential: true", Evidence("confidential", .bool(false)))
                }
                let mix = c.mix?.value ?? []
                // A tech-lead-manager has reports: a cohort of them mixes in management. A tech
                // lead (no reports) is not an individual contributor for the mix, as before.
                var lacking: [String] = []
                if !mix.contains(TrackKind.management.rawValue) && !mix.contains(KnownRoles.techLeadManager) { lacking.append("management") }
                if !mix.contains(TrackKind.individualContributor.rawValue) { lacking.append("individual-contributor") }
                if !lacking.isEmpty {
                    hit(c.mix?.span ?? c.span, "mix", "mixes no \(lacking.joined(separator: " and no "))", "mix managers, tech leads and ICs in each cohort",
                        Evidence("mix", .strings(mix)))
                }
            }
        }
        return hits
    }
}
