import LadderModel
import LadderYAML

extension Check {
    /// A pay component that grows with the number of reports, team or organisation size.
    static let payScaling = Check(
        id: "pay-scaling",
        summary: "reads scales_with of every band and pay formula for pay components that grow with the size of what is managed",
        params: [
            ParamSpec("drivers", .strings, .strings(["reports", "team-size", "headcount", "org-size"]),
                      "scales_with values that mean the size of what is managed (of reports, headcount, team-size, org-size, performance, company-performance, market, tenure, impact)"),
        ],
        messageArgs: ["subject", "component", "driver"]
    ) { ctx in
        let l = ctx.ladder
        let drivers = Set(ctx.params.strings("drivers"))
        var hits: [Hit] = []
        // A pay formula's scales_with is carried to every band it derives: one finding each.
        var seen = Set<LadderYAML.Span>()
        for placed in l.bands {
            let b = placed.band
            let scalings = b.formula?.scalesWith ?? b.scalesWith
            for s in scalings where drivers.contains(s.driver.value.rawValue) {
                let subject: String
                let path: ModelPath
                if b.formula != nil {
                    guard seen.insert(s.driver.span).inserted else { continue }
                    subject = "the pay formula"
                    path = ModelPath.root.key("scales_with").key(s.component.value.rawValue)
                } else {
                    subject = "the band of \(placed.level.id.value) (\(placed.level.title)), zone \(b.zone),"
                    path = b.path.key("scales_with").key(s.component.value.rawValue)
                }
                hits.append(Hit(
                    file: placed.source.file, span: s.driver.span, path: path, subjects: [placed.level.id.value],
                    evidence: [Evidence("component", .string(s.component.value.rawValue)), Evidence("driver", .string(s.driver.value.rawValue))],
                    args: ["subject": .text(subject), "component": .text(Self.componentName(s.component.value)), "driver": .text(s.driver.value.rawValue)],
                    track: b.formula == nil ? placed.level.track.value : nil, grade: b.formula == nil ? placed.level.grade.value : nil,
                    zone: b.formula == nil ? b.zone : nil))
            }
        }
        return hits
    }

    static func componentName(_ c: PayComponent) -> String {
        switch c {
        case .base: "base pay"
        case .bonus: "the bonus"
        case .equity: "equity"
        }
    }
}
