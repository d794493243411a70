import LadderModel
import LadderRules
import LadderOutput

/// The dashboard JSON of OUTPUT.md: keys in the documented order, schema in schemas/report.schema.json.
public enum JSONReporter: StreamedJSONReporter {
    public static func streamed(_ report: Report) -> StreamedJSON {
        .object([
            ("tool", .value(.object([("name", .string(Tool.name)), ("version", .string(report.toolVersion))]))),
            ("schema_version", .value(.int(1))),
            ("findings", findings(report)),
            ("summary", .value(summary(report.summary))),
            ("metrics", .object([("ladders", .written(report.metrics.count) { ladder(report.metrics[$0], redacted: report.redacted, into: &$1) })])),
            ("coverage", coverage(report)),
        ] + (report.change.map { [("change", .value(change($0)))] } ?? []))
    }

    /// `change` (only with `--changed-since`): what the change does to the findings.
    public static func change(_ c: ChangeSummary) -> JSONValue {
        .object([
            ("ref", .string(c.ref)), ("commit", .string(c.commit)),
            ("added", .int(c.added)), ("fixed", .int(c.fixed)), ("unchanged", .int(c.unchanged)),
        ])
    }

    /// The `coverage` object: `required` (what `--require` asked for), then per ladder each
    /// family's status and, unless checked, the reason; one ladder built at a time. SARIF
    /// carries the same object in its run's properties.
    public static func coverage(_ report: Report) -> StreamedJSON {
        .object([
            ("required", .value(.array(report.required.map { .string($0.rawValue) }))),
            ("ladders", .items(report.coverage.count) { coverage(report.coverage[$0]) }),
        ])
    }

    static func coverage(_ c: LadderCoverage) -> JSONValue {
        .object([
            ("id", .string(c.id)),
            ("file", .string(c.file)),
            ("line", .int(max(1, c.line))),
            ("families", .object(c.families.map { f in
                var pairs: [(String, JSONValue)] = [("status", .string(f.status.rawValue))]
                if let reason = f.reason { pairs.append(("reason", .string(reason))) }
                return (f.family.rawValue, .object(pairs))
            })),
        ])
    }

    /// Every finding, one by one; a part of a folded band (BandFold) also names its fold and
    /// the other parts (`fold`, `related`), so a dashboard counts as before and can still
    /// show one item per band.
    static func findings(_ report: Report) -> StreamedJSON {
        let foldOf = report.foldOfFinding
        guard !foldOf.isEmpty else { return .items(report.findings.count) { finding(report.findings[$0]) } }
        return .items(report.findings.count) { i in
            guard let k = foldOf[i] else { return finding(report.findings[i]) }
            let fold = report.folds[k]
            return finding(report.findings[i], fold: fold, lead: fold.lead == i, related: report.related(of: i, in: fold))
        }
    }

    public static func finding(_ f: Finding) -> JSONValue {
        finding(f, fold: nil, lead: false, related: f.related)
    }

    static func finding(_ f: Finding, fold: FindingFold?, lead: Bool, related: [RelatedLocation]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("location", location(f.location)),
            ("ladder", f.ladder.map { .string($0) } ?? .null),
            ("subjects", .array(f.subjects.map { .string($0) })),
            ("evidence", .object(f.evidence.map { ($0.key, evidence($0.value)) })),
            ("fingerprint", .string(f.fingerprint)),
            ("suppressed", .bool(f.suppressed)),
        ]
        if let s = f.suppression {
            var sp: [(String, JSONValue)] = [("kind", .string(s.kind.rawValue)), ("reason", .string(s.reason))]
            if let e = s.expires { sp.append(("expires", .string(e.description))) }
            // A waiver written as a comment in a ladder file: where the comment is.
            if let at = s.inline { sp.append(("inline", location(at))) }
            pairs.append(("suppression", .object(sp)))
        }
        if let fold {
            pairs.append(("fold", .object([("fingerprint", .string(fold.fingerprint)), ("lead", .bool(lead))])))
        }
        if !related.isEmpty {
            pairs.append(("related", .array(related.map(self.related))))
        }
        return .object(pairs)
    }

    /// Another part of the same fold: its rule, severity, place and fingerprint (its message
    /// is on its own finding).
    static func related(_ r: RelatedLocation) -> JSONValue {
        .object([
            ("rule", .string(r.rule)),
            ("severity", .string(r.severity.rawValue)),
            ("location", location(r.location)),
            ("fingerprint", .string(r.fingerprint)),
        ])
    }

    static func location(_ l: Location) -> JSONValue {
        .object([
            ("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column)),
            ("end_line", .int(l.endLine)), ("end_column", .int(l.endColumn)),
        ])
    }

    static func evidence(_ v: EvidenceValue) -> JSONValue {
        switch v {
        case .int(let i): return .int(i)
        case .number(let d), .amount(let d), .ratio(let d): return .number(d)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .strings(let l): return .array(l.map { .string($0) })
        }
    }

    static func summary(_ s: Summary) -> JSONValue {
        .object([
            ("files", .int(s.files)), ("documents", .int(s.documents)), ("ladders", .int(s.ladders)),
            ("error", .int(s.error)), ("warning", .int(s.warning)), ("info", .int(s.info)),
            ("suppressed", .int(s.suppressed)),
            ("by_rule", .object(s.byRule.map { ($0.0, .int($0.1)) })),
        ])
    }

    /// An amount, or "[redacted]" under --redact.
    static func amount(_ v: Double?, _ redacted: Bool) -> JSONValue {
        guard let v else { return .null }
        return redacted ? .string("[redacted]") : .number(v)
    }

    static func ratio(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }

    /// One ladder's metrics, written as they are read: the largest part of an audit's report.
    static func ladder(_ m: LadderMetrics, redacted r: Bool, into o: inout JSONOut) {
        o.object { o in
            o.member("id", .string(m.id))
            o.key("top_grade")
            o.object { o in
                o.member("individual_contributor", m.topIC.map { .int($0) } ?? .null)
                o.member("management", m.topManagement.map { .int($0) } ?? .null)
            }
            o.key("pay")
            o.array { o in
                for p in m.pay {
                    o.object { o in
                        o.member("grade", .int(p.grade))
                        o.member("zone", .string(p.zone))
                        o.member("currency", .string(p.currency))
                        o.member("individual_contributor_max", amount(p.icMax, r))
                        o.member("management_max", amount(p.managementMax, r))
                        o.member("ratio", ratio(p.ratio))
                        o.member("period", .string(p.period))
                        o.member("individual_contributor_min", amount(p.icMin, r))
                        o.member("management_min", amount(p.managementMin, r))
                        o.member("min_ratio", ratio(p.minRatio))
                        o.member("individual_contributor_mid", amount(p.icMid, r))
                        o.member("management_mid", amount(p.managementMid, r))
                        o.member("mid_ratio", ratio(p.midRatio))
                        o.key("individual_contributor_levels")
                        o.array { o in for l in p.icLevels { o.value(.string(l)) } }
                        o.key("management_levels")
                        o.array { o in for l in p.managementLevels { o.value(.string(l)) } }
                    }
                }
            }
            o.key("survey")
            o.array { o in
                for s in m.survey {
                    o.object { o in
                        o.member("question", .string(s.question))
                        o.member("respondents", .int(s.respondents))
                        o.member("agree_ratio", ratio(s.agreeRatio))
                        o.member("withheld", .bool(s.withheld))
                        o.member("conducted", .string(s.conducted))
                    }
                }
            }
        }
    }
}
