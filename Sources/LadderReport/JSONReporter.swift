import LadderModel
import LadderRules
import LadderOutput

/// The dashboard JSON of OUTPUT.md: keys in the documented order, schema in schemas/report.schema.json.
public enum JSONReporter: StreamedJSONReporter {
    public static func streamed(_ report: Report) -> StreamedJSON {
        .object([
            ("tool", .value(.object([("name", .string(Tool.name)), ("version", .string(report.toolVersion))]))),
            ("schema_version", .value(.int(1))),
            ("findings", .items(report.findings.count) { finding(report.findings[$0]) }),
            ("summary", .value(summary(report.summary))),
            ("metrics", .object([("ladders", .written(report.metrics.count) { ladder(report.metrics[$0], redacted: report.redacted, into: &$1) })])),
            ("coverage", coverage(report)),
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

    public static func finding(_ f: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("location", .object([
                ("file", .string(f.location.file)), ("line", .int(f.location.line)), ("column", .int(f.location.column)),
                ("end_line", .int(f.location.endLine)), ("end_column", .int(f.location.endColumn)),
            ])),
            ("ladder", f.ladder.map { .string($0) } ?? .null),
            ("subjects", .array(f.subjects.map { .string($0) })),
            ("evidence", .object(f.evidence.map { ($0.key, evidence($0.value)) })),
            ("fingerprint", .string(f.fingerprint)),
            ("suppressed", .bool(f.suppressed)),
        ]
        if let s = f.suppression {
            var sp: [(String, JSONValue)] = [("kind", .string(s.kind.rawValue)), ("reason", .string(s.reason))]
            if let e = s.expires { sp.append(("expires", .string(e.description))) }
            pairs.append(("suppression", .object(sp)))
        }
        return .object(pairs)
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
