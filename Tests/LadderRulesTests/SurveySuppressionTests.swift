import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

private typealias Cell = SurveySuppression.Cell

private func cell(_ question: String, _ day: String, _ audience: String?, _ n: Int, _ agree: Int) -> Cell {
    Cell(question: question, conducted: Day(day)!, audience: audience, respondents: n, agree: agree)
}

private let ic = "individual-contributor"

struct SurveySuppressionTests {
    // MARK: within one survey

    @Test("everyone 50, ICs 47, managers 3: the ICs' figure is withheld too, so 50 - 47 gives nothing away")
    func complementWithinSurvey() {
        let cells = [
            cell("seat", "2026-03-01", "everyone", 50, 31),
            cell("seat", "2026-03-01", ic, 47, 29),
            cell("seat", "2026-03-01", "management", 3, 2),
        ]
        #expect(SurveySuppression.withheld(cells, minGroup: 5) == [false, true, true])
        #expect(Disclosure.leaks(cells, SurveySuppression.withheld(cells, minGroup: 5), minGroup: 5).isEmpty)
        // Without a managers' figure at all, 50 - 47 is still three people's answers.
        let pair = Array(cells.prefix(2))
        #expect(SurveySuppression.withheld(pair, minGroup: 5) == [false, true])
    }

    @Test("two small groups that together reach min_group: only they are withheld, the totals stay")
    func smallGroupsTogetherAreEnough() {
        let both = [
            cell("seat", "2026-03-01", "everyone", 8, 3),
            cell("seat", "2026-03-01", ic, 4, 1),
            cell("seat", "2026-03-01", "management", 4, 2),
        ]
        #expect(SurveySuppression.withheld(both, minGroup: 5) == [false, true, true])
        // 50 - 42 = 8 people: the 4 managers and 4 who gave no track, neither one alone.
        let withRest = [
            cell("seat", "2026-03-01", "everyone", 50, 20),
            cell("seat", "2026-03-01", ic, 42, 17),
            cell("seat", "2026-03-01", "management", 4, 3),
        ]
        #expect(SurveySuppression.withheld(withRest, minGroup: 5) == [false, false, true])
    }

    @Test("an everyone figure on which all agreed (or none) gives a withheld subgroup away and is withheld")
    func unanimousTotal() {
        let cells = [
            cell("seat", "2026-03-01", "everyone", 50, 50),
            cell("seat", "2026-03-01", ic, 47, 47),
            cell("seat", "2026-03-01", "management", 3, 3),
        ]
        #expect(SurveySuppression.withheld(cells, minGroup: 5) == [true, true, true])
        let none = cells.map { c -> Cell in var c = c; c.agree = 0; return c }
        #expect(SurveySuppression.withheld(none, minGroup: 5) == [true, true, true])
    }

    @Test("two figures of one question, date and audience cannot be told apart: that question and date are withheld")
    func duplicateAudience() {
        let cells = [
            cell("seat", "2026-03-01", "everyone", 60, 20),
            cell("seat", "2026-03-01", ic, 30, 10),
            cell("seat", "2026-03-01", ic, 27, 9),
            cell("seat", "2025-03-01", ic, 30, 10),
        ]
        #expect(SurveySuppression.withheld(cells, minGroup: 5) == [true, true, true, false])
    }

    @Test("counts near Int.max are compared without overflow")
    func hugeCounts() {
        let cells = [
            cell("seat", "2026-03-01", "everyone", 0, 0),
            cell("seat", "2026-03-01", ic, Int.max, 0),
            cell("seat", "2026-03-01", "management", Int.max, Int.max),
            cell("seat", "2027-03-01", ic, Int.max - 1, 0),
        ]
        #expect(SurveySuppression.withheld(cells, minGroup: 5) == [true, false, false, true])
    }

    // MARK: across surveys

