import LadderModel
import LadderRules
import LadderYAML

/// A waiver: a finding the organisation has decided to accept, with a reason and an expiry.
/// Written in `.ladderlint.yml`'s `waivers:`, in its `waivers_file:`, or as a comment next to
/// the item (`# ladderlint: waive RULE -- REASON`, `InlineWaivers`).
public struct Waiver: Sendable {
    public var rule: String
    public var subject: String?
    public var reason: String
    /// nil only for an inline waiver written without `until`.
    public var expires: Day?
    /// Where the waiver is written, for expired-waiver and unused-waiver findings.
    public var location: Location
    /// Only findings of this zone (`zone:`, `zone=`).
    public var zone: String?
    /// Only findings of this pay component: base, bonus or equity (`component:`, `component=`).
    public var component: String?
    /// An inline waiver: the line of `location.file` whose findings it waives.
    public var line: Int?
    /// Where the rule id is written, for an unknown one.
    public var ruleSpan: Span?

    public init(
        rule: String, subject: String? = nil, reason: String, expires: Day?, location: Location, zone: String? = nil, component: String? = nil,
        line: Int? = nil, ruleSpan: Span? = nil
    ) {
        self.rule = rule
        self.subject = subject
        self.reason = reason
        self.expires = expires
        self.location = location
        self.zone = zone
        self.component = component
        self.line = line
        self.ruleSpan = ruleSpan
    }
}

/// `.ladderlint.yml`: typed, versioned; unknown keys and rule ids are usage errors.
public struct Configuration: Sendable {
    public var file: String?
    /// The file read, absolute: no output of the run may replace it.
    public var source: String?
    /// The folder paths and packs are relative to.
    public var directory: String
    public var paths: [String]?
    public var rulePacks: [String]
    /// Where each of `paths` and `rulePacks` is written, for errors about a path that leads
    /// out of the repository.
    public var pathSpans: [Span] = []
    public var rulePackSpans: [Span] = []
    public var severity: [String: Severity]
    public var disable: [String]
    public var params: [String: (node: Node, span: Span)]
    public var failOn: FailLevel?
    public var waivers: [Waiver]
    public var limits: LoadLimits
    /// Spreadsheets read as documents (SourcesSetting).
    public var sources: [BandsSource] = []
    /// `waivers_file:` as written, and where; its waivers are in `waivers` once ConfigLoader
    /// has read it (a file that does not exist yet waives nothing).
    public var waiversFile: String?
    public var waiversFileSpan: Span?
    /// The waivers file, absolute: no output but `--add-waivers` may replace it.
    public var waiversFileSource: String?

    public static let fileNames = [".ladderlint.yml", ".ladderlint.yaml"]
    static let keys = ["version", "paths", "rules", "severity", "disable", "params", "fail_on", "waivers", "limits", "sources", "waivers_file"]
    static let waiverKeys = ["rule", "subject", "reason", "expires", "zone", "component"]
    static let limitKeys = ["max_file_bytes", "max_depth", "max_alias_nodes"]

    public init(directory: String) {
        self.file = nil
        self.source = nil
        self.directory = directory
        self.paths = nil
        self.rulePacks = []
        self.severity = [:]
        self.disable = []
        self.params = [:]
        self.failOn = nil
        self.waivers = []
        self.limits = .default
    }

