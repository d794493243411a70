import LadderModel
import LadderYAML

/// The checks that compare a ladder with itself at the revision `--changed-since` names
/// (`CheckContext.previous`): what a pull request does, not what the ladder is.
extension Check {
    /// A management band raised by more than its IC peer (or an IC band cut while its management
    /// peer was not), at the same grade, zone, currency and period.
    static let bandChange = Check(
        id: "band-change",
        summary: "compares each band's change since the earlier revision (min, mid when written, max, in %) with its peer's on the other track at the same grade, zone, currency and period",
        params: [
            ParamSpec("tolerance", .number(min: 0, max: nil), .number(0), "how many points (a fraction, e.g. 0.01) more the management change may be before it is a finding"),
        ],
        messageArgs: ["management", "ic", "measure", "management_change", "management_before", "management_after", "ic_change", "ic_before", "ic_after", "fix", "zone", "grade"],
        needs: [.ladder, .compensation, .payFormula],
        comparesRevisions: true
    ) { ctx in
        guard let previous = ctx.previous else { return [] }
        let tolerance = ctx.params.number("tolerance")
        let bands = ctx.ladder.bands
        struct Key: Hashable { var level: String, zone: String, currency: String, period: PayPeriod }
        var before: [Key: AmountRange] = [:]
        for b in previous.bands { before[Key(level: b.level.id.value, zone: b.band.zone, currency: b.band.currency, period: b.band.period)] = b.band.base }
        func key(_ b: PlacedBand) -> Key { Key(level: b.level.id.value, zone: b.band.zone, currency: b.band.currency, period: b.band.period) }
        // The written measures of a band: mid only when written (else it moves with min and max).
        func measures(_ r: AmountRange) -> [(name: String, value: Located<Double>)] {
            [("min", r.min)] + (r.mid.map { [("mid", $0)] } ?? []) + [("max", r.max)]
        }
        func value(_ r: AmountRange, _ name: String) -> Double {
            switch name {
            case "min": r.min.value
            case "mid": r.midpoint
            default: r.max.value
            }
        }
        func change(_ old: Double, _ new: Double) -> Double { old > 0 ? (new - old) / old : 0 }
        var hits: [Hit] = []
        // Two levels of one pay formula move together in every zone and measure (a factor
        // changed): one finding per pair, at the factor, not one per zone and measure.
        struct FormulaPair: Hashable { var management: String, ic: String }
        var formulaPairs = Set<FormulaPair>()
        for group in ctx.payGroups {
            for mi in group.members where bands[mi].kind == .management {
                let m = bands[mi]
                guard let mOld = before[key(m)] else { continue }  // a new band: nothing to compare
                // IC peers that exist on both sides.
                let peers = group.members.filter { bands[$0].kind == .individualContributor && bands[$0].grade == m.grade && before[key(bands[$0])] != nil }
                guard !peers.isEmpty else { continue }
                for (name, located) in measures(m.band.base) {
                    let mBefore = value(mOld, name), mAfter = value(m.band.base, name), mChange = change(mBefore, mAfter)
                    // The peer that changed most in management's favour answers for the IC side.
                    let changes = peers.map { i in (i, value(before[key(bands[i])]!, name), value(bands[i].band.base, name)) }
                    guard let (ti, tBefore, tAfter) = changes.max(by: { change($0.1, $0.2) < change($1.1, $1.2) }) else { continue }
                    let t = bands[ti], tChange = change(tBefore, tAfter)
                    let raised = mChange > 0 && mChange - tChange > tolerance
                    let cut = tChange < 0 && mChange >= 0
                    guard raised || cut else { continue }
                    let formula = m.band.formula != nil && t.band.formula != nil && m.source.file == t.source.file
                    if formula && !formulaPairs.insert(FormulaPair(management: m.level.id.value, ic: t.level.id.value)).inserted { continue }
                    // On the changed line: the management value raised, or the IC value cut.
                    let (at, span, path): (PlacedBand, Span, ModelPath) = raised
                        ? (m, located.span, m.band.path.key("base").key(name))
                        : (t, measures(t.band.base).first { $0.name == name }?.value.span ?? t.band.base.span, t.band.path.key("base").key(name))
                    let currency = group.currency
                    hits.append(Hit(
                        file: at.source.file, span: span, path: path, subjects: [m.level.id.value, t.level.id.value, name],
                        evidence: [
                            Evidence("grade", .int(m.grade)), Evidence("zone", .string(group.zone)), Evidence("measure", .string(name)),
                            Evidence("management_before", .amount(mBefore)), Evidence("management_after", .amount(mAfter)),
                            Evidence("ic_before", .amount(tBefore)), Evidence("ic_after", .amount(tAfter)),
                            Evidence("management_change", .ratio(Format.round(mChange, 4))), Evidence("ic_change", .ratio(Format.round(tChange, 4))),
                        ],
                        args: [
                            "management": .text(m.level.id.value), "ic": .text(t.level.id.value), "measure": .text(name),
                            "management_change": .text(signed(mChange)), "ic_change": .text(signed(tChange)),
                            "management_before": .amount(mBefore, currency: currency), "management_after": .amount(mAfter, currency: currency),
                            "ic_before": .amount(tBefore, currency: currency), "ic_after": .amount(tAfter, currency: currency),
                            "fix": .text(raised ? "if you must raise the management bands, raise the engineering bands too" : "cut the engineering bands only with their management peers"),
                            "zone": .text(formula ? "\(group.zone), as in every zone of the pay formula" : group.zone), "grade": .int(m.grade),
                        ],
                        track: at.track.id.value, grade: m.grade, zone: group.zone))
                }
            }
        }
        return hits
    }

