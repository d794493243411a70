import LadderYAML

/// The keys of every mapping of the format; the decoder and the JSON Schema test share them.
public enum FormatKeys {
    public static let ladder: KeySet = ["kind", "id", "name", "organization", "effective", "tracks", "levels", "roles"]
    /// A role the ladder describes, in `roles:` of a ladder document.
    public static let roleDefinition: KeySet = ["id", "name", "description", "max_reports", "ic_time_share"]
    public static let track: KeySet = ["id", "name", "kind", "description", "hands_on"]
    /// `hands_on:` of a management track.
    public static let handsOn: KeySet = ["expected", "max_years_away", "rotation"]
    public static let level: KeySet = ["id", "track", "grade", "title", "roles", "promotion", "family", "description"]
    public static let promotion: KeySet = ["requires", "criteria", "min_months_in_level"]
    public static let compensation: KeySet = ["kind", "ladder", "currency", "period", "bands", "headcount"]
    public static let band: KeySet = ["level", "zone", "currency", "base", "bonus_target", "equity", "steps", "scales_with"]
    public static let range: KeySet = ["min", "mid", "max"]
    /// An equity range: a range whose amounts may be 0, in a currency of its own if need be.
    public static let equity: KeySet = ["min", "mid", "max", "currency"]
    public static let policy: KeySet = ["kind", "ladder", "programs", "decisions", "forums", "transitions", "recognition"]
    public static let program: KeySet = ["id", "name", "kind", "eligible", "cohort"]
    public static let cohort: KeySet = ["size", "weeks", "confidential", "mix"]
    public static let decision: KeySet = ["area", "kind", "owner", "consulted", "owner_hands_on", "concerns"]
    /// `owner_hands_on:` of a decision.
    public static let ownerHandsOn: KeySet = ["builds", "on_call"]
    public static let forum: KeySet = ["id", "name", "purpose", "members", "kind"]
    /// One kind of recognition, in `recognition:` of a policy.
    public static let recognition: KeySet = ["id", "name", "kind", "audience", "description"]
    public static let transition: KeySet = ["from", "to", "grade_change", "pay_change", "name", "description", "min_years_experience", "min_grade"]
    public static let survey: KeySet = ["kind", "ladder", "conducted", "anonymous", "questions"]
    public static let question: KeySet = ["id", "audience", "respondents", "agree", "withheld"]
    public static let audience: KeySet = ["tracks", "track_kinds", "roles", "min_grade", "max_grade", "group", "groups"]
    /// The root of a pay formula: nine keys, one more than a `KeySet` holds, so a plain list
    /// that `PayFormulaDecoder` reads itself.
    public static let payFormula: [String] = ["kind", "ladder", "currency", "period", "benchmark", "level_factors", "steps", "zones", "zone_floor", "scales_with"]
    public static let formulaZone: KeySet = ["factor", "currency", "fx"]
}

/// What one file's bytes gave: its documents, decoded, and the findings about them.
public struct DecodedFile: Sendable {
    public var documents: [Document] = []
    /// The YAML problems first (a file that is not well-formed, a limit), then each document's.
    public var findings: [Finding] = []
    public var brokenIDs: [BrokenID] = []
    /// Documents that are not empty, decoded or not.
    public var documentCount = 0
    /// Whether libyaml stopped on the file or a limit did, so some of it was never read
    /// (what `ladderlint lint` tells the resolver, as the findings `yaml-syntax` and
    /// `input-limit`).
    public var unparsed = false
    /// Money amounts of the file, collected for `--redact` when the run asks for them.
    public var amounts: [Double] = []
    /// Its `# ladderlint: …` comments (inline waivers), read by the YAML input format.
    public var comments: [YAMLComment] = []

    public init() {}
}

/// What decoding one document gave.
public struct DecodedDocument: Sendable {
    public var document: Document?
    public var problems: [Finding]
    public var brokenIDs: [BrokenID]
}

/// Decodes one YAML document into the typed model. Unknown keys are reported and skipped; an
/// element with a missing or mistyped required value is reported and dropped, and its id
/// remembered as broken so that references to it raise nothing more.
public struct DocumentDecoder {
    public init() {}