    /// Parses a configuration. Rule ids are checked later, against the loaded packs.
    public static func parse(_ bytes: [UInt8], file: String, directory: String) throws -> Configuration {
        var config = Configuration(directory: directory)
        config.file = file
        let result = YAMLLoader().load(bytes)
        if let issue = result.issues.first {
            throw UsageError(file: file, span: issue.span, "the configuration is not valid YAML: \(issue.settingsMessage)")
        }
        guard let root = result.documents.first?.root else { return config }
        if case .null? = root.scalarValue { return config }
        let r = try SettingsReader(file: file, node: root, anchor: root.span, what: "the configuration", keys: keys)
        if let v = try r.int("version"), v != 1 {
            throw UsageError(file: file, span: r.pair("version")!.value.span, "configuration version \(v) is newer than this ladderlint understands (1): upgrade ladderlint or write version: 1")
        }
        config.paths = try r.strings("paths")
        config.pathSpans = Self.itemSpans(r.pair("paths"))
        config.rulePacks = try r.strings("rules") ?? []
        config.rulePackSpans = Self.itemSpans(r.pair("rules"))
        if let p = r.pair("severity") {
            guard case .mapping(let pairs) = p.value.content else {
                throw UsageError(file: file, span: p.anchorSpan, "severity: expected a mapping of rule id to error, warning or info")
            }
            for q in pairs {
                let id = q.key.scalarText ?? ""
                guard let s = q.value.scalarText.flatMap(Severity.init(rawValue:)) else {
                    let meant = q.value.isCollection ? "" : q.value.scalarText.map { SettingsReader.meant($0, in: Severity.allCases.map(\.rawValue)) } ?? ""
                    throw UsageError(file: file, span: q.value.span, "severity of '\(id)': expected error, warning or info, found \(q.value.settingsNoun)\(meant)")
                }
                config.severity[id] = s
                config.positions[id] = q.key.span
            }
        }
        if let p = r.pair("disable") {
            config.disable = try SettingsReader.strings(p.value, file: file, anchor: p.anchorSpan, key: "disable")
            if case .sequence(let items) = p.value.content {
                for item in items { config.positions[item.scalarText ?? ""] = item.span }
            }
        }
        if let p = r.pair("params") {
            guard case .mapping(let pairs) = p.value.content else {
                throw UsageError(file: file, span: p.anchorSpan, "params: expected a mapping of rule id to its parameters")
            }
            for q in pairs { config.params[q.key.scalarText ?? ""] = (q.value, q.key.span) }
        }
        if let t = try r.string("fail_on") {
            guard let level = FailLevel(rawValue: t) else {
                throw UsageError(file: file, span: r.pair("fail_on")!.value.span, "fail_on: expected error, warning, info or never, found '\(t)'\(SettingsReader.meant(t, in: FailLevel.allCases.map(\.rawValue)))")
            }
            config.failOn = level
        }
        if let p = r.pair("limits") {
            let l = try SettingsReader(file: file, node: p.value, anchor: p.anchorSpan, what: "limits", keys: limitKeys)
            // A pull request can only lower a limit: raised, the limits stop protecting the run
            // (a billion-laughs file fits under any alias limit one can write).
            func limit(_ key: String, _ builtIn: Int) throws -> Int? {
                guard let v = try l.int(key) else { return nil }
                let span = l.pair(key)!.value.span
                guard v >= 1 else {
                    throw UsageError(file: file, span: span, "limits.\(key): expected a whole number from 1 to \(builtIn), found \(v)")
                }
                guard v <= builtIn else {
                    throw UsageError(file: file, span: span, "limits.\(key) is \(v), above the built-in maximum of \(builtIn): the configuration can only lower a limit; write a value from 1 to \(builtIn) or remove the key")
                }
                return v
            }
            if let v = try limit("max_file_bytes", LoadLimits.default.maxFileBytes) { config.limits.maxFileBytes = v }
            if let v = try limit("max_depth", LoadLimits.default.maxDepth) { config.limits.maxDepth = v }
            if let v = try limit("max_alias_nodes", LoadLimits.default.maxAliasNodes) { config.limits.maxAliasNodes = v }
        }
        if let p = r.pair("sources") {
            config.sources = try SourcesSetting.parse(p.value, anchor: p.anchorSpan, file: file, directory: directory)
        }
        if let p = r.pair("waivers") {
            config.waivers = try waivers(p.value, anchor: p.anchorSpan, file: file, key: "waivers")
        }
        if let t = try r.string("waivers_file") {
            config.waiversFile = t
            config.waiversFileSpan = r.pair("waivers_file")!.value.span
        }
        return config
    }

    /// A list of waivers (`waivers:` of the configuration, or a waivers file's whole text).
    static func waivers(_ node: Node, anchor: Span, file: String, key: String) throws -> [Waiver] {
        guard case .sequence(let items) = node.content else {
            throw UsageError(file: file, span: anchor, "\(key): expected a list of waivers, each with rule, reason and expires (and optionally subject, zone, component)")
        }
        var out: [Waiver] = []
        for item in items {
            let w = try SettingsReader(file: file, node: item, anchor: item.span, what: "a waiver", keys: waiverKeys)
            let rule = try w.string("rule", required: true)!
            guard let reason = try w.string("reason"), !reason.trimmingSpaces.isEmpty else {
                throw UsageError(file: file, span: item.span, "the waiver of '\(rule)' has no reason: add reason: \"why this is accepted, and who approved it\"")
            }
            guard let expiresText = try w.string("expires") else {
                throw UsageError(file: file, span: item.span, "the waiver of '\(rule)' has no expiry: add expires: YYYY-MM-DD (waivers must end)")
            }
            guard let expires = Day(expiresText) else {
                throw UsageError(file: file, span: w.pair("expires")!.value.span, "expires: expected a date written YYYY-MM-DD, found '\(expiresText)'")
            }
            let component = try w.string("component")
            if let c = component, PayComponent(rawValue: c) == nil {
                throw UsageError(file: file, span: w.pair("component")!.value.span,
                    "component: expected base, bonus or equity, found '\(c)'\(SettingsReader.meant(c, in: PayComponent.allCases.map(\.rawValue)))")
            }
            out.append(Waiver(
                rule: rule, subject: try w.string("subject"), reason: reason, expires: expires,
                location: Location(file: file, span: w.pair("rule")!.key.span.through(item.span)),
                zone: try w.string("zone"), component: component, ruleSpan: w.pair("rule")!.value.span))
        }
        return out
    }