    /// "+8.0%", "+0.0%", "-3.0%": always one decimal, so a change and no change read alike.
    static func signed(_ change: Double) -> String {
        let tenths = Int((abs(change) * 1000).rounded())
        return (change < 0 && tenths > 0 ? "-" : "+") + "\(tenths / 10).\(tenths % 10)%"
    }

    /// The IC track's highest grade lowered by the change while management keeps its own.
    static let icTrackShortened = Check(
        id: "ic-track-shortened",
        summary: "compares the highest grade of the IC track and of the management track with the earlier revision",
        messageArgs: ["before_grade", "before_level", "after_grade", "after_level", "management_grade"],
        needs: [.ladder],
        comparesRevisions: true
    ) { ctx in
        guard let previous = ctx.previous else { return [] }
        func top(_ l: ResolvedLadder, _ kind: TrackKind) -> Level? {
            l.levels.filter { l.kind(of: $0) == kind }.max { $0.grade.value < $1.grade.value }
        }
        let l = ctx.ladder
        guard let icBefore = top(previous, .individualContributor), let mBefore = top(previous, .management), let mAfter = top(l, .management),
              mAfter.grade.value >= mBefore.grade.value
        else { return [] }
        let icAfter = top(l, .individualContributor)
        guard (icAfter?.grade.value ?? -1) < icBefore.grade.value else { return [] }
        let (span, path) = icAfter.map { ($0.grade.span, $0.path.key("grade")) } ?? (l.ladder.id.span, ModelPath.root.key("id"))
        return [Hit(
            file: l.file, span: span, path: path, subjects: [icBefore.id.value],
            evidence: [Evidence("before_grade", .int(icBefore.grade.value)), Evidence("after_grade", .int(icAfter?.grade.value ?? 0)),
                       Evidence("management_grade", .int(mAfter.grade.value))],
            args: ["before_grade": .int(icBefore.grade.value), "before_level": .text("\(icBefore.id.value) (\(icBefore.title))"),
                   "after_grade": .text(icAfter.map { String($0.grade.value) } ?? "none"),
                   "after_level": .text(icAfter.map { "\($0.id.value) (\($0.title))" } ?? "no IC level at all"),
                   "management_grade": .int(mAfter.grade.value)],
            track: icAfter?.track.value, grade: icAfter?.grade.value)]
    }

    /// A leadership program's or forum's audience that lost IC levels or tech leads in the change.
    static let audienceNarrowed = Check(
        id: "audience-narrowed",
        summary: "compares the IC and tech-lead levels in each program's eligible audience and each forum's members with the earlier revision, by program and forum id",
        params: [
            ParamSpec("program_kinds", .strings, .strings(["leadership-training"]), "which program kinds to look at"),
            ParamSpec("forum_purposes", .strings, .strings(["planning", "decision"]), "which forum purposes to look at"),
            ParamSpec("role", .text, .string(KnownRoles.techLead), "the role whose levels count beside the IC levels"),
        ],
        messageArgs: ["what", "lost", "before", "after"],
        needs: [.ladder, .policy],
        comparesRevisions: true
    ) { ctx in
        guard let previous = ctx.previous else { return [] }
        let l = ctx.ladder, role = ctx.params.string("role")
        let kinds = Set(ctx.params.strings("program_kinds")), purposes = Set(ctx.params.strings("forum_purposes"))
        // Who counts: IC-side levels and the role's holders, by level id (a level renamed is a level lost).
        func counted(_ ladder: ResolvedLadder, _ audience: Audience) -> [String] {
            ladder.members(of: audience).filter { ladder.onICSide($0) || $0.roles.contains { $0.value == role } }.map(\.id.value)
        }
        var programsBefore: [String: Audience] = [:], forumsBefore: [String: Audience] = [:]
        for p in previous.policies {
            for x in p.programs where programsBefore[x.id.value] == nil { programsBefore[x.id.value] = x.eligible.value }
            for f in p.forums where forumsBefore[f.id.value] == nil { forumsBefore[f.id.value] = f.members.value }
        }
        var hits: [Hit] = []
        func judge(_ file: String, _ audience: Located<Audience>, before: Audience?, path: ModelPath, id: String, what: String) {
            guard let before else { return }
            let was = counted(previous, before), now = Set(counted(l, audience.value))
            let lost = was.filter { !now.contains($0) }
            guard !lost.isEmpty else { return }
            hits.append(Hit(
                file: file, span: audience.span, path: path, subjects: [id],
                evidence: [Evidence("lost_levels", .strings(lost)), Evidence("before_levels", .strings(was)), Evidence("after_levels", .strings(now.sorted()))],
                args: ["what": .text(what), "lost": .text(describe(lost.compactMap { previous.levelsByID[$0] })),
                       "before": .int(was.count), "after": .int(now.count)]))
        }
        for p in l.policies {
            for x in p.programs where kinds.contains(x.kind.rawValue) {
                judge(p.source.file, x.eligible, before: programsBefore[x.id.value], path: x.path.key("eligible"), id: x.id.value, what: "the \(x.kind.rawValue) program \(x.id.value) (\(x.name))")
            }
            for f in p.forums where purposes.contains(f.purpose.rawValue) {
                judge(p.source.file, f.members, before: forumsBefore[f.id.value], path: f.path.key("members"), id: f.id.value, what: "the \(f.purpose.rawValue) forum \(f.id.value) (\(f.name))")
            }
        }
        return hits
    }
}
