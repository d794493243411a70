/// Ladder files for the scenarios: a clean organisation, and small edits of it that each raise
/// one known finding. Lines matter: the expected outputs name them.
enum Fixtures {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        organization: Acme
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-4, track: ic, grade: 4, title: Senior Engineer, roles: [tech-lead]}
          - {id: ic-5, track: ic, grade: 5, title: Staff Engineer, roles: [tech-lead]}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}
          - {id: em-5, track: em, grade: 5, title: Senior Engineering Manager}

        """

    static let compensation = """
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-4, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: em-4, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: ic-5, base: {min: 180000, max: 240000}, bonus_target: 0.10}
          - {level: em-5, base: {min: 180000, max: 240000}, bonus_target: 0.10}

        """

    /// em-5 tops out 10,000 above ic-5: one `pay-ceiling-parity` error at line 8, column 57.
    static let compensationWithGap = compensation.replacingOccurrences(
        of: "{level: em-5, base: {min: 180000, max: 240000}",
        with: "{level: em-5, base: {min: 180000, mid: 210000, max: 250000}")

    static let policy = """
        kind: policy
        ladder: acme
        programs:
          - id: leading-together
            name: Leading Together
            kind: leadership-training
            eligible: [{roles: [tech-lead]}, {track_kinds: [management]}]
            cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor, tech-lead]}
        decisions:
          - {area: architecture, kind: technical, owner: {tracks: [ic]}, consulted: {tracks: [em]}}
        forums:
          - {id: eng-leads, name: Engineering leads, purpose: decision, members: {min_grade: 5}}
        transitions:
          - {from: ic, to: em, grade_change: 0, pay_change: 0}
          - {from: em, to: ic, grade_change: 0, pay_change: 0}
        ---
        kind: survey
        ladder: acme
        conducted: 2026-03-01
        anonymous: true
        questions:
          - {id: seat-at-the-table, audience: individual-contributor, respondents: 40, agree: 4}
          - {id: return-status-loss, audience: management, respondents: 10, agree: 1}

        """

    /// 12 of 40 engineers agree: one `survey-seat-at-the-table` warning at line 22, column 87.
    static let policyWithSurveyWarning = policy.replacingOccurrences(of: "respondents: 40, agree: 4}", with: "respondents: 40, agree: 12}")

    /// Only 4 managers answered: one `survey-small-group` info at line 23, column 65.
    static let policyWithSmallGroup = policy.replacingOccurrences(of: "respondents: 10, agree: 1}", with: "respondents: 4, agree: 1}")

    /// The clean organisation in `ladders/`, with `compensation` and `policy` replaceable.
    static func acme(compensation: String = compensation, policy: String = policy, under folder: String = "ladders") -> [String: FileContent] {
        [
            "\(folder)/acme/ladder.yaml": .text(ladder),
            "\(folder)/acme/compensation.yaml": .text(compensation),
            "\(folder)/acme/policy.yaml": .text(policy),
        ]
    }

    /// The run date every scenario uses, so that survey and waiver dates are stable.
    static let today = ["--today", "2026-11-21"]

    static let cleanSummary = "0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"
}
