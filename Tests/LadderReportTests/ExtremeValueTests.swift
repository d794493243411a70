import Foundation
@testable import LadderReport
import LadderModel
import LadderRules
import Testing

/// Every numeric path is total: extreme numbers in every numeric slot of the input and of the
/// settings go through every check and every output format, with and without `--redact`,
/// and come out as text, never a trap, a hang or an "inf" coordinate.
@Suite struct ExtremeValueTests {
    /// Whole-number cases paired with a real and its peer: each real meets each whole number
    /// once, and every real is compared both with a normal amount and with another extreme.
    static var cases: [(whole: String, real: String, peer: String)] {
        let reals = ExtremeNumbers.reals, ints = ExtremeNumbers.ints
        return reals.indices.flatMap { i in
            [
                (ints[i % ints.count], reals[i], "150000"),
                (ints[(i + 3) % ints.count], reals[i], reals[(i + 5) % reals.count]),
            ]
        }
    }

    @Test("extreme numbers in the input: every check, every format, redacted or not", arguments: 0..<cases.count)
    func extremeInputIsRenderedInEveryFormat(_ index: Int) throws {
        let c = Self.cases[index]
        let files = ExtremeNumbers.files(whole: c.whole, real: c.real, peer: c.peer)
        for redact in [false, true] {
            let report = try ExtremeRun.report(files, redact: redact)
            #expect(report.redacted == redact)
            #expect(report.summary.ladders == 1 && report.summary.documents == 4, "\(c): \(report.findings.map(\.message))")
            try Self.expectSound(ExtremeRun.renderAll(report), report: report, context: "\(c) redact=\(redact)")
        }
        // The same numbers in every slot, negative grades and counts too: refused with findings.
        let raw = try ExtremeRun.report(ExtremeNumbers.files(whole: c.whole, real: c.real, peer: c.peer, raw: true), redact: false)
        if c.whole.hasPrefix("-") {
            #expect(raw.findings.contains { $0.rule == "invalid-document" && $0.message.contains(c.whole) }, "\(raw.findings.map(\.message))")
        }
        try Self.expectSound(ExtremeRun.renderAll(raw), report: raw, context: "raw \(c)")
    }

    /// grade_change: -9223372036854775808 crashed every format through abs(Int.min).
    @Test func theSmallestGradeChangeIsReported() throws {
        let files = ExtremeNumbers.files(whole: "-9223372036854775808", real: "-0.1", peer: "150000")
        let report = try ExtremeRun.report(files, redact: false)
        let demotion = report.findings.filter { $0.rule == "return-to-ic-demotion" }
        #expect(demotion.contains { $0.message.contains("loses 9223372036854775808 grades") }, "\(demotion.map(\.message))")
        let outputs = ExtremeRun.renderAll(report)
        #expect(outputs["html"]?.contains("9223372036854775808 grades") == true)
    }

    /// Settings at their extremes: accepted ones run every check; refused ones are a usage
    /// error naming the parameter, never a crash.
    @Test("extreme numbers in the settings", arguments: 0..<ExtremeNumbers.ints.count)
    func extremeSettings(_ index: Int) throws {
        let whole = ExtremeNumbers.ints[index], real = ExtremeNumbers.reals[index * 2 % ExtremeNumbers.reals.count]
        var files = ExtremeNumbers.files(whole: "5", real: "150000", peer: "180000")
        files[".ladderlint.yml"] = ExtremeNumbers.settings(whole: whole, real: real)
        let result = try ExtremeRun.run(files, redact: false)
        if let report = result.report {
            try Self.expectSound(ExtremeRun.renderAll(report), report: report, context: "settings \(whole) \(real)")
        } else {
            #expect(result.exitCode == 2, "\(result.stderr)")
            #expect(result.stderr.contains("parameter"), "\(result.stderr)")
        }
    }