    /// Loads `bytes` (named `file` in findings) within `limits` and decodes each of its
    /// documents that is not empty, handing each such document's root, as a tree, to
    /// `eachRoot` first (if given; the tree is built only then). `eachTable`, if given, sees the
    /// whole node table once, before decoding.
    /// This is how every input file is read: by `ladderlint lint`, the tests and the fuzzer.
    public func decodeFile(
        _ bytes: [UInt8], file: String, limits: LoadLimits, eachRoot: ((Node) -> Void)? = nil, eachTable: ((NodeTable) -> Void)? = nil
    ) -> DecodedFile {
        var result = DecodedFile()
        let loaded = YAMLLoader(options: LoadOptions(limits: limits)).loadTable(bytes)
        eachTable?(loaded.table)
        // A duplicate key is reported, but the rest of the file was still read.
        result.unparsed = loaded.issues.contains { $0.kind != .duplicateKey }
        // A digit key given twice may be the second half of `216,000` in a flow mapping: a
        // decoder that reads it so says so, and the duplicate key is not reported apart.
        let dropped = loaded.issues.compactMap(Self.droppedDigitKey)
        var claimed = Set<Span>()
        var documentFindings: [Finding] = []
        let table = loaded.table
        for doc in loaded.documents {
            if table.isNull(doc.root) { continue }
            result.documentCount += 1
            if let eachRoot { eachRoot(table.node(doc.root)) }
            let decoded = withExtendedLifetime(table) {
                decode(table.node(at: doc.root), source: DocumentSource(file: file, index: doc.index), droppedDigitKeys: dropped, claimed: &claimed)
            }
            if let d = decoded.document { result.documents.append(d) }
            documentFindings += decoded.problems
            result.brokenIDs += decoded.brokenIDs
        }
        for issue in loaded.issues where claimed.isEmpty || issue.kind != .duplicateKey || !claimed.contains(issue.span) {
            result.findings.append(Finding(
                rule: issue.kind.rawValue, severity: .error, message: issue.message,
                location: Location(file: file, span: issue.span), modelPath: "\(issue.kind.rawValue)@\(issue.span.start)"))
        }
        result.findings += documentFindings
        return result
    }

    /// The key of a duplicate-key issue when it is 1 to 3 digits (`the key '000' appears twice…`).
    static func droppedDigitKey(_ issue: YAMLIssue) -> (span: Span, text: String)? {
        guard issue.kind == .duplicateKey, issue.span.start.line == issue.span.end.line,
              (1...3).contains(issue.span.end.column - issue.span.start.column),
              issue.message.hasPrefix("the key '")
        else { return nil }
        let text = issue.message.dropFirst(9).prefix { $0 != "'" }
        guard text.utf8.count == Int(issue.span.end.column - issue.span.start.column), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return (issue.span, String(text))
    }

    /// Decodes the document whose root is record `root` of `table`.
    public func decode(_ table: NodeTable, root: Int32, source: DocumentSource) -> DecodedDocument {
        withExtendedLifetime(table) { decode(table.node(at: root), source: source) }
    }

    /// Decodes the document at `root`; its table must stay alive for the call.
    func decode(_ root: TableNode, source: DocumentSource) -> DecodedDocument {
        var claimed = Set<Span>()
        return decode(root, source: source, droppedDigitKeys: [], claimed: &claimed)
    }

    /// `droppedDigitKeys`: the file's digit keys the loader dropped as duplicates; those a split
    /// number claims are added to `claimed`.
    func decode(_ root: TableNode, source: DocumentSource, droppedDigitKeys: [(span: Span, text: String)], claimed: inout Set<Span>) -> DecodedDocument {
        let context = DecodeContext()
        context.droppedDigitKeys = droppedDigitKeys
        defer { claimed.formUnion(context.claimedDigitKeys) }
        let document = decodeDocument(root, source: source, context: context)
        // Problems all in bands whose level could be read (and the document kept) leave the set
        // whole but for those bands (`BrokenID.Scope.band`, recorded by `compensation`).
        if context.problems.count > (document == nil ? 0 : context.bandProblems), root.isMapping,
           let kind = root.pair("kind")?.value.scalarText.flatMap(DocumentKind.init(rawValue:)),
           let ladder = root.pair(kind == .ladder ? "id" : "ladder")?.value.scalarText
        {
            context.brokenIDs.append(BrokenID(scope: .incomplete, ladder: ladder, id: kind.rawValue))
        }
        let problems = context.problems.map {
            Finding(
                rule: "invalid-document", severity: .error, message: $0.message,
                location: Location(file: source.file, span: $0.span),
                subjects: [], modelPath: "document[\(source.index)]@\($0.span.start)")
        }
        return DecodedDocument(document: problems.isEmpty || document != nil ? document : nil, problems: problems, brokenIDs: context.brokenIDs)
    }

    private func decodeDocument(_ root: TableNode, source: DocumentSource, context: DecodeContext) -> Document? {
        let kinds = DocumentKind.allCases.map(\.rawValue)
        guard root.isMapping else {
            context.fail(root.span, "", "expected a mapping with a 'kind' key (one of \(kinds.joined(separator: ", "))), found \(root.kindDescription): each document of a ladder file is a mapping")
            return nil
        }
        guard let kindPair = root.pair("kind") else {
            var message = "this document has no 'kind' key: add 'kind:' with one of \(kinds.joined(separator: ", "))"
            if let id = root.pair("id")?.value.scalarText {
                message += " (it has an id '\(id)')"
                context.brokenIDs.append(BrokenID(scope: .ladder, ladder: nil, id: id))
            }
            context.fail(root.span, "", message)
            return nil
        }
        guard let kindText = kindPair.value.scalarText, let kind = DocumentKind(rawValue: kindText) else {
            var message = "expected 'kind' to be one of \(kinds.joined(separator: ", ")), found \(kindPair.value.kindDescription)"
            if let t = kindPair.value.scalarText, let s = Suggest.nearest(t, in: kinds) { message += ": did you mean '\(s)'?" }
            if let id = root.pair("id")?.value.scalarText {
                context.brokenIDs.append(BrokenID(scope: .ladder, ladder: nil, id: id))
            }
            context.fail(kindPair.value.span, "kind", message)
            return nil
        }
        switch kind {
        case .ladder: return ladder(root, source, context).map(Document.ladder)
        case .compensation: return compensation(root, source, context).map(Document.compensation)
        case .policy: return policy(root, source, context).map(Document.policy)
        case .survey: return survey(root, source, context).map(Document.survey)
        case .payFormula: return PayFormulaDecoder(context: context).decode(root, source).map(Document.payFormula)
        }
    }

