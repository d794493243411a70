import LadderRules
import LadderYAML

/// Reads a Markdown table of titles, `| grade | IC title | manager title |`: one row per
/// grade, an empty title cell meaning no level of that track at that grade. Columns are found
/// by their header words (`grade`; `IC`, `individual`, `engineer`; `manager`, `management`,
/// `EM`); when no title header is recognised, the shape above is taken by position. Other
/// columns are ignored.
struct TitleTable {
    let file: String

    func read(_ text: String) throws -> SourceLadder {
        guard let table = MarkdownTable.first(in: text) else {
            throw UsageError(
                file: file,
                "expected a Markdown table (a header row '| grade | IC title | manager title |' and a '|---|' row) or a competency matrix in YAML or JSON, found no table: add the table, or name a YAML or JSON file .yaml or .json")
        }
        let columns = try Self.columns(table, file: file)
        let grades = try Self.grades(table, column: columns.grade, file: file)
        var levels: [SourceLevel] = []
        for (r, row) in table.rows.enumerated() {
            for (column, track) in columns.titles {
                guard column < row.cells.count else { continue }
                let cell = row.cells[column]
                guard !cell.text.isEmpty, cell.text != "-", cell.text != "–", cell.text != "—" else { continue }
                let mark = Mark(line: cell.line, column: cell.column)
                // Without grades in the table, a row's grade is its place among the rows.
                levels.append(SourceLevel(sourceID: nil, title: cell.text, grade: grades[r] ?? (r + 1), track: track, span: Span(start: mark, end: mark)))
            }
        }
        guard !levels.isEmpty else {
            let mark = Mark(line: table.headerLine, column: 1)
            throw UsageError(file: file, span: Span(start: mark, end: mark), "expected rows with at least one title, found none: write one row per grade under the header")
        }
        return SourceLadder(
            positionWord: "row", shape: "a Markdown table", levels: levels,
            gradesFrom: columns.grade == nil ? "the order of the table's rows" : "the table's grade column")
    }

    struct Columns {
        var grade: Int?
        /// Title columns with the track their header names (nil: the title's words decide).
        var titles: [(Int, TrackChoice?)]
    }

    static func words(_ header: String) -> Set<String> {
        var words = Set<String>()
        var current = ""
        for c in header.lowercased() {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty {
                words.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words
    }

    static let managementWords: Set<String> = ["manager", "managers", "management", "em", "people", "leadership"]
    static let icWords: Set<String> = ["ic", "ics", "individual", "contributor", "engineer", "engineers", "engineering", "technical", "track"]

    static func columns(_ table: MarkdownTable, file: String) throws -> Columns {
        var grade: Int?
        var titles: [(Int, TrackChoice?)] = []
        for (i, cell) in table.header.enumerated() {
            let w = words(cell.text)
            if grade == nil, !w.isDisjoint(with: ["grade", "grades", "level", "levels", "band"]), w.isDisjoint(with: managementWords.union(["ic", "individual"])) {
                grade = i
            } else if !w.isDisjoint(with: managementWords) {
                titles.append((i, .management))
            } else if !w.isDisjoint(with: icWords) {
                titles.append((i, .ic))
            }
        }
        if grade == nil, !titles.contains(where: { $0.0 == 0 }), table.header.count > 1, looksLikeGrades(table, column: 0),
            table.rows.contains(where: { !($0.cells.first?.text.isEmpty ?? true) })
        {
            grade = 0  // `| # | IC | Manager |`: a first column of numbers is the grade
        }
        if titles.isEmpty {
            // The stated shape by position: grade, IC title, manager title.
            let first = grade == nil && looksLikeGrades(table, column: 0) ? 0 : grade
            grade = first
            let rest = table.header.indices.filter { $0 != first }
            if let ic = rest.first { titles.append((ic, .ic)) }
            if rest.count > 1 { titles.append((rest[1], .management)) }
        }
        guard !titles.isEmpty else {
            let mark = Mark(line: table.headerLine, column: table.header.first?.column ?? 1)
            throw UsageError(
                file: file, span: Span(start: mark, end: mark),
                "expected a table with a grade column and IC and manager title columns, found \(table.header.count) column\(table.header.count == 1 ? "" : "s"): write '| grade | IC title | manager title |'")
        }
        return Columns(grade: grade, titles: titles)
    }

    static func looksLikeGrades(_ table: MarkdownTable, column: Int) -> Bool {
        table.rows.allSatisfy { row in column >= row.cells.count || row.cells[column].text.isEmpty || gradeNumber(row.cells[column].text) != nil }
    }

    /// A grade cell's number: `5`, or `L5`, `E5`, `IC-5` (a short prefix of letters).
    static func gradeNumber(_ text: String) -> Int? {
        var t = Substring(text)
        var letters = 0
        while let c = t.first, c.isASCII, c.isLetter, letters < 3 {
            t = t.dropFirst()
            letters += 1
        }
        if letters > 0, t.first == "-" || t.first == " " { t = t.dropFirst() }
        guard !t.isEmpty, t.count <= 6, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }

    /// The grade of each body row, nil for all when the table has no grade column or leaves it
    /// empty (then the rows' order decides). A column that gives some grades must give all.
    static func grades(_ table: MarkdownTable, column: Int?, file: String) throws -> [Int?] {
        guard let column else { return table.rows.map { _ in nil } }
        let cells = table.rows.map { column < $0.cells.count ? $0.cells[column] : nil }
        if cells.allSatisfy({ $0 == nil || $0!.text.isEmpty }) { return cells.map { _ in nil } }
        return try zip(table.rows, cells).map { row, cell in
            guard let cell, !cell.text.isEmpty else {
                let mark = Mark(line: row.line, column: cell?.column ?? 1)
                throw UsageError(
                    file: file, span: Span(start: mark, end: mark),
                    "expected a grade number in this row, as in the other rows, found an empty cell: give every row its grade, or leave the whole column empty to number the rows in order")
            }
            guard let n = gradeNumber(cell.text) else {
                let mark = Mark(line: cell.line, column: cell.column)
                throw UsageError(
                    file: file, span: Span(start: mark, end: mark),
                    "expected a grade number (e.g. 5 or L5), found '\(cell.text)': write the grade as a whole number")
            }
            return n
        }
    }
}
