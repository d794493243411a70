import Foundation
import LadderModel
import LadderRules
import LadderOutput

/// The rule catalogue (`ladderlint rules`) and `ladderlint explain`, generated from the packs:
/// the README's rule table is this output, and a test keeps them equal.
public enum Catalogue {
    public static let formats = ["text", "json", "markdown", "docs"]

    public static func render(_ rules: [Rule], format: String) -> String {
        switch format {
        case "json": return json(rules).encoded(pretty: true) + "\n"
        case "markdown": return markdown(rules)
        case "docs": return RuleDocs.index(rules)
        default: return text(rules)
        }
    }

    static func params(_ r: Rule, registry: CheckRegistry = .builtin) -> [(String, ParamValue)] {
        let order = registry[r.check]?.params.map(\.name) ?? r.params.values.keys.sorted()
        return order.compactMap { name in r.params.values[name].map { (name, $0) } }
    }

    static func paramText(_ r: Rule) -> String {
        params(r).map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    static func text(_ rules: [Rule]) -> String {
        let width = (rules.map(\.id.count) + CoreRules.ids.map(\.count)).max() ?? 20
        var out = ""
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count + 1)) }
        for r in rules {
            out += pad(r.id, width) + pad(r.severity.rawValue, 7) + Escape.terminal(r.summary)
            let p = Escape.terminal(paramText(r))
            if !p.isEmpty { out += " (\(p))" }
            out += "\n"
        }
        out += "\nAlways on, never configurable:\n"
        for id in CoreRules.ids + CoreRules.waiverIDs {
            out += pad(id, width) + pad(CoreRules.severity(id).rawValue, 7) + (CoreRules.summaries[id] ?? "") + "\n"
        }
        return out
    }

    static func json(_ rules: [Rule]) -> JSONValue {
        .object([
            ("tool", .object([("name", .string(Tool.name)), ("version", .string(Tool.version))])),
            ("rules", .array(rules.map { r in
                .object([
                    ("id", .string(r.id)), ("severity", .string(r.severity.rawValue)), ("check", .string(r.check)),
                    ("summary", .string(r.summary)), ("anchor", .string(r.anchor)),
                    ("params", .object(params(r).map { ($0.0, $0.1.jsonValue) })),
                    ("configurable", .bool(true)), ("origin", .string(r.origin)),
                ])
            } + (CoreRules.ids + CoreRules.waiverIDs).map { id in
                .object([
                    ("id", .string(id)), ("severity", .string(CoreRules.severity(id).rawValue)), ("check", .null),
                    ("summary", .string(CoreRules.summaries[id] ?? "")), ("anchor", .string("")),
                    ("params", .object([])), ("configurable", .bool(false)), ("origin", .string("ladderlint")),
                ])
            })),
        ])
    }

    static func markdown(_ rules: [Rule]) -> String {
        var out = "| id | default | finds | parameters | points at |\n|---|---|---|---|---|\n"
        for r in rules {
            let p = params(r).map { "`\($0.0)` \($0.1)" }.joined(separator: ", ")
            out += "| `\(r.id)` | \(r.severity.rawValue) | \(escape(r.summary)) | \(p.isEmpty ? "–" : escape(p)) | \(escape(r.anchor)) |\n"
        }
        out += "\nAlways on (error unless noted), never configurable: "
        out += (CoreRules.ids + CoreRules.waiverIDs).map { id in
            "`\(id)`" + (CoreRules.severity(id) == .error ? "" : " (\(CoreRules.severity(id).rawValue))")
        }.joined(separator: ", ") + ".\n"
        for r in rules {
            out += "\n### `\(r.id)` (\(r.severity.rawValue))\n\n\(Escape.terminal(r.summary))\n\n"
            out += "**Why.** " + Escape.terminal(r.rationale.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")) + "\n\n"
            out += "**What it checks.** " + Escape.terminal(r.help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")) + "\n"
        }
        return out
    }

    /// A rule pack may come from a pull request: its text is terminal-visible (Escape) and `|`
    /// cannot end a cell.
    static func escape(_ s: String) -> String { Escape.terminal(s).replacingOccurrences(of: "|", with: "\\|") }

    /// `ladderlint explain RULE`.
    public static func explain(_ r: Rule) -> String {
        var out = "\(Escape.terminal(r.id)) (\(r.severity.rawValue))\n\n\(Escape.terminal(r.summary))\n\n"
        out += "Why\n" + indent(r.rationale) + "\n"
        out += "What it checks\n" + indent(r.help) + "\n"
        out += "Points at: \(Escape.terminal(r.anchor))\n\n"
        let ps = params(r)
        if ps.isEmpty {
            out += "Parameters: none\n\n"
        } else {
            out += "Parameters (defaults; override under params: in .ladderlint.yml)\n"
            let specs = CheckRegistry.builtin[r.check]?.params ?? []
            for (name, value) in ps {
                let doc = specs.first { $0.name == name }.map { " - \($0.doc) (\($0.type))" } ?? ""
                out += "  \(Escape.terminal(name)): \(Escape.terminal("\(value)"))\(doc)\n"
            }
            out += "\n"
        }
        if let t = r.triggers { out += "Triggers\n" + indent(t) + "\n" }
        if let p = r.passes { out += "Passes\n" + indent(p) + "\n" }
        out += """
            How to waive
              In .ladderlint.yml (a waived finding stays in JSON and SARIF, marked suppressed):
                waivers:
                  - rule: \(r.id)
                    subject: the-level-program-or-forum-id   # optional
                    reason: "Approved by the compensation committee, 2026-Q3"
                    expires: 2027-03-31

            """
        return out
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + Escape.terminal(String($0)) }.joined(separator: "\n")
            .trimmingTrailingNewlines + "\n"
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