    /// Runs `body` over each item of a list value, with a path `key[i]`.
    private func items<T>(_ r: inout MappingReader, _ key: String, required: Bool, _ body: (TableNode, DecodePath) -> T?) -> [T]? {
        guard let p = required ? r.required(key, "a list") : r.optional(key) else { return required ? nil : [] }
        let list = p.value
        guard list.kind == .sequence else {
            r.fail(p.anchorSpan, key, "expected a list, found \(p.value.kindDescription)")
            return nil
        }
        if required && list.count == 0 {
            r.fail(p.anchorSpan, key, "expected at least one entry, found an empty list")
            return nil
        }
        // Sized once: a compactMap grows by doubling, and a ladder's 45 bands then held room for 64.
        let prefix = r.sub(key)
        var out: [T] = []
        out.reserveCapacity(list.count)
        for i in 0..<list.count {
            if let value = body(list.item(i), prefix.index(i)) { out.append(value) }
        }
        return out
    }

    // MARK: ladder

    private func ladder(_ root: TableNode, _ source: DocumentSource, _ c: DecodeContext) -> Ladder? {
        guard var r = MappingReader(root, anchor: root.span, path: .root, what: "a ladder document", keys: FormatKeys.ladder, context: c) else { return nil }
        let id = r.string("id")
        let ladderID = id?.value
        let name = r.string("name")
        let organization = r.string("organization", required: false)
        let effective = r.day("effective", required: false)
        let tracks = items(&r, "tracks", required: true) { node, path in track(node, path, ladderID, c) }
        var families: [String: String] = [:]
        let levels = items(&r, "levels", required: true) { node, path in level(node, path, ladderID, c, families: &families) }
        let roles = items(&r, "roles", required: false) { roleDefinition($0, $1, c) }
        guard r.ok, let id, let name, let tracks, let levels, let roles else {
            if let ladderID { c.brokenIDs.append(BrokenID(scope: .ladder, ladder: nil, id: ladderID)) }
            return nil
        }
        return Ladder(source: source, id: id, name: name.value, organization: organization?.value, effective: effective?.value, tracks: tracks, levels: levels, families: families, roles: roles)
    }

    private func roleDefinition(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> RoleDefinition? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a role", keys: FormatKeys.roleDefinition, context: c) else { return nil }
        let id = r.string("id")
        let name = r.string("name", required: false), description = r.string("description", required: false)
        let reports = r.int("max_reports", required: false, min: 0)
        let share = r.number("ic_time_share", required: false, expected: "a fraction of time such as 0.3", fraction: true)
        if let s = share, !(0...1).contains(s.value) {
            r.fail(s.span, "ic_time_share", "expected a fraction of time from 0 to 1 such as 0.3 (30%), found \(Self.plainNumber(s.value))")
        }
        guard r.ok, let id else { return nil }
        return RoleDefinition(id: id, name: name, description: description, maxReports: reports, icTimeShare: share)
    }

