import Foundation

/// The two organisations of the shared worked examples (../shared/examples), copied here so the
/// tests run wherever the repository is checked out: Acme says "management is not a promotion"
/// and its files say otherwise; Even Keel keeps parity by construction.
enum HTMLExamples {
    /// A folder holding Acme's three files.
    static let acme: String = write("acme", [
        ("ladder.yaml", """
            # Acme's handbook says: "management is a change of career, not a promotion".
            kind: ladder
            id: acme-eng
            name: Engineering
            organization: Acme
            effective: 2026-01-01
            tracks:
              - {id: swe, name: Software Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: swe-1, track: swe, grade: 1, title: Software Engineer I}
              - {id: swe-2, track: swe, grade: 2, title: Software Engineer II}
              - {id: swe-3, track: swe, grade: 3, title: Senior Software Engineer, roles: [tech-lead]}
              - id: swe-4
                track: swe
                grade: 4
                title: Staff Software Engineer
                roles: [tech-lead]
                promotion:
                  criteria:
                    - Sets the technical direction of a product area
                    - Has a year of people management behind them #! management-required-for-ic-promotion
              - {id: em-3, track: em, grade: 3, title: Engineering Manager}
              - {id: em-4, track: em, grade: 4, title: Senior Engineering Manager}
              - id: em-5
                track: em
                grade: 5 #! ic-track-ceiling
                title: Director of Engineering

            """),
        ("compensation.yaml", """
            kind: compensation
            ladder: acme-eng
            currency: USD
            bands:
              - {level: swe-1, base: {min: 100000, max: 130000}, bonus_target: 0.05}
              - {level: swe-2, base: {min: 120000, max: 156000}, bonus_target: 0.05}
              - {level: swe-3, base: {min: 150000, max: 195000}, bonus_target: 0.10}
              - {level: swe-4, base: {min: 180000, max: 234000}, bonus_target: 0.10}
              - level: em-3
                base:
                  min: 155000 #! pay-floor-parity
                  mid: 180000 #! pay-midpoint-parity
                  max: 205000 #! pay-ceiling-parity
                bonus_target: 0.15 #! variable-pay-parity
              - {level: em-4, base: {min: 180000, max: 234000}, bonus_target: 0.10}
              - {level: em-5, base: {min: 210000, max: 280000}, bonus_target: 0.15}
              - {level: swe-3, zone: eu, currency: EUR, base: {min: 90000, max: 117000}}
              - {level: em-3, zone: eu, currency: EUR, base: {min: 90000, mid: 108000, max: 117000}} #! pay-midpoint-parity

            """),
        ("policy.yaml", """
            kind: policy
            ladder: acme-eng
            programs:
              - id: lead-lab
                name: Leadership Lab
                kind: leadership-training
                eligible: #! manager-only-leadership-training tech-lead-excluded-from-leadership-training
                  track_kinds: [management]
                cohort: {size: 30, weeks: 6, confidential: true, mix: [management]}
            decisions:
              - area: system architecture
                kind: technical
                owner: {tracks: [em]} #! manager-owned-technical-decisions
                consulted: {tracks: [swe]}
              - area: team budget
                kind: budget
                owner: {tracks: [em]}
            forums:
              - id: eng-leads
                name: Engineering leadership
                purpose: decision
                members: {track_kinds: [management], min_grade: 4} #! leadership-forum-excludes-ics
            transitions:
              - {from: swe, to: em, grade_change: 0, pay_change: 0.08} #! management-entry-promotion
              - {from: em, to: swe, grade_change: -1, pay_change: 0} #! return-to-ic-demotion
            ---
            kind: survey
            ladder: acme-eng
            conducted: 2026-03-02
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 30, agree: 12} #! survey-seat-at-the-table
              - {id: return-status-loss, audience: management, respondents: 6, agree: 1}

            """),
    ])

    /// A folder holding Even Keel's one file.
    static let evenkeel: String = write("evenkeel", [
        ("evenkeel.yaml", """
            # Even Keel: one pay scale for both tracks, leadership training for everyone who
            # leads (tech leads and managers), and engineers own technical decisions.
            kind: ladder
            id: evenkeel
            name: Engineering
            organization: Even Keel
            tracks:
              - &ic {id: eng, name: Engineering, kind: individual-contributor}
              - {id: mgr, name: Engineering Management, kind: management}
            levels:
              - {id: e2, track: eng, grade: 2, title: Engineer}
              - {id: e3, track: eng, grade: 3, title: Senior Engineer, roles: [tech-lead]}
              - {id: e4, track: eng, grade: 4, title: Staff Engineer, roles: [tech-lead]}
              - {id: e5, track: eng, grade: 5, title: Principal Engineer}
              - {id: m3, track: mgr, grade: 3, title: Engineering Manager}
              - {id: m4, track: mgr, grade: 4, title: Senior Engineering Manager}
              - {id: m5, track: mgr, grade: 5, title: Director of Engineering}
            ---
            kind: compensation
            ladder: evenkeel
            currency: GBP
            bands:
              - {level: e2, base: {min: 60000, max: 78000}, bonus_target: 0}
              - {level: e3, base: &g3 {min: 75000, max: 97500}, bonus_target: 0}
              - {level: m3, base: *g3, bonus_target: 0}
              - {level: e4, base: &g4 {min: 92000, max: 120000}, bonus_target: 0}
              - {level: m4, base: *g4, bonus_target: 0}
              - {level: e5, base: &g5 {min: 112000, max: 146000}, bonus_target: 0}
              - {level: m5, base: {<<: *g5, mid: 129000}, bonus_target: 0}
            ---
            kind: policy
            ladder: evenkeel
            programs:
              - id: lead-share
                name: Leadership skill share
                kind: leadership-training
                eligible: [{roles: [tech-lead]}, {track_kinds: [management]}]
                cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor, tech-lead]}
            decisions:
              - {area: architecture, kind: technical, owner: {track_kinds: [individual-contributor]}, consulted: {tracks: [mgr]}}
              - {area: hiring plan, kind: people, owner: {tracks: [mgr]}}
            forums:
              - {id: staff, name: Staff planning, purpose: planning, members: {min_grade: 4}}
            transitions:
              - {from: eng, to: mgr, grade_change: 0, pay_change: 0}
              - {from: mgr, to: eng, grade_change: 0, pay_change: 0}
            ---
            kind: survey
            ladder: evenkeel
            conducted: 2026-09-15
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 24, agree: 3}
              - {id: return-status-loss, audience: management, respondents: 5, agree: 1}

            """),
    ])

    static func write(_ name: String, _ files: [(String, String)]) -> String {
        let dir = NSTemporaryDirectory() + "ladderlint-html-examples-\(getpid())/\(name)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (file, text) in files {
            try? text.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
