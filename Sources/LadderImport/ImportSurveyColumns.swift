import Foundation
import LadderCSV
import LadderRules

extension SurveyImport {
    /// One column of the export, named as a spreadsheet shows it.
    struct Column: Sendable, Equatable {
        var index: Int
        var letter: String
        var header: String

        /// `C ("What is your role?")`, for messages and notes.
        var named: String { header.isEmpty ? letter : "\(letter) (\"\(shown(header, cap: 60))\")" }
    }

    /// What each column of the export is: the role column, the question columns with their
    /// ids, and the timestamp columns `conducted` may come from. Identity and metadata columns
    /// (email, name, respondent id, IP, demographics) are never read.
    struct ColumnPlan: Sendable {
        var columns: [Column]
        var role: Column
        var questions: [(column: Column, id: String)]
        var timestamps: [Column]
        /// The role column's header asks "are you a manager?": yes and no are roles then.
        var roleIsManagerQuestion: Bool

        init(header cells: [CSVCell], rows: [CSVRecord], file: String, options: Options, notes: inout [String]) throws {
            let columns = cells.enumerated().map { Column(index: $0.offset, letter: columnLetter($0.offset), header: $0.element.text) }
            self.columns = columns
            func find(_ text: String, _ option: String) throws -> Column {
                try ColumnPlan.find(text, option: option, in: columns, file: file)
            }

            // The role column.
            let role: Column
            if let given = options.roleColumn {
                role = try find(given, "--role-column")
            } else {
                let candidates = columns.filter { ColumnPlan.roleHeaders.contains(ColumnPlan.base(normalize($0.header))) }
                guard let first = candidates.first else {
                    throw UsageError(file: file, span: span(cells[0].line, 1), "no column says who answered (a header such as Role, Track, Job family, Position, Level type or \"Are you a manager?\"): name it with --role-column HEADER. Columns: \(ColumnPlan.list(columns))")
                }
                guard candidates.count == 1 else {
                    throw UsageError(file: file, span: span(cells[candidates[1].index]), "several columns could say who answered: \(candidates.map(\.named).joined(separator: ", ")); choose one with --role-column \(candidates[0].letter)")
                }
                role = first
            }
            self.role = role
            let roleHeader = normalize(role.header)
            roleIsManagerQuestion = roleHeader.contains("manag")

            // Columns named by --question.
            var given: [Int: String?] = [:]
            for (text, id) in options.questions {
                let c = try find(text, "--question")
                if c.index == role.index {
                    throw UsageError("--question '\(text)': column \(c.named) is the role column; choose another role column with --role-column first")
                }
                if let id { try ColumnPlan.checkID(id, option: "--question '\(text)=\(id)'") }
                if let before = given[c.index], before != id {
                    throw UsageError("--question: column \(c.named) is given twice, as \(before ?? "skip") and as \(id ?? "skip"); give it once")
                }
                given[c.index] = id
            }

            // Everything else: metadata, or a question whose id is its header's.
            var timestamps: [Column] = []
            var meta: [Column] = []
            var pending: [Column] = []
            var explicit: [(Column, String)] = []
            for c in columns where c.index != role.index {
                if let g = given[c.index] {
                    if let id = g { explicit.append((c, id)) }
                    continue
                }
                let n = normalize(c.header)
                if let kind = ColumnPlan.metadata(n) {
                    meta.append(c)
                    if kind == .timestamp { timestamps.append(c) }
                } else if n.isEmpty {
                    // A trailing empty column (`,,` at the end of each row) is no question.
                    if let cell = rows.lazy.compactMap({ $0.cells.count > c.index ? $0.cells[c.index] : nil }).first(where: { !$0.text.isEmpty }) {
                        throw UsageError(file: file, span: span(cell), "column \(c.letter) has answers and no header: name its question with --question \(c.letter)=ID, or leave it out with --question \(c.letter)=skip")
                    }
                } else {
                    pending.append(c)
                }
            }
            self.timestamps = timestamps

            // The questions the rules read are recognised by their wording unless named.
            var ids: [Int: String] = [:]
            for (c, id) in explicit { ids[c.index] = id }
            for known in ruleQuestions where !explicit.contains(where: { $0.1 == known.id }) {
                let matches = pending.filter { ColumnPlan.looksLike(known.id, slug($0.header, cap: .max)) }
                if matches.count > 1 {
                    throw UsageError(file: file, span: span(cells[matches[1].index]), "columns \(matches.map(\.named).joined(separator: " and ")) both read like the \(known.id) question: name the one it is with --question \(matches[0].letter)=\(known.id) and give the other an id of its own (--question \(matches[1].letter)=ID)")
                }
                if let m = matches.first { ids[m.index] = known.id }
            }
            for c in pending where ids[c.index] == nil {
                let id = slug(c.header)
                guard !id.isEmpty else {
                    throw UsageError(file: file, span: span(cells[c.index]), "column \(c.letter)'s header gives no question id (ids are ASCII letters, digits and -): give one with --question \(c.letter)=ID, or leave it out with --question \(c.letter)=skip")
                }
                ids[c.index] = id
            }
            var questions: [(column: Column, id: String)] = []
            var byID: [String: Column] = [:]
            for c in columns {
                guard let id = ids[c.index] else { continue }
                if let other = byID[id] {
                    throw UsageError(file: file, span: span(cells[c.index]), "columns \(other.named) and \(c.named) both give the question id \(id): give one another id with --question \(c.letter)=ID")
                }
                byID[id] = c
                questions.append((c, id))
            }
            guard !questions.isEmpty else {
                throw UsageError(file: file, span: span(cells[0].line, 1), "no question columns: every column is the role column, identity or metadata, or skipped; name a question column with --question COLUMN=ID. Columns: \(ColumnPlan.list(columns))")
            }
            self.questions = questions
            if !meta.isEmpty {
                notes.append("\(baseName(file)): \(meta.count == 1 ? "column" : "columns") \(meta.map(\.named).joined(separator: ", ")) read as identity or metadata and left out of the counts (\(timestamps.isEmpty ? "none is" : "timestamps are") read for the date only); count one as a question with --question COLUMN=ID")
            }
        }

