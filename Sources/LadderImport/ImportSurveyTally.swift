import LadderCSV
import LadderRules

extension SurveyImport {
    /// The counts: per question column and audience, how many answered and how many agreed.
    /// A blank answer leaves that respondent out of that question; an answer off the scale
    /// stops the import at its cell, without quoting it (it may be anyone's words).
    struct Tally: Sendable {
        struct Count: Sendable, Equatable {
            var respondents = 0
            var agree = 0
        }

        /// `counts[q][audience]` for `plan.questions[q]`.
        var counts: [[Audience: Count]]
        /// The audiences with at least one row, in document order.
        var present: [Audience]
        /// Rows counted: those whose role maps to an audience.
        var respondents: Int

        init(plan: ColumnPlan, rows: [CSVRecord], roles: RoleMapping, scale: AnswerScale, file: String) throws {
            counts = Array(repeating: [:], count: plan.questions.count)
            var present = Set<Audience>()
            var respondents = 0
            struct Off { var first: CSVCell, count: Int, number: Bool }
            var off: [Int: Off] = [:]
            for (ri, row) in rows.enumerated() {
                guard let audience = roles.audiences[ri] else { continue }
                present.insert(audience)
                respondents += 1
                for (qi, q) in plan.questions.enumerated() where q.column.index < row.cells.count {
                    let cell = row.cells[q.column.index]
                    let reading = scale.read(cell.text)
                    switch reading {
                    case .blank:
                        continue
                    case .counted(let agree):
                        counts[qi][audience, default: Count()].respondents += 1
                        if agree { counts[qi][audience, default: Count()].agree += 1 }
                    case .offScale, .number:
                        let number = reading == .number
                        if var o = off[qi] {
                            o.count += 1
                            o.number = o.number && number
                            off[qi] = o
                        } else {
                            off[qi] = Off(first: cell, count: 1, number: number)
                        }
                    }
                }
            }
            self.present = present.sorted()
            self.respondents = respondents
            guard let qi = off.keys.min() else { return }
            let o = off[qi]!, column = plan.questions[qi].column
            let others = off.keys.sorted().dropFirst().map { plan.questions[$0].column.letter }
            let also = others.isEmpty ? "" : " (columns \(others.joined(separator: ", ")) have such answers too)"
            if o.number {
                throw UsageError(file: file, span: span(o.first), "column \(column.named): this answer is a number, and no numeric scale is given: give it with --scale, e.g. --scale 1-5 (the points above the middle agree: 4 and 5), or list the agreeing points with --agree\(also)")
            }
            let many = o.count == 1 ? "" : " (\(o.count) answers of this column are not)"
            throw UsageError(file: file, span: span(o.first), "column \(column.named): this answer is not on the scale\(many); accepted: \(scale.acceptedShown.joined(separator: ", ")); agreeing: \(scale.agreeShown.joined(separator: ", ")). Give the scale with --scale, the agreeing answers with --agree, or leave out a column that is not a scale question (free text) with --question \(column.letter)=skip\(also)")
        }
    }
}
