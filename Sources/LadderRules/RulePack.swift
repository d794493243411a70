import LadderModel
import LadderYAML

/// Which subjects a rule looks at: a narrower rule without writing Swift.
public struct RuleScope: Sendable, Equatable {
    public var tracks: [String]?
    public var minGrade: Int?
    public var maxGrade: Int?
    public var zones: [String]?

    public init(tracks: [String]? = nil, minGrade: Int? = nil, maxGrade: Int? = nil, zones: [String]? = nil) {
        self.tracks = tracks
        self.minGrade = minGrade
        self.maxGrade = maxGrade
        self.zones = zones
    }

    public var isEmpty: Bool { tracks == nil && minGrade == nil && maxGrade == nil && zones == nil }

    /// A hit is in scope unless it names a track, grade or zone the scope leaves out.
    func contains(_ hit: Hit) -> Bool {
        if let tracks, let t = hit.track, !tracks.contains(t) { return false }
        if let minGrade, let g = hit.grade, g < minGrade { return false }
        if let maxGrade, let g = hit.grade, g > maxGrade { return false }
        if let zones, let z = hit.zone, !zones.contains(z) { return false }
        return true
    }
}

/// One rule: an id bound to a check, with severity, parameters, message and documentation.
public struct Rule: Sendable {
    public var id: String
    public var check: String
    public var severity: Severity
    public var params: Params
    public var scope: RuleScope
    public var summary: String
    public var anchor: String
    public var message: String
    public var rationale: String
    public var help: String
    public var helpURI: String?
    public var triggers: String?
    public var passes: String?
    /// Where the rule was declared, e.g. `rules/builtin.yaml` or a user pack.
    public var origin: String
}

/// A rule pack: a YAML file of rules. The built-in one ships in `rules/` and inside the binary.
public struct RulePack: Sendable {
    public var rules: [Rule]

    static let packKeys = ["version", "rules"]
    static let ruleKeys = ["id", "check", "severity", "params", "scope", "summary", "anchor", "message", "rationale", "help", "help_uri", "examples"]
    static let scopeKeys = ["tracks", "min_grade", "max_grade", "zones"]
    static let exampleKeys = ["triggers", "passes"]

    /// Parses and validates a pack against the checks it binds to: an unknown check, key,
    /// parameter, placeholder or a wrong type fails here, before any ladder is read.
    public static func parse(_ text: String, file: String, registry: CheckRegistry) throws -> RulePack {
        let result = YAMLLoader().load(Array(text.utf8))
        if let issue = result.issues.first {
            throw UsageError(file: file, span: issue.span, "the rule pack is not valid YAML: \(issue.settingsMessage)")
        }
        guard let root = result.documents.first?.root else {
            throw UsageError(file: file, "the rule pack is empty: expected a mapping with 'version' and 'rules'")
        }
        let r = try SettingsReader(file: file, node: root, anchor: root.span, what: "a rule pack", keys: packKeys)
        if let v = try r.int("version"), v != 1 {
            throw UsageError(file: file, span: r.pair("version")!.value.span, "rule pack version \(v) is newer than this ladderlint understands (1): upgrade ladderlint")
        }
        let rulesPair = try r.required("rules")
        guard case .sequence(let items) = rulesPair.value.content else {
            throw UsageError(file: file, span: rulesPair.anchorSpan, "rules: expected a list of rules, found \(rulesPair.value.settingsNoun)")
        }
        var rules: [Rule] = []
        var seen = Set<String>()
        for item in items {
            let rule = try parseRule(item, file: file, registry: registry)
            guard seen.insert(rule.id).inserted else {
                throw UsageError(file: file, span: item.span, "rule id '\(rule.id)' is declared twice in this pack")
            }
            rules.append(rule)
        }
        return RulePack(rules: rules)
    }

    static func parseRule(_ node: Node, file: String, registry: CheckRegistry) throws -> Rule {
        let r = try SettingsReader(file: file, node: node, anchor: node.span, what: "a rule", keys: ruleKeys)
        let id = try r.string("id", required: true)!
        guard isKebab(id) else {
            throw UsageError(file: file, span: r.pair("id")!.value.span, "rule id '\(id)' must be kebab-case (lower-case words joined by '-')")
        }
        let checkID = try r.string("check", required: true)!
        guard let check = registry[checkID] else {
            var message = "rule '\(id)' binds to an unknown check '\(checkID)'"
            if let s = Suggest.nearest(checkID, in: registry.ids) { message += ": did you mean '\(s)'?" } else { message += "." }
            throw UsageError(file: file, span: r.pair("check")!.value.span, message + " Valid checks: \(registry.ids.joined(separator: ", "))")
        }
        let severityText = try r.string("severity", required: true)!
        guard let severity = Severity(rawValue: severityText) else {
            throw UsageError(file: file, span: r.pair("severity")!.value.span, "severity: expected error, warning or info, found '\(severityText)'")
        }
        var params = check.defaults
        if let p = r.pair("params") {
            params = try parseParams(p.value, anchor: p.anchorSpan, onto: params, check: check, rule: id, file: file)
        }
        var scope = RuleScope()
        if let p = r.pair("scope") {
            let s = try SettingsReader(file: file, node: p.value, anchor: p.anchorSpan, what: "a rule scope", keys: scopeKeys)
            scope = RuleScope(tracks: try s.strings("tracks"), minGrade: try s.int("min_grade"), maxGrade: try s.int("max_grade"), zones: try s.strings("zones"))
        }
        let message = try r.string("message", required: true)!
        try validate(template: message, check: check, rule: id, file: file, span: r.pair("message")!.value.span)
        var triggers: String?, passes: String?
        if let p = r.pair("examples") {
            let e = try SettingsReader(file: file, node: p.value, anchor: p.anchorSpan, what: "rule examples", keys: exampleKeys)
            triggers = try e.string("triggers")
            passes = try e.string("passes")
        }
        return Rule(
            id: id, check: checkID, severity: severity, params: params, scope: scope,
            summary: try r.string("summary", required: true)!, anchor: try r.string("anchor") ?? "",
            message: message, rationale: try r.string("rationale") ?? "", help: try r.string("help") ?? "",
            helpURI: try r.string("help_uri"), triggers: triggers, passes: passes, origin: file)
    }

