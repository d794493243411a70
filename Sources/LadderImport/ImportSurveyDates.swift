import Foundation
import LadderCSV
import LadderModel
import LadderRules

extension SurveyImport {
    /// `conducted` from the export when `--conducted` is not given: the latest date of its
    /// timestamp columns, the time of day ignored and the date taken as written (no time zone
    /// is converted). `3/1/2026` is read month first or day first as the column itself shows
    /// (a 13 or more in either place); when nothing in the column tells and the two readings
    /// give different latest dates, the import stops and asks for `--conducted`, never guesses.
    enum Timestamps {
        struct Found: Equatable {
            var day: Day
            var column: String
        }

        /// A cell's date as written: a day, or a slashed date whose order the column decides.
        enum Written: Equatable {
            case day(Day)
            case slashed(first: Int, second: Int, year: Int)
            /// A date's form with an impossible day (2026-02-30).
            case impossible
        }

        static let forms = "2026-03-01, 2026-03-01 10:22:03, 2026-03-01T10:22:03Z, 3/1/2026 10:22:03 or 1.3.2026"

        static func latest(plan: ColumnPlan, rows: [CSVRecord], file: String) throws -> Found {
            var best: Found?
            for column in plan.timestamps {
                var days: [Day] = []
                var slashed: [(first: Int, second: Int, year: Int, cell: CSVCell)] = []
                for row in rows where column.index < row.cells.count {
                    let cell = row.cells[column.index]
                    let text = cell.text.trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { continue }
                    switch read(text) {
                    case .day(let d)?: days.append(d)
                    case .slashed(let a, let b, let y)?: slashed.append((a, b, y, cell))
                    case .impossible?:
                        throw UsageError(file: file, span: span(cell), "column \(column.named): this date is not a calendar date; correct it, or give the date the survey closed with --conducted YYYY-MM-DD")
                    case nil:
                        throw UsageError(file: file, span: span(cell), "column \(column.named): expected a date with a four-digit year (\(forms)); give the date the survey closed with --conducted YYYY-MM-DD")
                    }
                }
                if !slashed.isEmpty {
                    let monthFirst = slashed.map { Day(year: $0.year, month: $0.first, day: $0.second) }
                    let dayFirst = slashed.map { Day(year: $0.year, month: $0.second, day: $0.first) }
                    let mOK = !monthFirst.contains(nil), dOK = !dayFirst.contains(nil)
                    switch (mOK, dOK) {
                    case (true, false): days += monthFirst.map { $0! }
                    case (false, true): days += dayFirst.map { $0! }
                    case (true, true):
                        let m = monthFirst.map { $0! }.max()!, d = dayFirst.map { $0! }.max()!
                        guard m == d else {
                            throw UsageError(file: file, span: span(slashed[0].cell), "column \(column.named): its dates read month first give \(m) as the latest, day first \(d), and no date in the column tells which it is: give the date the survey closed with --conducted YYYY-MM-DD")
                        }
                        days.append(m)
                    case (false, false):
                        let bad = slashed.indices.first { monthFirst[$0] == nil && dayFirst[$0] == nil }
                            ?? slashed.indices.first { monthFirst[$0] == nil }!
                        throw UsageError(file: file, span: span(slashed[bad].cell), "column \(column.named): this date is not a calendar date in the order the column's other dates are written (month first or day first); correct it, or give the date the survey closed with --conducted YYYY-MM-DD")
                    }
                }
                if let latest = days.max(), best.map({ latest > $0.day }) ?? true {
                    best = Found(day: latest, column: column.letter)
                }
            }
            guard let best else {
                let which = plan.timestamps.isEmpty ? "no timestamp column (Timestamp, Submitted at, Submit date)" : "no date in its timestamp columns"
                throw UsageError(file: file, "the export has \(which) to take the survey's date from: give the date the survey closed with --conducted YYYY-MM-DD")
            }
            return best
        }

        /// A timestamp cell's date, or nil when it is no date form ladderlint reads. What
        /// follows the date (a time, a zone) must start with a digit after a space, `T` or `,`.
        static func read(_ text: String) -> Written? {
            let u = Array(text.unicodeScalars)
            var end = 0
            while end < u.count, u[end] != " ", u[end] != "T", u[end] != "," { end += 1 }
            var rest = end
            while rest < u.count, u[rest] == " " || u[rest] == "T" || u[rest] == "," { rest += 1 }
            if rest < u.count, !("0"..."9").contains(u[rest]) { return nil }
            if end < u.count, rest == u.count { return nil }
            let date = String(String.UnicodeScalarView(u[..<end]))
            for sep: Character in ["-", "/", "."] where date.contains(sep) {
                let parts = date.split(separator: sep, omittingEmptySubsequences: false)
                guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                      let p0 = Int(parts[0]), let p1 = Int(parts[1]), let p2 = Int(parts[2])
                else { return nil }
                if parts[0].count == 4, sep != ".", parts[1].count <= 2, parts[2].count <= 2 {
                    return Day(year: p0, month: p1, day: p2).map(Written.day) ?? .impossible
                }
                guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
                if sep == "." { return Day(year: p2, month: p1, day: p0).map(Written.day) ?? .impossible }
                if sep == "/" { return .slashed(first: p0, second: p1, year: p2) }
                return nil
            }
            return nil
        }
    }
}