    @Test("40 respondents one year and 42 the next: the later figure is withheld, later ones compare with every shown one")
    func complementAcrossYears() {
        let twoYears = [cell("seat", "2025-03-01", ic, 40, 13), cell("seat", "2026-03-01", ic, 42, 17)]
        #expect(SurveySuppression.withheld(twoYears, minGroup: 5) == [false, true])
        // In file order or not, the earlier figure is the one kept.
        #expect(SurveySuppression.withheld(twoYears.reversed(), minGroup: 5) == [true, false])
        let threeYears = twoYears + [cell("seat", "2027-03-01", ic, 44, 20)]
        #expect(SurveySuppression.withheld(threeYears, minGroup: 5) == [false, true, true], "44 - 40 is four people")
        let apart = [cell("seat", "2024-03-01", ic, 40, 13), cell("seat", "2025-03-01", ic, 50, 17), cell("seat", "2026-03-01", ic, 42, 17)]
        #expect(SurveySuppression.withheld(apart, minGroup: 5) == [false, false, true], "42 - 40 two years apart is still two people")
        // The same count again is not a group of anyone; other questions and audiences are other populations.
        let same = [cell("seat", "2025-03-01", ic, 40, 13), cell("seat", "2026-03-01", ic, 40, 15),
                    cell("other", "2026-03-01", ic, 42, 15), cell("seat", "2026-03-01", "management", 42, 15)]
        #expect(SurveySuppression.withheld(same, minGroup: 5) == [false, false, false, false])
    }

    @Test("figures with no small group and no small difference are all kept")
    func nothingToSuppress() {
        let cells = [
            cell("seat", "2025-03-01", "everyone", 60, 20), cell("seat", "2025-03-01", ic, 40, 12), cell("seat", "2025-03-01", "management", 20, 8),
            cell("seat", "2026-03-01", "everyone", 70, 30), cell("seat", "2026-03-01", ic, 45, 20), cell("seat", "2026-03-01", "management", 25, 10),
            cell("status", "2026-03-01", "management", 9, 6),
        ]
        #expect(SurveySuppression.withheld(cells, minGroup: 5) == Array(repeating: false, count: cells.count))
        // The same figures under a larger min_group: the managers of 2025 fall below it.
        #expect(SurveySuppression.withheld(cells, minGroup: 21).contains(true))
    }

    @Test("property: for random surveys no withheld figure (nor a small rest) can be computed from the shown ones")
    func randomSurveysLeakNothing() {
        var withheldSome = 0, keptSome = 0, primaryAloneLeaks = 0
        for seed in UInt64(1)...400 {
            var rng = SplitMix64(seed: seed)
            let minGroup = Int.random(in: 2...6, using: &rng)
            let cells = RandomSurveys.cells(&rng)
            let w = SurveySuppression.withheld(cells, minGroup: minGroup)
            for (c, withheld) in zip(cells, w) where c.respondents < minGroup {
                #expect(withheld, "seed \(seed): a group of \(c.respondents) < \(minGroup) is shown")
            }
            let leaks = Disclosure.leaks(cells, w, minGroup: minGroup)
            #expect(leaks.isEmpty, "seed \(seed), min_group \(minGroup): \(leaks) in \(cells)")
            let primaryOnly = cells.map { $0.respondents < minGroup || $0.respondents == 0 }
            if !Disclosure.leaks(cells, primaryOnly, minGroup: minGroup).isEmpty { primaryAloneLeaks += 1 }
            if w.contains(true) { withheldSome += 1 }
            if w.contains(false) { keptSome += 1 }
        }
        // The generator must exercise both outcomes, and cases that primary suppression alone
        // gets wrong, for the property to mean anything.
        #expect(withheldSome > 50 && keptSome > 50 && primaryAloneLeaks > 50, "\(withheldSome) \(keptSome) \(primaryAloneLeaks)")
    }

    // MARK: every output

