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

/// What part of a ladder a rule is about. Reporters group findings by it instead of naming
/// rules or checks (docs/format.md, "Rule facts").
public enum RuleCategory: String, Sendable, CaseIterable {
    case pay, tracks, training, decisions, forums, transitions, survey, recognition, hygiene
}

/// Whether a rule's behaviour is settled (`stable`) or may still change (`preview`).
public enum RuleStatus: String, Sendable, CaseIterable {
    case stable, preview
}

/// The finer labels a reporter may key on within a category, where the category alone is too
/// coarse (the HTML verdict's clauses). Closed, so a typo in a pack is an error, not a silent miss.
public enum RuleFacet: String, Sendable, CaseIterable {
    /// An IC promotion that asks for people management.
    case promotionRequirement = "promotion-requirement"
    /// Leadership training open to managers only.
    case managersOnlyTraining = "managers-only-training"
    /// No recent parity survey.
    case surveyOverdue = "survey-overdue"
    /// A parity survey run in a way that keeps honest answers out.
    case surveyConduct = "survey-conduct"
}

/// One rule: an id bound to a check, with severity, parameters, message and documentation.
public struct Rule: Sendable {
    public var id: String
    public var check: String
    public var category: RuleCategory = .hygiene
    /// Old ids of the rule: waivers, baselines and the configuration may still name them.
    public var aliases: [String] = []
    public var status: RuleStatus = .stable
    /// A live error or warning of this rule means the ladder treats management as a promotion.
    public var promotion: Bool = false
    public var facet: RuleFacet?
    /// Where the id and each alias are written, for errors about ids that collide across packs.
    public var idSpan: Span?
    public var aliasSpans: [Span] = []
    public var severity: Severity
    public var params: Params
    public var scope: RuleScope
    public var summary: String
    public var anchor: String
    public var message: String
    /// A second template for a finding on a pay formula's level factors (a hit that compares
    /// factors, which carries `management_factor`), when the rule gives one (`factor_message`);
    /// such a finding is rendered with `message` otherwise.
    public var factorMessage: String? = nil
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
    static let ruleKeys = ["id", "check", "category", "aliases", "status", "promotion", "facet", "severity", "params", "scope", "summary", "anchor", "message", "factor_message", "rationale", "help", "help_uri", "examples"]
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
        // Every id and alias of the pack, with the rule that declares it: an alias is another
        // name of one rule, so it may be neither an id nor another rule's alias.
        var names: [String: String] = [:]
        for item in items {
            let rule = try parseRule(item, file: file, registry: registry)
            guard names[rule.id] == nil else {
                let other = names[rule.id]!
                throw UsageError(file: file, span: item.span, other == rule.id
                    ? "rule id '\(rule.id)' is declared twice in this pack"
                    : "rule id '\(rule.id)' is already an alias of '\(other)' in this pack: give the rule another id or remove the alias")
            }
            names[rule.id] = rule.id
            for (alias, span) in try aliasSpans(item, file: file) {
                if let owner = names[alias] {
                    throw UsageError(file: file, span: span, owner == alias
                        ? "alias '\(alias)' of rule '\(rule.id)' is the id of a rule of this pack: an alias names a rule's old id, which no rule may still use"
                        : "alias '\(alias)' of rule '\(rule.id)' is already an alias of '\(owner)': an old id can lead to one rule only")
                }
                names[alias] = rule.id
            }
            rules.append(rule)
        }
        return RulePack(rules: rules)
    }

    /// A rule of a later pack against the rules already loaded: an id may not be an old id of
    /// another rule, and an old id may lead to one rule only.
    public static func checkAliases(of rule: Rule, against loaded: [Rule], file: String) throws {
        for other in loaded where other.aliases.contains(rule.id) {
            throw UsageError(file: file, span: rule.idSpan, "the rule id '\(rule.id)' is an old id (alias) of '\(other.id)' declared by \(other.origin): give the new rule its own id")
        }
        for (i, alias) in rule.aliases.enumerated() {
            let span = i < rule.aliasSpans.count ? rule.aliasSpans[i] : rule.idSpan
            if let other = loaded.first(where: { $0.id == alias }) {
                throw UsageError(file: file, span: span, "alias '\(alias)' of rule '\(rule.id)' is the id of a rule declared by \(other.origin): an alias names an old id no rule still uses")
            }
            if let other = loaded.first(where: { $0.aliases.contains(alias) }) {
                throw UsageError(file: file, span: span, "alias '\(alias)' of rule '\(rule.id)' is already an alias of '\(other.id)' declared by \(other.origin): an old id can lead to one rule only")
            }
        }
    }

    /// Each alias of a rule item with where it is written.
    static func aliasSpans(_ item: Node, file: String) throws -> [(String, Span)] {
        // aliases is read as a list of texts first (SettingsReader.strings), so what is here is
        // either that list or one text.
        guard case .mapping(let pairs) = item.content, let p = pairs.first(where: { $0.key.scalarText == "aliases" }) else { return [] }
        if case .sequence(let xs) = p.value.content { return xs.map { ($0.scalarText ?? "", $0.span) } }
        return [(p.value.scalarText ?? "", p.value.span)]
    }

    /// The facts of the built-in rules by check: a user rule that leaves its facts out takes
    /// those of the first built-in rule bound to the same check (docs/format.md).
    static let builtinFacts: [String: Rule] = {
        guard let rules = try? parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules else { return [:] }
        var by: [String: Rule] = [:]
        for r in rules where by[r.check] == nil { by[r.check] = r }
        return by
    }()

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
            throw UsageError(file: file, span: r.pair("severity")!.value.span, "severity: expected error, warning or info, found '\(severityText)'\(SettingsReader.meant(severityText, in: Severity.allCases.map(\.rawValue)))")
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
        var rule = Rule(
            id: id, check: checkID, severity: severity, params: params, scope: scope,
            summary: try r.string("summary", required: true)!, anchor: try r.string("anchor") ?? "",
            message: message, rationale: try r.string("rationale") ?? "", help: try r.string("help") ?? "",
            helpURI: try r.string("help_uri"), triggers: triggers, passes: passes, origin: file)
        if let factor = try r.string("factor_message") {
            try validate(template: factor, check: check, rule: id, file: file, span: r.pair("factor_message")!.value.span)
            rule.factorMessage = factor
        }
        try parseFacts(r, into: &rule, file: file)
        return rule
    }

    /// category, aliases, status, promotion and facet. Built-in rules must state their
    /// category; a user rule without one takes the built-in facts of its check, else `hygiene`.
    static func parseFacts(_ r: SettingsReader, into rule: inout Rule, file: String) throws {
        let builtin = file == BuiltinPack.path
        let inherited = builtin ? nil : builtinFacts[rule.check]
        if let text = try r.string("category") {
            guard let c = RuleCategory(rawValue: text) else {
                throw UsageError(file: file, span: r.pair("category")!.value.span, "rule '\(rule.id)', category: expected one of \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            }
            rule.category = c
        } else if builtin {
            throw UsageError(file: file, span: r.pair("id")!.value.span, "rule '\(rule.id)' has no category: every built-in rule states one of \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        } else {
            rule.category = inherited?.category ?? .hygiene
        }
        if let text = try r.string("status") {
            guard let s = RuleStatus(rawValue: text) else {
                throw UsageError(file: file, span: r.pair("status")!.value.span, "rule '\(rule.id)', status: expected stable or preview, found '\(text)'")
            }
            rule.status = s
        }
        if let p = r.pair("promotion") {
            guard case .bool(let b)? = p.value.scalarValue else {
                throw UsageError(file: file, span: p.value.span, "rule '\(rule.id)', promotion: expected true or false, found \(p.value.settingsNoun)")
            }
            rule.promotion = b
        } else {
            rule.promotion = inherited?.promotion ?? false
        }
        if let text = try r.string("facet") {
            guard let f = RuleFacet(rawValue: text) else {
                throw UsageError(file: file, span: r.pair("facet")!.value.span, "rule '\(rule.id)', facet: expected one of \(RuleFacet.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            }
            rule.facet = f
        } else {
            rule.facet = inherited?.facet
        }
        rule.idSpan = r.pair("id")?.value.span
        rule.aliases = try r.strings("aliases") ?? []
        rule.aliasSpans = try aliasSpans(r.node, file: file).map(\.1)
        for (i, alias) in rule.aliases.enumerated() where CoreRules.ids.contains(alias) || CoreRules.waiverIDs.contains(alias) {
            throw UsageError(file: file, span: rule.aliasSpans[i], "alias '\(alias)' of rule '\(rule.id)' is reserved for ladderlint's own findings: remove it")
        }
        for (i, alias) in rule.aliases.enumerated() where !isKebab(alias) || alias == rule.id {
            let span = rule.aliasSpans[i]
            throw UsageError(file: file, span: span, alias == rule.id
                ? "rule '\(rule.id)' lists its own id as an alias: list only old ids"
                : "alias '\(alias)' of rule '\(rule.id)' must be kebab-case (lower-case words joined by '-')")
        }
    }

    static func isKebab(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) } }
    }

    /// Checks parameter names and types against the check's declared specs.
    public static func parseParams(_ node: Node, anchor: Span, onto base: Params, check: Check, rule: String, file: String) throws -> Params {
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
            guard !node.isCollection, let t = node.scalarText, options.contains(t) else {
                throw node.isCollection ? wrong : UsageError(file: file, span: node.span, wrong.message + SettingsReader.meant(node.scalarText ?? "", in: options))
            }
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

extension Rule {
    /// The template a hit is rendered with: `factor_message` for a comparison of a pay
    /// formula's level factors, when the rule gives one; else `message`.
    public func template(for hit: Hit) -> String {
        if let factorMessage, hit.args["management_factor"] != nil { return factorMessage }
        return message
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

    public static func render(_ template: String, _ args: [String: MessageArg]) -> String {
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
                    out += args[name]?.rendered ?? "{\(name)}"
                    open = nil
                    literal = i + 1
                }
            }
            if open == nil { out += String(decoding: UnsafeBufferPointer(rebasing: u[literal..<u.count]), as: UTF8.self) }
        }
        return out
    }
}