    private func track(_ node: TableNode, _ path: DecodePath, _ ladder: String?, _ c: DecodeContext) -> Track? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a track", keys: FormatKeys.track, context: c) else { return nil }
        let id = r.string("id"), name = r.string("name"), kind = r.enumeration("kind", TrackKind.self)
        let description = r.string("description", required: false)
        var handsOn: HandsOn?
        // An invalid hands_on block is reported; the track stays, without it.
        if let p = r.optional("hands_on"),
           var hr = MappingReader(p.value, anchor: p.anchorSpan, path: r.sub("hands_on"), what: "a hands-on expectation", keys: FormatKeys.handsOn, context: c)
        {
            let expected = hr.bool("expected", required: false)
            let years = hr.number("max_years_away", required: false, expected: "a number of years such as 3")
            if let y = years, y.value < 0 { hr.fail(y.span, "max_years_away", "expected a number of years >= 0 such as 3, found \(Self.plainNumber(y.value))") }
            let rotation = hr.string("rotation", required: false)
            if hr.ok { handsOn = HandsOn(span: p.anchorSpan, expected: expected, maxYearsAway: years, rotation: rotation) }
        }
        guard r.ok, let id, let name, let kind else {
            if let i = node.pair("id")?.value.scalarText { c.brokenIDs.append(BrokenID(scope: .track, ladder: ladder, id: i)) }
            return nil
        }
        return Track(id: id, name: name.value, kind: kind.value, nameSpan: name.span, description: description, handsOn: handsOn)
    }

    /// A level; its job family, if it gives one, goes into `families` (`Ladder.families`).
    private func level(_ node: TableNode, _ path: DecodePath, _ ladder: String?, _ c: DecodeContext, families: inout [String: String]) -> Level? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a level", keys: FormatKeys.level, context: c) else { return nil }
        let id = r.string("id"), track = r.string("track"), grade = r.int("grade", min: 0), title = r.string("title")
        let roles = r.stringList("roles")
        let family = r.string("family", required: false)
        let description = r.string("description", required: false)
        var promotion: Promotion?
        // An invalid promotion block is reported; the level stays, without it.
        if let p = r.optional("promotion"),
           var pr = MappingReader(p.value, anchor: p.anchorSpan, path: r.sub("promotion"), what: "a promotion", keys: FormatKeys.promotion, context: c)
        {
            let requires = pr.stringList("requires"), criteria = pr.stringList("criteria")
            let months = pr.int("min_months_in_level", required: false, min: 0)
            if pr.ok { promotion = Promotion(requires: requires?.value ?? [], criteria: criteria?.value ?? [], minMonthsInLevel: months) }
        }
        guard r.ok, let id, let track, let grade, let title else {
            if let i = node.pair("id")?.value.scalarText { c.brokenIDs.append(BrokenID(scope: .level, ladder: ladder, id: i)) }
            return nil
        }
        // The first level of an id keeps its family, as the resolver keeps the first level.
        if let family, families[id.value] == nil { families[id.value] = family.value }
        return Level(id: id, track: track, grade: grade, title: title.value, roles: roles?.value ?? [], promotion: promotion, titleSpan: title.span, description: description)
    }

    // MARK: compensation

    private func compensation(_ root: TableNode, _ source: DocumentSource, _ c: DecodeContext) -> Compensation? {
        guard var r = MappingReader(root, anchor: root.span, path: .root, what: "a compensation document", keys: FormatKeys.compensation, context: c) else { return nil }
        let ladder = r.string("ladder")
        let currency = r.string("currency")
        if let cur = currency, !Self.isCurrency(cur.value) {
            r.fail(cur.span, "currency", Self.currencyProblem(cur.value))
        }
        let period = r.enumeration("period", PayPeriod.self, required: false)?.value ?? .annual
        let bands = items(&r, "bands", required: true) { node, path in
            let before = c.problems.count
            let b = band(node, path, currency: currency?.value ?? "", period: period, c)
            if c.problems.count > before, let ladder { leftOut(node, ladder: ladder.value, problems: c.problems.count - before, c) }
            return b
        }
        var counts: [String: (all: Int?, zones: [String: Int])] = [:]
        if let p = r.optional("headcount") {
            // An invalid headcount is reported; the bands stay, without it, and the set stays
            // whole: the rules never read headcount (counted with the problems that leave it so).
            let before = c.problems.count
            counts = headcount(p, r.sub("headcount"), bands: bands ?? [], c)
            c.bandProblems += c.problems.count - before
        }
        guard r.ok, let ladder, let currency, var bands else { return nil }
        if !counts.isEmpty {
            for i in bands.indices {
                guard let n = counts[bands[i].level.value] else { continue }
                bands[i].headcount = n.zones[bands[i].zone] ?? n.all
            }
        }
        return Compensation(source: source, ladder: ladder, currency: currency, period: period, bands: bands)
    }

    /// `headcount:` of a compensation document: the people in each level's band, by level
    /// (`swe-4: 14`, every zone of the document) or by level and zone (`swe-4: {us: 10, uk: 4}`).
    /// Kept next to the bands, not in them: headcount changes every month, the approved bands
    /// once a year (and a band's keys are full: `KeySet`).
    private func headcount(_ p: TablePair, _ path: DecodePath, bands: [Band], _ c: DecodeContext) -> [String: (all: Int?, zones: [String: Int])] {
        let example = "{swe-4: 14, em-4: {us: 3, uk: 1}}"
        guard p.value.kind == .mapping else {
            c.fail(p.anchorSpan, path, "expected a mapping of level id to the number of people in its band, such as \(example), found \(p.value.kindDescription)")
            return [:]
        }
        let levels = Set(bands.map(\.level.value))
        func count(_ node: TableNode, _ at: DecodePath) -> Int? {
            if case .int(let v)? = node.scalarValue, v >= 0 { return v }
            c.fail(node.span, at, "expected a whole number of people >= 0, found \(node.kindDescription)")
            return nil
        }
        var out: [String: (all: Int?, zones: [String: Int])] = [:]
        for i in 0..<p.value.count {
            let pair = p.value.pair(at: i)
            guard let level = pair.key.scalarText else { continue }
            let at = path.key(level)
            guard levels.contains(level) else {
                var message = "expected the id of a level with a band in this document, found \"\(Escape.capped(level, 80))\""
                if let near = Suggest.nearest(level, in: levels.sorted()) { message += ": did you mean '\(near)'?" } else { message += ": add its band or remove the line" }
                c.fail(pair.key.span, at, message)
                continue
            }
            if pair.value.kind == .mapping {
                var zones: [String: Int] = [:]
                for k in 0..<pair.value.count {
                    let z = pair.value.pair(at: k)
                    guard let zone = z.key.scalarText, let n = count(z.value, at.key(zone)) else { continue }
                    zones[zone] = n
                }
                out[level] = (nil, zones)
            } else if let n = count(pair.value, at) {
                out[level] = (n, [:])
            }
        }
        return out
    }

    /// Records a band with errors by its level and zone, when its level can be read: only the
    /// comparisons of that level's grade in that zone need it (issue 18.2). A band whose level
    /// cannot be read is not recorded, and its problems leave the whole set incomplete.
    private func leftOut(_ node: TableNode, ladder: String, problems: Int, _ c: DecodeContext) {
        guard node.isMapping, let level = node.pair("level")?.value.scalarText else { return }
        // A zone that is not text (a list, a mapping) could be any zone: nil stands down them all.
        var zone: String? = "default"
        if let z = node.pair("zone"), z.value.scalarValue != .null { zone = z.value.scalarText }
        c.bandProblems += problems
        c.brokenIDs.append(BrokenID(scope: .band, ladder: ladder, id: level, zone: zone))
    }

    public static func isCurrency(_ s: String) -> Bool {
        s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    /// Why `s` is no currency code, and what to write.
    public static func currencyProblem(_ s: String) -> String {
        var message = "expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"\(Escape.capped(s, 80))\""
        if let code = currencyMeant(s) { message += ": did you mean '\(code)'?" }
        return message
    }

    /// The code `s` most likely means: itself in capitals (`usd`), or the code of a sign or a
    /// name people write for it (`€`, `US$`, `£`, `euros`).
    public static func currencyMeant(_ s: String) -> String? {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t = t.dropFirst() }
        while let l = t.last, l.isWhitespace { t = t.dropLast() }
        let upper = t.uppercased()
        if isCurrency(upper) { return upper }
        return currencyNames[t.lowercased()]
    }

    /// Signs and names of the currencies whose sign or name says which they are.
    static let currencyNames: [String: String] = [
        "$": "USD", "us$": "USD", "usd$": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD",
        "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp£": "GBP",
        "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "r$": "BRL", "₹": "INR", "₩": "KRW", "₪": "ILS",
        "₺": "TRY", "₽": "RUB", "₴": "UAH", "zł": "PLN", "kr": "SEK",
    ]

    private func band(_ node: TableNode, _ path: DecodePath, currency: String, period: PayPeriod, _ c: DecodeContext) -> Band? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a band", keys: FormatKeys.band, context: c) else { return nil }
        let level = r.string("level")
        let zone = r.string("zone", required: false)
        let cur = r.string("currency", required: false)
        if let cur, !Self.isCurrency(cur.value) {
            r.fail(cur.span, "currency", Self.currencyProblem(cur.value))
        }
        var base: AmountRange?
        if let p = r.required("base", "a mapping with min and max") {
            base = range(p, r.sub("base"), "a base pay range", c)
            if base == nil { r.invalidate() }
        }
        let bonus = r.number("bonus_target", required: false, expected: "a fraction of base such as 0.10", fraction: true)
        var equity: AmountRange?
        if let p = r.optional("equity") {
            equity = range(p, r.sub("equity"), "an equity range", keys: FormatKeys.equity, c)
            // an invalid equity range is reported; the band stays, without equity
        }
        var steps: [BandStep] = []
        if let p = r.optional("steps") {
            // `steps: {learning: 150000, growing: 160000}`, lowest first. Invalid steps are
            // reported; the band stays, without them.
            if p.value.kind == .mapping {
                let path = r.sub("steps")
                var ok = true
                for i in 0..<p.value.count {
                    let pair = p.value.pair(at: i)
                    guard let name = pair.key.scalarText else { ok = false; continue }
                    // `{learning: 150,000}`: the `000` is part of the amount, reported with it.
                    if FlowSplit.continues(p.value, pair: i) { continue }
                    if let split = FlowSplit.at(p.value, pair: i, c) {
                        c.fail(split.span, path.key(name), split.message(expected: "an amount", .amount))
                        ok = false
                        continue
                    }
                    let amount: Double?
                    switch pair.value.scalarValue {
                    case .int(let v)?: amount = Double(v)
                    case .float(let d)? where d.isFinite: amount = d
                    default: amount = nil
                    }
                    guard let amount else {
                        var message = "expected an amount, found \(pair.value.kindDescription)"
                        if let hint = MappingReader.numberHint(pair.value) { message += ": \(hint)" }
                        c.fail(pair.value.span, path.key(name), message)
                        ok = false
                        continue
                    }
                    steps.append(BandStep(name: Located(name, span: pair.key.span), amount: Located(amount, span: pair.value.span)))
                }
                if !ok { steps = [] }
            } else {
                r.fail(p.anchorSpan, "steps", "expected a mapping of step name to amount, such as {learning: 150000, expert: 190000}, found \(p.value.kindDescription)")
            }
        }
        var scalesWith: [PayScaling] = []
        if let p = r.optional("scales_with") {
            // An invalid scales_with is reported; the band stays, without it.
            scalesWith = Self.scalesWith(p, r.sub("scales_with"), c) ?? []
        }
        guard r.ok, let level, let base else { return nil }
        var band = Band(level: level, zone: zone?.value ?? "default", currency: cur?.value ?? currency, period: period, base: base, bonusTarget: bonus, equity: equity, steps: steps, zoneSpan: zone?.span)
        band.scalesWith = scalesWith
        return band
    }

    private func range(_ p: TablePair, _ path: DecodePath, _ what: String, keys: KeySet = FormatKeys.range, _ c: DecodeContext) -> AmountRange? {
        guard var r = MappingReader(p.value, anchor: p.anchorSpan, path: path, what: what, keys: keys, context: c) else { return nil }
        let min = r.number("min", expected: "an amount"), mid = r.number("mid", required: false, expected: "an amount"), max = r.number("max", expected: "an amount")
        // Only an equity range takes a currency of its own (a UK band in GBP, its equity in USD).
        var currency: Located<String>?
        if keys === FormatKeys.equity, let cur = r.string("currency", required: false) {
            if Self.isCurrency(cur.value) { currency = cur } else { r.fail(cur.span, "currency", Self.currencyProblem(cur.value)) }
        }
        guard r.ok, let min, let max else { return nil }
        return AmountRange(min: min, mid: mid, max: max, span: p.anchorSpan, currency: currency)
    }

    // MARK: policy

    private func policy(_ root: TableNode, _ source: DocumentSource, _ c: DecodeContext) -> Policy? {
        guard var r = MappingReader(root, anchor: root.span, path: .root, what: "a policy document", keys: FormatKeys.policy, context: c) else { return nil }
        let ladder = r.string("ladder")
        let programs = items(&r, "programs", required: false) { program($0, $1, c) }
        let decisions = items(&r, "decisions", required: false) { decision($0, $1, c) }
        let forums = items(&r, "forums", required: false) { forum($0, $1, c) }
        let transitions = items(&r, "transitions", required: false) { transition($0, $1, c) }
        let recognition = items(&r, "recognition", required: false) { self.recognition($0, $1, c) }
        guard r.ok, let ladder, let programs, let decisions, let forums, let transitions, let recognition else { return nil }
        return Policy(source: source, ladder: ladder, programs: programs, decisions: decisions, forums: forums, transitions: transitions, recognition: recognition)
    }

    private func recognition(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Recognition? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a recognition", keys: FormatKeys.recognition, context: c) else { return nil }
        let id = r.string("id"), name = r.string("name"), kind = r.enumeration("kind", RecognitionKind.self)
        let description = r.string("description", required: false)
        var audience = Located(Audience.everyone, span: node.span)
        if let p = r.optional("audience") {
            if let a = self.audience(p, r.sub("audience"), c) { audience = a } else { r.invalidate() }
        }
        guard r.ok, let id, let name, let kind else { return nil }
        return Recognition(id: id, name: name.value, kind: kind.value, audience: audience, description: description, nameSpan: name.span)
    }

    private func program(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Program? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a program", keys: FormatKeys.program, context: c) else { return nil }
        let id = r.string("id"), name = r.string("name"), kind = r.enumeration("kind", ProgramKind.self)
        var eligible = Located(Audience.everyone, span: node.span)
        if let p = r.optional("eligible") {
            if let a = audience(p, r.sub("eligible"), c) { eligible = a } else { r.invalidate() }
        }
        var cohort: Cohort?
        if let p = r.optional("cohort") {
            if var cr = MappingReader(p.value, anchor: p.anchorSpan, path: r.sub("cohort"), what: "a cohort", keys: FormatKeys.cohort, context: c) {
                let size = cr.int("size", required: false, min: 0), weeks = cr.int("weeks", required: false, min: 0)
                let confidential = cr.bool("confidential", required: false)
                var mix: Located<[String]>?
                if let m = cr.stringList("mix") {
                    let kinds = TrackKind.allCases.filter { $0 != .shared }.map(\.rawValue) + [KnownRoles.techLead, KnownRoles.techLeadManager]
                    for item in m.value where !kinds.contains(item.value) {
                        var message = "expected one of \(kinds.joined(separator: ", ")), found \"\(item.value)\""
                        if let s = Suggest.nearest(item.value, in: kinds) { message += ": did you mean '\(s)'?" }
                        cr.fail(item.span, "mix", message)
                    }
                    mix = Located(m.value.map(\.value), span: m.span)
                }
                if cr.ok { cohort = Cohort(span: p.anchorSpan, size: size, weeks: weeks, confidential: confidential, mix: mix) }  // an invalid cohort is reported; the program stays, without it
            }
        }
        guard r.ok, let id, let name, let kind else { return nil }
        return Program(id: id, name: name.value, kind: kind.value, eligible: eligible, cohort: cohort, nameSpan: name.span)
    }

    private func decision(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Decision? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a decision", keys: FormatKeys.decision, context: c) else { return nil }
        let area = r.string("area"), kind = r.enumeration("kind", DecisionKind.self)
        var owner: Located<Audience>?
        if let p = r.required("owner", "an audience such as {tracks: [ic]}") {
            owner = audience(p, r.sub("owner"), c)
            if owner == nil { r.invalidate() }
        }
        var consulted: Located<Audience>?
        if let p = r.optional("consulted") {
            consulted = audience(p, r.sub("consulted"), c)
            // an invalid consulted audience is reported; the decision stays without it
        }
        var ownerHandsOn: OwnerHandsOn?
        // An invalid owner_hands_on is reported; the decision stays without it.
        if let p = r.optional("owner_hands_on"),
           var hr = MappingReader(p.value, anchor: p.anchorSpan, path: r.sub("owner_hands_on"), what: "what the owners do hands-on", keys: FormatKeys.ownerHandsOn, context: c)
        {
            let builds = hr.bool("builds", required: false), onCall = hr.bool("on_call", required: false)
            if hr.ok { ownerHandsOn = OwnerHandsOn(span: p.anchorSpan, builds: builds, onCall: onCall) }
        }
        var concerns: Located<Audience>?
        if let p = r.optional("concerns") {
            concerns = audience(p, r.sub("concerns"), c)
            // an invalid concerns audience is reported; the decision stays without it
        }
        guard r.ok, let area, let kind, let owner else { return nil }
        return Decision(area: area, kind: kind.value, owner: owner, consulted: consulted, ownerHandsOn: ownerHandsOn, concerns: concerns)
    }

    private func forum(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Forum? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a forum", keys: FormatKeys.forum, context: c) else { return nil }
        let id = r.string("id"), name = r.string("name"), purpose = r.enumeration("purpose", ForumPurpose.self)
        let kind = r.enumeration("kind", ForumKind.self, required: false)
        var members: Located<Audience>?
        if let p = r.required("members", "an audience such as {min_grade: 6}") {
            members = audience(p, r.sub("members"), c)
            if members == nil { r.invalidate() }
        }
        guard r.ok, let id, let name, let purpose, let members else { return nil }
        return Forum(id: id, name: name.value, purpose: purpose.value, members: members, nameSpan: name.span, kind: kind?.value ?? .meeting)
    }

    private func transition(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Transition? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a transition", keys: FormatKeys.transition, context: c) else { return nil }
        let from = r.string("from"), to = r.string("to")
        let grade = r.int("grade_change", required: false)
        let pay = r.number("pay_change", required: false, expected: "a fraction of base such as -0.05", fraction: true)
        let name = r.string("name", required: false), description = r.string("description", required: false)
        let years = r.number("min_years_experience", required: false, expected: "a number of years such as 5")
        if let y = years, y.value < 0 { r.fail(y.span, "min_years_experience", "expected a number of years >= 0 such as 5, found \(Self.plainNumber(y.value))") }
        let minGrade = r.int("min_grade", required: false, min: 0)
        guard r.ok, let from, let to else { return nil }
        return Transition(from: from, to: to, gradeChange: grade, payChange: pay, span: node.span, name: name, description: description, minYearsExperience: years, minGrade: minGrade)
    }

    /// `scales_with:` of a band or a pay formula: a mapping of pay component (base, bonus,
    /// equity) to what it grows with, one driver or a list (`{bonus: [reports, performance]}`).
    /// Nil, with each problem reported, when any entry is wrong.
    static func scalesWith(_ p: TablePair, _ path: DecodePath, _ c: DecodeContext) -> [PayScaling]? {
        let components = PayComponent.allCases.map(\.rawValue), drivers = PayDriver.allCases.map(\.rawValue)
        guard p.value.kind == .mapping else {
            c.fail(p.anchorSpan, path, "expected a mapping of pay component (\(components.joined(separator: ", "))) to what it grows with, such as {bonus: company-performance}, found \(p.value.kindDescription)")
            return nil
        }
        func problem(_ found: String, _ names: [String], _ what: String) -> String {
            var message = "expected \(what), one of \(names.joined(separator: ", ")), found \(found)"
            if let s = Suggest.nearest(found, in: names) { message += ": did you mean '\(s)'?" }
            return message
        }
        var out: [PayScaling] = []
        var ok = true
        for i in 0..<p.value.count {
            let pair = p.value.pair(at: i)
            if let key = pair.key.scalarText, key.hasPrefix("x-") { continue }
            guard let key = pair.key.scalarText, let component = PayComponent(rawValue: key) else {
                c.fail(pair.key.span, path, problem(pair.key.scalarText.map { "'\($0)'" } ?? pair.key.kindDescription, components, "a pay component"))
                ok = false
                continue
            }
            var values: [TableNode] = []
            if pair.value.kind == .sequence {
                for j in 0..<pair.value.count { values.append(pair.value.item(j)) }
            } else {
                values = [pair.value]
            }
            for v in values {
                guard let t = v.scalarText, let driver = PayDriver(rawValue: t) else {
                    c.fail(v.span, path.key(key), problem(v.scalarText.map { "'\($0)'" } ?? v.kindDescription, drivers, "what \(key) grows with"))
                    ok = false
                    continue
                }
                out.append(PayScaling(component: Located(component, span: pair.key.span), driver: Located(driver, span: v.span)))
            }
        }
        return ok ? out : nil
    }

    /// A number as a finding shows it: 3, not 3.0.
    static func plainNumber(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// `everyone`, a mapping, or a list of mappings.
    private func audience(_ p: TablePair, _ path: DecodePath, _ c: DecodeContext) -> Located<Audience>? {
        let span = p.anchorSpan
        switch p.value.kind {
        case .scalar:
            if p.value.scalarText == "everyone" { return Located(.everyone, span: span) }
            c.fail(span, path, "expected 'everyone', a mapping such as {tracks: [ic]} or a list of such mappings, found \(p.value.kindDescription)")
            return nil
        case .mapping:
            guard let clause = audienceClause(p.value, anchor: span, path, c) else { return nil }
            return Located(.anyOf([clause]), span: span)
        case .sequence:
            var clauses: [AudienceClause] = []
            var ok = true
            for i in 0..<p.value.count {
                let item = p.value.item(i)
                if let cl = audienceClause(item, anchor: item.span, path.index(i), c) { clauses.append(cl) } else { ok = false }
            }
            return ok ? Located(.anyOf(clauses), span: span) : nil
        }
    }

    private func audienceClause(_ node: TableNode, anchor: Span, _ path: DecodePath, _ c: DecodeContext) -> AudienceClause? {
        guard var r = MappingReader(node, anchor: anchor, path: path, what: "an audience", keys: FormatKeys.audience, context: c) else { return nil }
        let tracks = r.stringList("tracks")
        var kinds: [TrackKind]?
        if let k = r.stringList("track_kinds") {
            kinds = []
            let names = TrackKind.allCases.map(\.rawValue)
            for item in k.value {
                if let v = TrackKind(rawValue: item.value) { kinds!.append(v) } else {
                    var message = "expected one of \(names.joined(separator: ", ")), found \"\(item.value)\""
                    if let s = Suggest.nearest(item.value, in: names) { message += ": did you mean '\(s)'?" }
                    r.fail(item.span, "track_kinds", message)
                }
            }
        }
        let roles = r.stringList("roles")
        let minGrade = r.int("min_grade", required: false, min: 0), maxGrade = r.int("max_grade", required: false, min: 0)
        // `group: people-team` or `groups: [people-team, finance]`: outside the ladder.
        var groups: [Located<String>]?
        if let g = r.string("group", required: false) { groups = [g] }
        if let g = r.stringList("groups") { groups = (groups ?? []) + g.value }
        guard r.ok else { return nil }
        return AudienceClause(tracks: tracks?.value, trackKinds: kinds, roles: roles?.value.map(\.value), minGrade: minGrade?.value, maxGrade: maxGrade?.value, groups: groups, roleSpans: roles?.value)
    }

    // MARK: survey

    private func survey(_ root: TableNode, _ source: DocumentSource, _ c: DecodeContext) -> Survey? {
        guard var r = MappingReader(root, anchor: root.span, path: .root, what: "a survey document", keys: FormatKeys.survey, context: c) else { return nil }
        let ladder = r.string("ladder"), conducted = r.day("conducted"), anonymous = r.bool("anonymous")
        let questions = items(&r, "questions", required: false) { question($0, $1, c) }
        guard r.ok, let ladder, let conducted, let anonymous, let questions else { return nil }
        return Survey(source: source, ladder: ladder, conducted: conducted, anonymous: anonymous, questions: questions)
    }

    private func question(_ node: TableNode, _ path: DecodePath, _ c: DecodeContext) -> Question? {
        guard var r = MappingReader(node, anchor: node.span, path: path, what: "a survey question", keys: FormatKeys.question, context: c) else { return nil }
        let id = r.string("id"), audience = r.string("audience", required: false)
        // `withheld: true`: asked, its figures left out of the file; the counts are then not given.
        let withheld = r.bool("withheld", required: false)
        if let w = withheld, w.value {
            let given = ["respondents", "agree"].filter { r.optional($0) != nil }
            if let first = given.first, let at = r.optional(first) {
                r.fail(at.value.span, first, "expected no counts with withheld: true, found \(given.joined(separator: " and ")): remove \(given.count == 1 ? "it" : "them") to keep the figures out of the file, or remove withheld: true to show them")
            }
            guard r.ok, let id else { return nil }
            return Question(id: id, audience: audience?.value, respondents: nil, agree: nil, withheld: w)
        }
        if r.absent("respondents"), r.absent("agree") {
            // Neither count: one finding that says both, and how to write a question whose
            // figures were left out; none when `withheld` was misspelt (reported as that).
            r.invalidate()
            // `withheld` misspelt, or not true or false: already reported.
            let misspelt = !r.has("withheld") && !r.absent("withheld")
            guard !misspelt, withheld != nil || r.optional("withheld") == nil else { return nil }
            r.context.fail(r.anchor, r.path, "a survey question lacks the required keys 'respondents' and 'agree' (whole numbers >= 0): add them, or write withheld: true for a question that was asked but whose figures are left out of the file")
            return nil
        }
        let respondents = r.int("respondents", min: 0), agree = r.int("agree", min: 0)
        if let a = agree, let n = respondents, a.value > n.value {
            r.fail(a.span, "agree", "expected agree <= respondents, found \(a.value) agreeing of \(n.value) respondents: correct the counts")
        }
        guard r.ok, let id, let respondents, let agree else { return nil }
        return Question(id: id, audience: audience?.value, respondents: respondents, agree: agree)
    }
}