    @Test("no output format shows a withheld figure: the 50/47/3 survey and the 40 -> 42 years, JSON, HTML, Markdown, SARIF, text...")
    func noFormatShowsWithheldFigures() throws {
        let r = try Fixture.lint(files: SurveyFixture.files)
        let report = try #require(r.report, "\(r.stderr)")
        let m = try #require(report.metrics.first)
        func row(_ q: String, _ audience: String?, _ day: String) throws -> SurveyMetric {
            try #require(m.survey.first { $0.question == q && $0.audience == audience && $0.conducted == day })
        }
        // What is kept is shown: the test would pass vacuously otherwise.
        #expect(try row("seat-at-the-table", "everyone", "2026-03-01").agreeRatio == 0.62)
        #expect(try row("career-clarity", ic, "2025-03-01").agreeRatio == 0.325)
        for (q, a, day) in [("seat-at-the-table", ic, "2026-03-01"), ("seat-at-the-table", "management", "2026-03-01"), ("career-clarity", ic, "2026-03-01")] {
            let withheld = try row(q, a, day)
            #expect(withheld.withheld && withheld.agreeRatio == nil, "\(q) \(a) \(day)")
        }
        // The threshold rule judges the shown everyone figure only.
        let seat = report.findings.filter { $0.rule == "survey-seat-at-the-table" }
        #expect(seat.count == 1 && seat.first?.message.contains("31 of 50") == true)

        for format in Reporters.formats {
            let out = try #require(Reporters.render(format, report, ReportStyle()), "format \(format)")
            for (n, agree) in SurveyFixture.withheld {
                for shown in SurveyFixture.renderings(agree, of: n) {
                    #expect(!out.contains(shown), "\(format) shows \(shown) of a withheld group of \(n)")
                }
            }
        }
        let text = try #require(Reporters.render("text", report, ReportStyle()))
        #expect(text.contains("31 of 50"))
        let json = try #require(Reporters.render("json", report, ReportStyle()))
        #expect(json.contains("0.62") && json.contains("0.325"))
    }

    @Test("the renderings searched for are what the outputs print: with min_group 1 nothing is withheld and each figure shows")
    func renderingsAreTheOutputs() throws {
        var files = SurveyFixture.files
        files[".ladderlint.yml"] = "version: 1\nparams: {survey-small-group: {min_group: 1}}\n"
        let r = try Fixture.lint(files: files)
        let report = try #require(r.report, "\(r.stderr)")
        #expect(report.metrics.first?.survey.contains { $0.withheld } == false)
        let outputs = Reporters.formats.compactMap { Reporters.render($0, report, ReportStyle()) }
        #expect(outputs.count == Reporters.formats.count)
        for (n, agree) in SurveyFixture.withheld {
            let shown = SurveyFixture.renderings(agree, of: n).filter { s in outputs.contains { $0.contains(s) } }
            #expect(shown.count >= 2, "\(agree) of \(n) shows as \(shown)")
        }
    }

    @Test("the independent reader finds what primary suppression alone gives away")
    func readerFindsPrimaryOnlyLeaks() {
        let survey = [cell("seat", "2026-03-01", "everyone", 50, 31), cell("seat", "2026-03-01", ic, 47, 29), cell("seat", "2026-03-01", "management", 3, 2)]
        #expect(!Disclosure.leaks(survey, [false, false, true], minGroup: 5).isEmpty)
        let years = [cell("seat", "2025-03-01", ic, 40, 13), cell("seat", "2026-03-01", ic, 42, 17)]
        #expect(!Disclosure.leaks(years, [false, false], minGroup: 5).isEmpty)
        let pair = Array(survey.prefix(2))
        #expect(!Disclosure.leaks(pair, [false, false], minGroup: 5).isEmpty, "50 - 47 is a rest of three")
    }
}

// MARK: - an independent reader of the shown figures