    /// The number helpers themselves, over every extreme Double and Int.
    @Test func numberHelpersAreTotal() {
        let doubles: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 0.005, 0.004999,
            999_999_999_999_999, 1e15, 9007199254740991, 9007199254740992, 9007199254740994, 9.223372036854775807e18, -9.223372036854775808e18,
            1e21, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        for d in doubles {
            for text in [Format.grouped(d), Format.plain(d), Format.percent(d), HTMLText.ratio(d), HTMLText.signedPercent(d), HTMLText.n(d)] {
                #expect(!text.isEmpty)
                #expect(!text.contains("inf") && !text.contains("nan"), "\(d) -> \(text)")
            }
            #expect(Format.round(d, 4).isFinite, "round(\(d)) overflowed")
        }
        #expect(Format.percent(.greatestFiniteMagnitude) == "1.7976931348623157e+310%")
        #expect(Format.percent(1e300) == "1e+302%")
        #expect(Format.grouped(.leastNonzeroMagnitude) != "0", "a tiny amount must not read as zero")
        #expect(HTMLText.ratio(1e21) == "1e+21")
        #expect(HTMLText.ratio(1.5) == "1.5000")
        for g in [Int.min, Int.min + 1, -1, 0, 1, Int.max] {
            #expect(!HTMLText.gradeChange(g).isEmpty)
            #expect(Format.grades(g).hasPrefix(String(g.magnitude)))
        }
        #expect(HTMLText.gradeChange(Int.min) == "−9223372036854775808 grades")
        #expect(Format.grades(-1) == "1 grade")
    }

    /// Amounts near 1e16 differ by one ulp: nice steps would be lost in precision (the tick
    /// loop never advanced). The chart falls back to the relative axis with a handful of lines.
    @Test func theChartScaleIsBoundedForAnyAmounts() {
        let sets: [[Double]] = [
            [1e16, 1.0000000000000002e16], [1e16, 1e16], [.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude],
            [-.greatestFiniteMagnitude, .greatestFiniteMagnitude], [0, 1e21], [], [0], [-5, -5], [150_000, 280_000],
        ]
        for values in sets {
            for relative in [false, true] {
                let scale = HTMLScale(values, y0: 30, y1: 280, relative: relative)
                #expect(!scale.ticks.isEmpty && scale.ticks.count <= HTMLScale.maxTicks, "\(values): \(scale.ticks.count) ticks")
                for v in values + [values.first.map { $0 * 0.5 } ?? 0] {
                    let y = scale.y(v)
                    #expect(y.isFinite && y >= 0 && y <= 300, "\(values): y(\(v)) = \(y)")
                }
                #expect(scale.ticks.allSatisfy { $0.position.isFinite && $0.position >= 0 && $0.position <= 1 })
            }
        }
    }

    // MARK: - What every output must be

    static func expectSound(_ outputs: [String: String], report: Report, context: String) throws {
        #expect(Set(outputs.keys) == Set(Reporters.formats))
        for (format, text) in outputs {
            #expect(!text.isEmpty, "\(format) is empty for \(context)")
            #expect(!text.contains("Optional("), "\(format) for \(context)")
            // A number past Double's range written as "inf" or "nan" is no answer to a reader.
            #expect(Self.words(text).isDisjoint(with: ["inf", "-inf", "nan", "infinity"]), "\(format) shows inf or nan for \(context)")
            if ["json", "sarif", "gitlab"].contains(format) {
                #expect(throws: Never.self, "\(format) is not JSON for \(context)") {
                    _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
                }
            }
        }
        if let html = outputs["html"] {
            // Every coordinate is a finite number inside the chart's box.
            let coordinate = try Regex(#" (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)""#)
            for match in html.matches(of: coordinate) {
                let raw = String(match.output[1].substring ?? "")
                let v = Double(raw)
                #expect(v != nil && v!.isFinite && abs(v!) <= 2000, "coordinate \(raw) for \(context)")
            }
            #expect(report.metrics.allSatisfy { $0.pay.isEmpty } || html.contains("<svg class=\"bands\""))
        }
    }

    /// Lowercased runs of letters, digits, '+', '-' and '.', as a reader would see words.
    static func words(_ text: String) -> Set<String> {
        var out = Set<String>(), word = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "+" || c == "." {
                word.append(c)
            } else if !word.isEmpty {
                out.insert(word)
                word = ""
            }
        }
        if !word.isEmpty { out.insert(word) }
        return out
    }
}
