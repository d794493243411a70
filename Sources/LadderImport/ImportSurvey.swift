import LadderCSV
import LadderTables
import LadderModel
import LadderRules
import LadderYAML

/// `ladderlint import survey`: a per-respondent export (Google Forms, Typeform, Culture Amp, a
/// spreadsheet) aggregated into `kind: survey` documents, with the small-group rule applied
/// before anything is written. The raw answers never leave this type: what it returns holds
/// counts per question and audience, and nothing a respondent wrote (docs/import.md).
public enum SurveyImport {
    /// Who answered, as a survey question's `audience`: the track kinds and the one role the
    /// format knows (docs/format.md, "Audiences"), in the order the documents are written.
    public enum Audience: String, Sendable, CaseIterable, Comparable {
        case individualContributor = "individual-contributor"
        case management
        case techLead = "tech-lead"

        public static func < (a: Audience, b: Audience) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What a role value becomes: an audience, or left out of every count.
    public enum RoleChoice: Sendable, Equatable {
        case audience(Audience)
        case skip

        public var name: String {
            if case .audience(let a) = self { return a.rawValue }
            return "skip"
        }
    }

    /// The questions the rules read, with the one audience each rule speaks of: the
    /// survey-threshold check reads every figure of its question id whatever its audience, and
    /// its messages call them engineers' (seat-at-the-table) or managers' (return-status-loss)
    /// answers, so another audience's figure under that id would be judged as theirs.
    public static let ruleQuestions: [(id: String, audience: Audience)] = [
        ("seat-at-the-table", .individualContributor),
        ("return-status-loss", .management),
    ]

    /// The `survey-small-group` rule's `min_group` in the built-in pack (5).
    public static var defaultMinGroup: Int {
        let rules = (try? RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin))?.rules ?? []
        return Metrics.minimumGroup(rules)
    }

    /// Everything the command line decides, already read (`Arguments.options()`).
    public struct Options: Sendable {
        public var ladder: String
        public var conducted: Day?
        /// A header text, a leading part of one, or a column letter.
        public var roleColumn: String?
        public var roles: [(value: String, choice: RoleChoice)] = []
        public var scale: Scale?
        /// The answers that count as agreeing, instead of the scale's upper half.
        public var agree: [String]?
        /// Column (header, leading part or letter) to a question id; nil skips the column.
        public var questions: [(column: String, id: String?)] = []
        public var minGroup: Int
        /// Figures of the ladder's earlier surveys (`--previous`): a new figure whose
        /// difference with one of them gives a small group away is withheld too.
        public var earlier: [SurveySuppression.Cell] = []

        public init(ladder: String, minGroup: Int = SurveyImport.defaultMinGroup) {
            self.ladder = ladder
            self.minGroup = minGroup
        }
    }

    /// The YAML to write, and what to tell the user on stderr.
    public struct Result: Sendable {
        public var yaml: String
        public var notes: [String]
        /// Rows counted (a role that maps to an audience).
        public var respondents: Int
        public var conducted: Day
    }

    /// Aggregates the export `bytes` of `file` (as shown in messages; its last component is
    /// what the YAML names). Every problem is a UsageError at the file, line and column of the
    /// cell, and never quotes an answer.
    public static func aggregate(_ bytes: [UInt8], file: String, options: Options) throws -> Result {
        let table = CSVReader(delimiter: CSVReader.delimiter(forName: file)).read(bytes)
        if let p = table.problems.first {
            let more = table.problems.count > 1 ? " (and \(table.problems.count - 1) more problems)" : ""
            throw UsageError(file: file, span: span(p.line, p.column), p.message + more)
        }
        let records = table.records.filter { !$0.isBlank }
        guard let header = records.first else {
            throw UsageError(file: file, "the file holds no rows: export the survey answers with a header row and one row per respondent")
        }
        let rows = Array(records.dropFirst())
        guard !rows.isEmpty else {
            throw UsageError(file: file, span: span(header.line, 1), "the file holds a header row and no respondents: export the answers too")
        }
        var notes: [String] = []
        let plan = try ColumnPlan(header: header.cells, rows: rows, file: file, options: options, notes: &notes)
        for row in rows {
            if let extra = row.cells.dropFirst(header.cells.count).first(where: { !$0.text.isEmpty }) {
                throw UsageError(file: file, span: span(extra.line, extra.column), "this row has more cells than the header row (\(header.cells.count)): a cell holding a comma or a line break may have lost its quotes; export the file again as CSV")
            }
        }
        let audiences = try RoleMapping(plan: plan, rows: rows, file: file, options: options, notes: &notes)
        let scale = try AnswerScale(scale: options.scale, agree: options.agree)
        let counts = try Tally(plan: plan, rows: rows, roles: audiences, scale: scale, file: file)
        let conducted: Day
        let conductedFrom: String
        if let given = options.conducted {
            conducted = given
            conductedFrom = "given with --conducted"
        } else {
            let found = try Timestamps.latest(plan: plan, rows: rows, file: file)
            conducted = found.day
            conductedFrom = "the latest date in \(baseName(file)) column \(found.column)"
        }
        let figures = Figures.make(plan: plan, tally: counts, conducted: conducted, options: options, notes: &notes)
        let yaml = SurveyWriter(
            file: baseName(file), ladder: options.ladder, conducted: conducted, conductedFrom: conductedFrom,
            respondents: counts.respondents, minGroup: options.minGroup
        ).render(figures)
        return Result(yaml: yaml, notes: notes, respondents: counts.respondents, conducted: conducted)
    }

    static func span(_ line: Int, _ column: Int) -> Span {
        Span(start: Mark(line: line, column: column), end: Mark(line: line, column: column))
    }

    static func span(_ cell: CSVCell) -> Span { cell.span }

    /// The file's last path component: the YAML says where the figures came from without the
    /// folders of whoever ran the import.
    static func baseName(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.last.map(String.init) ?? path
    }
}