        /// A column named on the command line: its header (case and spacing aside), its
        /// letter, or the leading part of exactly one header.
        static func find(_ text: String, option: String, in columns: [Column], file: String) throws -> Column {
            let n = normalize(text)
            let exact = columns.filter { normalize($0.header) == n }
            if exact.count == 1 { return exact[0] }
            if exact.count > 1 {
                throw UsageError("\(option) '\(text)': \(exact.count) columns have this header (\(exact.map(\.letter).joined(separator: ", "))): name the one you mean by its letter")
            }
            let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
            if !upper.isEmpty, upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }), let c = columns.first(where: { $0.letter == upper }) {
                return c
            }
            let leading = n.isEmpty ? [] : columns.filter { normalize($0.header).hasPrefix(n) }
            if leading.count == 1 { return leading[0] }
            if leading.count > 1 {
                throw UsageError("\(option) '\(text)': \(leading.count) headers start this way (\(leading.map(\.letter).joined(separator: ", "))): give more of the header, or the column's letter")
            }
            throw UsageError(file: file, "\(option) '\(text)': no column has this header or letter; the columns are \(list(columns))")
        }

        static func list(_ columns: [Column]) -> String {
            let all = columns.map(\.named).joined(separator: ", ")
            return all.count > 500 ? String(all.prefix(499)) + "…" : all
        }

        /// Question ids are written as YAML scalars and read in rule parameters: ASCII letters,
        /// digits, `-`, `_` and `.`, starting with a letter or digit.
        static func checkID(_ id: String, option: String) throws {
            let ok = id.unicodeScalars.enumerated().allSatisfy { i, u in
                u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || (i > 0 && "-_.".unicodeScalars.contains(u)))
            }
            guard ok, !id.isEmpty else {
                throw UsageError("\(option): a question id is ASCII letters, digits, -, _ and ., starting with a letter or digit (or skip, to leave the column out)")
            }
        }

        /// Headers that say who answered (normalised: lower case, no trailing `?`).
        static let roleHeaders: Set<String> = [
            "role", "your role", "what is your role", "what's your role", "job role", "current role",
            "track", "career track", "your track", "which track are you on", "job family", "job function",
            "position", "your position", "level type", "are you a manager", "are you a people manager",
            "do you manage people", "do you manage people today",
        ]

        enum Metadata { case timestamp, other }

        /// A header without a trailing `(UTC)` or `(in seconds)`.
        static func base(_ n: String) -> String {
            guard n.hasSuffix(")"), let open = n.lastIndex(of: "(") else { return n }
            return String(n[..<open]).trimmingCharacters(in: .whitespaces)
        }

        /// Whether a header names identity or metadata rather than a question: Google Forms,
        /// Microsoft Forms, Typeform, Qualtrics and Culture Amp exports, and the demographic
        /// columns (team, location, tenure) that would single a respondent out.
        static func metadata(_ normalized: String) -> Metadata? {
            let b = base(normalized)
            if b.contains("timestamp") || timestampHeaders.contains(b) { return .timestamp }
            if b.contains("email") || b.contains("e-mail") || b.hasSuffix(" id") || b.hasSuffix(" name") || b.contains("latitude")
                || b.contains("longitude") || b.hasPrefix("recipient") || otherHeaders.contains(b)
            {
                return .other
            }
            return nil
        }

        static let timestampHeaders: Set<String> = [
            "submitted at", "submitted", "submit date", "date submitted", "submission date", "submission time",
            "completed at", "completed", "completion time", "end date", "end time", "start date", "start time",
            "date", "response date", "recorded date", "last modified time", "created at", "finished at",
        ]

        static let otherHeaders: Set<String> = [
            "#", "id", "name", "respondent", "respondent id", "ip", "ip address", "ipaddress", "user agent", "network id",
            "token", "tags", "score", "total score", "points", "username", "employee id", "employee number", "phone",
            "phone number", "manager", "reports to", "department", "team", "squad", "location", "office", "country",
            "region", "city", "tenure", "gender", "age", "ethnicity", "level", "grade", "seniority", "language",
            "status", "progress", "duration", "finished", "response type", "externalreference", "externaldatareference",
            "distributionchannel", "userlanguage",
        ]

        /// Whether a header's slug reads like one of the questions the rules know.
        static func looksLike(_ known: String, _ slug: String) -> Bool {
            switch known {
            case "seat-at-the-table":
                return slug.contains("seat-at-the-table")
            case "return-status-loss":
                return slug.contains("status")
                    && ["back-to", "return-to", "go-back", "going-back", "went-back", "moving-back"].contains { slug.contains($0) }
            default:
                return slug == known
            }
        }
    }
}