/// What someone holding every shown figure can compute under the relations the suppression
/// models, worked out by linear algebra rather than by the suppression's own rules: each
/// relation of one question and date is an equation over the withheld figures and the rests
/// (groups with no figure of their own); a protected unknown is given away when the equations
/// determine it. Across dates, two shown figures of one audience whose counts differ by less than
/// min_group give the joiners or leavers away.
enum Disclosure {
    static func leaks(_ cells: [SurveySuppression.Cell], _ w: [Bool], minGroup: Int) -> [String] {
        var leaks: [String] = []
        struct DateKey: Hashable { var q: String, d: Day }
        let byDate = Dictionary(grouping: cells.indices) { DateKey(q: cells[$0].question, d: cells[$0].conducted) }
        var opaque = Set<Int>()
        for (_, idx) in byDate {
            let audiences = idx.map { cells[$0].audience }
            if Set(audiences).count < audiences.count {
                for i in idx where !w[i] { leaks.append("cell \(i) shown beside a figure of the same audience") }
                opaque.formUnion(idx)
                continue
            }
            guard let p = idx.first(where: { cells[$0].audience == SurveySuppression.everyone }) else { continue }
            // Unknowns: withheld cells of this date, then one variable per rest.
            var variables: [Int: Int] = [:]
            var protected: [Bool] = []
            var names: [String] = []
            for i in idx where w[i] {
                variables[i] = protected.count
                protected.append(cells[i].respondents > 0)
                names.append("cell \(i)")
            }
            var rows: [[Double]] = []
            func equation(_ plus: Int, _ minus: [Int]) {
                let rest = cells[plus].respondents - minus.reduce(0) { $0 + cells[$1].respondents }
                guard rest >= 0 else { return }
                var row = [Double](repeating: 0, count: protected.count + (rest > 0 ? 1 : 0))
                if let v = variables[plus] { row[v] += 1 }
                for m in minus { if let v = variables[m] { row[v] -= 1 } }
                if rest > 0 {
                    row[row.count - 1] = -1
                    protected.append(rest < minGroup)
                    names.append("the rest of \(rest) beside \(minus)")
                }
                rows.append(row)
            }
            for c in idx where c != p { equation(p, [c]) }
            let icCell = idx.first { cells[$0].audience == ic }, mCell = idx.first { cells[$0].audience == "management" }
            if let a = icCell, let b = mCell { equation(p, [a, b]) }
            let width = protected.count
            let matrix = rows.map { $0 + [Double](repeating: 0, count: width - $0.count) }
            for v in 0..<width where protected[v] && Linear.determines(matrix, variable: v) {
                leaks.append("\(names[v]) of \(cells[p].question) \(cells[p].conducted) is determined")
            }
            let n = cells[p].respondents, a = cells[p].agree
            if !w[p], a == 0 || a == n, idx.contains(where: { w[$0] && cells[$0].respondents > 0 }) {
                leaks.append("unanimous everyone \(p) beside a withheld subgroup")
            }
        }
        struct Population: Hashable { var q: String, a: String }
        let byPopulation = Dictionary(grouping: cells.indices.filter { !opaque.contains($0) && !w[$0] }) {
            Population(q: cells[$0].question, a: cells[$0].audience)
        }
        for (_, idx) in byPopulation {
            for x in idx {
                for y in idx where y > x && cells[x].conducted != cells[y].conducted {
                    let d = abs(cells[x].respondents - cells[y].respondents)
                    if d > 0 && d < minGroup { leaks.append("cells \(x) and \(y) differ by \(d) people") }
                }
            }
        }
        return leaks
    }
}

enum Linear {
    /// Whether the rows of `m` determine `variable`: its unit vector lies in their span.
    static func determines(_ m: [[Double]], variable: Int) -> Bool {
        guard let width = m.first?.count else { return false }
        var unit = [Double](repeating: 0, count: width)
        unit[variable] = 1
        return rank(m + [unit]) == rank(m)
    }

    static func rank(_ rows: [[Double]]) -> Int {
        var a = rows
        var rank = 0
        guard let width = a.first?.count else { return 0 }
        for col in 0..<width where rank < a.count {
            guard let pivot = (rank..<a.count).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-9 else { continue }
            a.swapAt(rank, pivot)
            for r in 0..<a.count where r != rank {
                let f = a[r][col] / a[rank][col]
                if f != 0 { for c in 0..<width { a[r][c] -= f * a[rank][c] } }
            }
            rank += 1
        }
        return rank
    }
}