    static func isKebab(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) } }
    }

    /// Checks parameter names and types against the check's declared specs.
    static func parseParams(_ node: Node, anchor: Span, onto base: Params, check: Check, rule: String, file: String) throws -> Params {
        guard case .mapping(let pairs) = node.content else {
            throw UsageError(file: file, span: anchor, "params of '\(rule)': expected a mapping, found \(node.settingsNoun)")
        }
        var params = base
        let names = check.params.map(\.name)
        for p in pairs {
            let name = p.key.scalarText ?? ""
            guard let spec = check.params.first(where: { $0.name == name }) else {
                var message = "rule '\(rule)': the check '\(check.id)' has no parameter '\(name)'"
                if let s = Suggest.nearest(name, in: names) { message += ": did you mean '\(s)'?" } else { message += "." }
                message += names.isEmpty ? " It takes no parameters." : " Valid parameters: \(names.joined(separator: ", "))"
                throw UsageError(file: file, span: p.key.span, message)
            }
            params.values[name] = try value(p.value, spec: spec, rule: rule, file: file)
        }
        return params
    }

    static func value(_ node: Node, spec: ParamSpec, rule: String, file: String) throws -> ParamValue {
        let wrong = UsageError(file: file, span: node.span, "rule '\(rule)', parameter '\(spec.name)': expected \(spec.type), found \(node.settingsNoun)")
        switch spec.type {
        case .number(let lo, let hi):
            let d: Double
            switch node.scalarValue {
            case .int(let i)?: d = Double(i)
            case .float(let f)? where f.isFinite: d = f
            default: throw wrong
            }
            if let lo, d < lo { throw wrong }
            if let hi, d > hi { throw wrong }
            return .number(d)
        case .int(let lo):
            guard case .int(let i)? = node.scalarValue else { throw wrong }
            if let lo, i < lo { throw wrong }
            return .int(i)
        case .choice(let options):
            guard !node.isCollection, let t = node.scalarText, options.contains(t) else { throw wrong }
            return .string(t)
        case .text:
            guard !node.isCollection, let t = node.scalarText else { throw wrong }
            return .string(t)
        case .strings:
            return .strings(try SettingsReader.strings(node, file: file, anchor: node.span, key: spec.name))
        }
    }

    /// Every `{name}` in a message must be one the check provides.
    static func validate(template: String, check: Check, rule: String, file: String, span: Span) throws {
        for name in MessageTemplate.placeholders(template) where !check.messageArgs.contains(name) {
            throw UsageError(file: file, span: span, "rule '\(rule)': the message uses {\(name)}, which the check '\(check.id)' does not provide. Valid placeholders: \(check.messageArgs.map { "{\($0)}" }.joined(separator: ", "))")
        }
    }
}

/// `{name}` placeholders in messages.
public enum MessageTemplate {
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { names.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return names
    }

    public static func render(_ template: String, _ args: [String: MessageArg], redact: Bool) -> String {
        // One scan over the bytes, literal stretches copied whole: walking Characters and
        // appending them one by one cost ~130 K instructions a message. `{` and `}` are ASCII,
        // never part of another character's UTF-8. A `}` outside a placeholder is literal; a
        // `{` inside one starts it again; an unclosed one is dropped.
        var out = ""
        var text = template
        text.withUTF8 { u in
            var literal = 0
            var open: Int?
            for i in 0..<u.count {
                if u[i] == UInt8(ascii: "{") {
                    if open == nil { out += String(decoding: UnsafeBufferPointer(rebasing: u[literal..<i]), as: UTF8.self) }
                    open = i + 1
                } else if u[i] == UInt8(ascii: "}"), let o = open {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: u[o..<i]), as: UTF8.self)
                    out += args[name]?.rendered(redact: redact) ?? "{\(name)}"
                    open = nil
                    literal = i + 1
                }
            }
            if open == nil { out += String(decoding: UnsafeBufferPointer(rebasing: u[literal..<u.count]), as: UTF8.self) }
        }
        return out
    }
}