    /// The waivers of a waivers file: a YAML list of waivers as `waivers:` takes them; empty,
    /// or only comments, it holds none.
    public static func parseWaiversFile(_ bytes: [UInt8], file: String) throws -> [Waiver] {
        let result = YAMLLoader().load(bytes)
        if let issue = result.issues.first {
            throw UsageError(file: file, span: issue.span, "the waivers file is not valid YAML: \(issue.settingsMessage)")
        }
        guard result.documents.count <= 1 else {
            throw UsageError(file: file, span: result.documents[1].root.span, "the waivers file holds \(result.documents.count) documents: write one list of waivers")
        }
        guard let root = result.documents.first?.root else { return [] }
        if case .null? = root.scalarValue { return [] }
        return try waivers(root, anchor: root.span, file: file, key: "the waivers file")
    }

    /// The span of each text of a key written as one text or a list of them.
    static func itemSpans(_ pair: Pair?) -> [Span] {
        guard let pair else { return [] }
        if case .sequence(let items) = pair.value.content { return items.map(\.span) }
        return [pair.value.span]
    }

    /// Where each rule id is named in the file, for errors about unknown ids.
    public var positions: [String: Span] = [:]

    /// Applies severity, disable and params to the packs' rules; unknown ids are usage errors.
    /// An old id of a rule (its `aliases`) names the rule; where both are written, the id wins.
    public func apply(to rules: [Rule], registry: CheckRegistry) throws -> [Rule] {
        let known = rules.map(\.id) + CoreRules.waiverIDs
        let configurable = rules.map(\.id)
        let canonical = Rule.aliasMap(rules)
        func resolved(_ id: String) -> String { canonical[id] ?? id }
        func checkID(_ id: String, file: String? = self.file, span: Span? = nil) throws {
            guard !configurable.contains(resolved(id)) else { return }
            let span = span ?? positions[id]
            if CoreRules.ids.contains(id) || CoreRules.waiverIDs.contains(id) {
                throw UsageError(file: file, span: span, "'\(id)' reports a problem with the input or configuration itself and cannot be configured, disabled or waived")
            }
            var message = "unknown rule id '\(id)'"
            if let s = Suggest.nearest(id, in: known) { message += ": did you mean '\(s)'?" } else { message += "." }
            throw UsageError(file: file, span: span, message + " Valid rule ids: \(configurable.joined(separator: ", "))")
        }
        for id in severity.keys.sorted() { try checkID(id) }
        for id in disable { try checkID(id) }
        for id in params.keys.sorted() { try checkID(id) }
        for w in waivers { try checkID(w.rule, file: w.location.file, span: w.ruleSpan) }
        var severity = self.severity, params = self.params
        if !canonical.isEmpty {
            for (id, s) in self.severity where canonical[id] != nil && self.severity[canonical[id]!] == nil { severity[canonical[id]!] = s }
            for (id, p) in self.params where canonical[id] != nil && self.params[canonical[id]!] == nil { params[canonical[id]!] = p }
        }
        let disable = Set(self.disable.map(resolved))
        return try rules.compactMap { rule in
            guard !disable.contains(rule.id) else { return nil }
            var r = rule
            if let s = severity[rule.id] { r.severity = s }
            if let (node, span) = params[rule.id], let check = registry[rule.check] {
                r.params = try RulePack.parseParams(node, anchor: span, onto: r.params, check: check, rule: rule.id, file: file ?? ".ladderlint.yml")
            }
            return r
        }
    }
}

extension Rule {
    /// Old id to current id, over all the rules of a run.
    public static func aliasMap(_ rules: [Rule]) -> [String: String] {
        var map: [String: String] = [:]
        for r in rules { for a in r.aliases { map[a] = r.id } }
        return map
    }
}

/// `--fail-on`: the lowest severity that fails the run.
public enum FailLevel: String, Sendable, CaseIterable {
    case error, warning, info, never

    public func fails(_ s: Severity) -> Bool {
        switch self {
        case .never: return false
        case .error: return s >= .error
        case .warning: return s >= .warning
        case .info: return true
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
        return s
    }
}