/// A reproducible generator: the seed in a failure message replays the case.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomSurveys {
    /// One to three questions over one to four years; each year some of everyone, ICs, managers
    /// and tech leads, sizes near min_group, everyone sometimes more than the parts (people who
    /// gave no track), now and then the same audience twice.
    static func cells(_ rng: inout SplitMix64) -> [SurveySuppression.Cell] {
        var cells: [SurveySuppression.Cell] = []
        for q in 0..<Int.random(in: 1...3, using: &rng) {
            var icBase = Int.random(in: 0...30, using: &rng), mBase = Int.random(in: 0...12, using: &rng)
            for year in 0..<Int.random(in: 1...4, using: &rng) {
                let day = Day(year: 2022 + year, month: 3, day: 1)!
                icBase = max(0, icBase + Int.random(in: -4...4, using: &rng))
                mBase = max(0, mBase + Int.random(in: -3...3, using: &rng))
                let rest = Bool.random(using: &rng) ? 0 : Int.random(in: 0...6, using: &rng)
                func add(_ audience: String?, _ n: Int) {
                    cells.append(.init(question: "q\(q)", conducted: day, audience: audience, respondents: n, agree: Int.random(in: 0...n, using: &rng)))
                }
                if Int.random(in: 0..<4, using: &rng) > 0 { add(Bool.random(using: &rng) ? "everyone" : nil, icBase + mBase + rest) }
                if Int.random(in: 0..<4, using: &rng) > 0 { add(ic, icBase) }
                if Int.random(in: 0..<4, using: &rng) > 0 { add("management", mBase) }
                if Int.random(in: 0..<3, using: &rng) == 0 { add("tech-lead", Int.random(in: 0...max(0, icBase), using: &rng)) }
                if Int.random(in: 0..<12, using: &rng) == 0 { add(ic, Int.random(in: 0...20, using: &rng)) }
            }
        }
        cells.shuffle(using: &rng)
        return cells
    }
}

// MARK: - a ladder whose surveys need complementary suppression

enum SurveyFixture {
    /// (respondents, agree) of every figure that must be withheld.
    static let withheld = [(47, 29), (3, 2), (42, 17)]

    /// Every way an output could show `agree` of `n`: counts, the ratio as JSON and evidence
    /// carry it, the percentages of messages and of the HTML table, the HTML bar's width.
    static func renderings(_ agree: Int, of n: Int) -> [String] {
        let r = Format.round(Double(agree) / Double(n), 4)
        return [
            "\(agree) of \(n)", Format.plain(r), Format.percent(Double(agree) / Double(n)),
            Format.plain(Format.round(r * 100, 2)) + "%",
            "width=\"\(Format.plain((220 * r * 10).rounded() / 10))\"",
        ]
    }

    static let files: [String: String] = [
        "ladders/ladder.yaml": """
            kind: ladder
            id: acme-eng
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: Senior Engineer}
              - {id: ic-4, track: ic, grade: 4, title: Staff Engineer}
              - {id: em-3, track: em, grade: 3, title: Manager}
              - {id: em-4, track: em, grade: 4, title: Director}

            """,
        "ladders/survey-everyone.yaml": """
            kind: survey
            ladder: acme-eng
            conducted: 2026-03-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: everyone, respondents: 50, agree: 31}

            """,
        "ladders/survey-ic.yaml": """
            kind: survey
            ladder: acme-eng
            conducted: 2026-03-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 47, agree: 29}
              - {id: career-clarity, audience: individual-contributor, respondents: 42, agree: 17}

            """,
        "ladders/survey-management.yaml": """
            kind: survey
            ladder: acme-eng
            conducted: 2026-03-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: management, respondents: 3, agree: 2}

            """,
        "ladders/survey-2025.yaml": """
            kind: survey
            ladder: acme-eng
            conducted: 2025-03-01
            anonymous: true
            questions:
              - {id: career-clarity, audience: individual-contributor, respondents: 40, agree: 13}

            """,
    ]
}
