import Foundation
import LadderRules

extension SurveyImport {
    /// `--scale`: the points of a numeric scale (`1-5`), or a scale's own answers, lowest
    /// first (`Never,Rarely,Sometimes,Often,Always`).
    public enum Scale: Sendable, Equatable {
        case numeric(ClosedRange<Int>)
        case labels([String])

        public static func parse(_ text: String) throws -> Scale {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.contains(",") {
                let labels = t.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard labels.count >= 2, Set(labels.map(normalize)).count == labels.count else {
                    throw UsageError("--scale '\(text)': expected at least two different answers, lowest first, e.g. --scale \"Never,Rarely,Sometimes,Often,Always\"")
                }
                return .labels(labels)
            }
            let parts = t.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), lo >= 0, lo < hi, hi - lo <= 100 {
                return .numeric(lo...hi)
            }
            throw UsageError("--scale '\(text)': expected the lowest and highest point of a numeric scale, e.g. --scale 1-5, or a scale's answers lowest first, e.g. --scale \"Never,Rarely,Sometimes,Often,Always\"")
        }
    }

    /// Which answers a question column may hold and which of them agree: the agree scale in
    /// words (and Yes/No) always, plus `--scale`; by default the points above the middle of
    /// the scale agree (4 and 5 of 1-5, 5 to 7 of 1-7), unless `--agree` lists them.
    struct AnswerScale: Sendable {
        enum Reading: Equatable {
            /// Not answered: an empty cell, or a non-answer (N/A, Prefer not to say).
            case blank
            case counted(agree: Bool)
            case offScale
            /// A number, and no numeric `--scale`.
            case number
        }

        var range: ClosedRange<Int>?
        var agreeNumbers: Set<Int> = []
        var accepted: Set<String> = []
        var agreeTexts: Set<String> = []
        var acceptedShown: [String] = []
        var agreeShown: [String] = []

        static let agreeWords = ["Strongly agree", "Agree", "Somewhat agree", "Slightly agree", "Mostly agree", "Yes"]
        static let otherWords = [
            "Neutral", "Neither agree nor disagree", "Neither agree or disagree", "Somewhat disagree", "Slightly disagree",
            "Mostly disagree", "Disagree", "Strongly disagree", "No",
        ]
        static let nonAnswers: Set<String> = [
            "n/a", "na", "not applicable", "prefer not to say", "prefer not to answer", "don't know", "do not know", "i don't know",
        ]

        init(scale: Scale?, agree: [String]?) throws {
            var defaultAgree = Self.agreeWords
            switch scale {
            case .numeric(let r)?:
                range = r
                agreeNumbers = Set(r.filter { 2 * $0 > r.lowerBound + r.upperBound })
                acceptedShown.append("\(r.lowerBound) to \(r.upperBound)")
            case .labels(let labels)?:
                for l in labels { accepted.insert(normalize(l)) }
                let upper = labels.enumerated().filter { 2 * $0.offset > labels.count - 1 }.map(\.element)
                defaultAgree = upper + defaultAgree
                acceptedShown += labels
            case nil:
                break
            }
            for w in Self.agreeWords + Self.otherWords { accepted.insert(normalize(w)) }
            acceptedShown.append("the agree scale in words (Strongly agree to Strongly disagree, with Somewhat, Slightly, Mostly, Neutral and Neither agree nor disagree), Yes, No")
            if let agree {
                guard !agree.isEmpty else { throw UsageError("--agree: expected the answers that count as agreeing, separated by commas, e.g. --agree \"Agree,Strongly agree\"") }
                agreeNumbers = []
                agreeTexts = []
                for a in agree {
                    if let v = Int(a.trimmingCharacters(in: .whitespaces)) {
                        guard let r = range, r.contains(v) else {
                            throw UsageError("--agree '\(a)': a number that agrees must be a point of a numeric --scale (e.g. --scale 1-5)")
                        }
                        agreeNumbers.insert(v)
                    } else {
                        agreeTexts.insert(normalize(a))
                        accepted.insert(normalize(a))
                    }
                }
                agreeShown = agree
            } else {
                for w in defaultAgree { agreeTexts.insert(normalize(w)) }
                agreeShown = agreeNumbers.sorted().map(String.init) + defaultAgree
            }
        }

        func read(_ text: String) -> Reading {
            let n = normalize(text)
            if n.isEmpty || Self.nonAnswers.contains(n) { return .blank }
            if !n.isEmpty, n.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                guard let r = range else { return .number }
                guard let v = Int(n), r.contains(v) else { return .offScale }
                return .counted(agree: agreeNumbers.contains(v))
            }
            guard accepted.contains(n) else { return .offScale }
            return .counted(agree: agreeTexts.contains(n))
        }
    }
}
