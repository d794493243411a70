import Foundation
import LadderModel
import LadderReport
import LadderRules
import Testing

/// Under `--redact` the HTML charts are drawn on a relative scale: multiplying every amount of
/// the input by a constant leaves the whole page byte-identical, so neither the picture nor the
/// text can give an amount back.
@Suite struct RedactedChartTests {
    /// Base bands as (level, zone, min, mid, max); mid nil means derived. Amounts are uneven so
    /// that no ratio or percentage of them sits on a rounding boundary.
    static let bands: [(String, String, Double, Double?, Double)] = [
        ("ic-3", "default", 153_700, nil, 197_300),
        ("ic-4", "default", 181_900, 204_100, 236_300),
        ("ic-5", "default", 212_300, nil, 268_900),
        ("em-3", "default", 151_300, nil, 209_700),
        ("em-4", "default", 190_700, 213_900, 236_100),
        ("em-5", "default", 221_300, nil, 289_700),
        ("em-6", "default", 247_100, nil, 331_300),
        ("ic-3", "eu", 97_300, nil, 126_100),
        ("em-3", "eu", 98_900, 111_700, 131_900),
    ]

    /// The input with every amount multiplied by `factor`, each written as the shortest text
    /// that reads back as the product. Block style, each amount last on its line: in flow
    /// style a longer amount would move the columns of the keys after it, and findings' columns
    /// are not the chart's business.
    static func files(times factor: Double) -> [String: String] {
        func amount(_ v: Double) -> String { Format.plain(v * factor) }
        let bandLines = bands.map { level, zone, lo, mid, hi in
            """
              - level: \(level)
                zone: \(zone)
                base:
                  min: \(amount(lo))\(mid.map { "\n      mid: " + amount($0) } ?? "")
                  max: \(amount(hi))
                equity:
                  min: \(amount(lo / 10))
                  max: \(amount(hi / 7))
            """
        }
        return [
            ".ladderlint.yml": "version: 1\n",
            "ladders/ladder.yaml": """
                kind: ladder
                id: scaled
                name: Scaled
                tracks:
                  - {id: ic, name: IC, kind: individual-contributor}
                  - {id: em, name: EM, kind: management}
                levels:
                  - {id: ic-3, track: ic, grade: 3, title: Senior}
                  - {id: ic-4, track: ic, grade: 4, title: Staff}
                  - {id: ic-5, track: ic, grade: 5, title: Principal}
                  - {id: em-3, track: em, grade: 3, title: Manager}
                  - {id: em-4, track: em, grade: 4, title: Senior Manager}
                  - {id: em-5, track: em, grade: 5, title: Director}
                  - {id: em-6, track: em, grade: 6, title: VP}
                ---
                kind: compensation
                ladder: scaled
                currency: EUR
                bands:

                """ + bandLines.joined(separator: "\n") + "\n",
        ]
    }

    static func redactedHTML(times factor: Double) throws -> String {
        let report = try ExtremeRun.report(files(times: factor), redact: true)
        return try #require(Reporters.render("html", report, ReportStyle()))
    }

    @Test("scaling every amount leaves the redacted HTML byte-identical", arguments: [1.37, 1000, 0.01, 7.3e6])
    func scalingAmountsLeavesTheRedactedPageUnchanged(_ factor: Double) throws {
        let base = try Self.redactedHTML(times: 1)
        let scaled = try Self.redactedHTML(times: factor)
        #expect(base.contains("<svg class=\"bands\""), "the fixture draws charts")
        #expect(base.contains("relative scale"))
        if base != scaled {
            let a = Array(base), b = Array(scaled)
            let at = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            let from = max(0, at - 120)
            Issue.record("""
                the redacted page changes when every amount is multiplied by \(factor), at character \(at):
                  x1: \(String(a[from..<min(a.count, at + 120)]))
                  x\(factor): \(String(b[from..<min(b.count, at + 120)]))
                """)
        }
    }

    @Test("no digits of an amount appear in the redacted HTML", arguments: [1, 1.37, 1000])
    func noAmountDigitsInTheRedactedPage(_ factor: Double) throws {
        let html = try Self.redactedHTML(times: factor)
        var amounts: [Double] = []
        for (_, _, lo, mid, hi) in Self.bands {
            amounts += [lo, hi, lo / 10, hi / 7, mid ?? AmountRange.midpoint(lo, hi)].map { $0 * factor }
        }
        for v in amounts {
            var forms = HTMLAmounts.forms(v)
            // The whole part's digits alone: 210569.00000000003 must not leave "210569" behind.
            let whole = String(Int64(v.rounded(.down)))
            if whole.count >= 4 { forms += HTMLAmounts.forms(v.rounded(.down)) }
            for form in forms where form.count >= 4 {
                #expect(!HTMLAmounts.occurs(form, in: html), "the amount \(Format.plain(v)) appears as \"\(form)\"")
            }
        }
        // Unredacted, the same page does show them, so the check above can fail.
        let plain = try ExtremeRun.report(Self.files(times: factor), redact: false)
        let plainHTML = try #require(Reporters.render("html", plain, ReportStyle()))
        #expect(amounts.contains { v in HTMLAmounts.forms(v).contains { HTMLAmounts.occurs($0, in: plainHTML) } })
    }

    /// Unredacted, the same amounts get a labelled absolute axis, and scaling moves its labels.
    @Test func theUnredactedAxisKeepsItsAmountLabels() throws {
        let a = try ExtremeRun.report(Self.files(times: 1), redact: false)
        let b = try ExtremeRun.report(Self.files(times: 1000), redact: false)
        let htmlA = try #require(Reporters.render("html", a, ReportStyle()))
        let htmlB = try #require(Reporters.render("html", b, ReportStyle()))
        #expect(htmlA.contains("class=\"tick\""))
        #expect(htmlA != htmlB)
    }
}
