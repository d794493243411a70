import LadderModel

/// The texts `ladderlint init` writes: a small ladder that keeps management a different job,
/// not a step up, in every file a rule reads. Each lints clean (a test runs them), and each
/// comment says what a key means and where docs/format.md says more.
enum StarterFiles {
    static let modeline = "# yaml-language-server: $schema=../.ladderlint/ladder.schema.json"

    static let configuration = """
        # ladderlint's settings for this repository (ladderlint's README, "Configuration").
        version: 1          # the settings format; a newer one is an error, not a guess
        paths: [ladders/]   # what `ladderlint lint` reads when given no files
        fail_on: error      # the lowest severity that fails the run: error, warning, info, never
        # Change a rule's severity, turn a rule off, or tune its parameters:
        # severity: {band-spread: warning}
        # disable: [survey-missing]
        # params:
        #   pay-midpoint-parity: {tolerance: 0.05}
        # Accept one finding for a while, with a reason (it returns when the date passes):
        # waivers:
        #   - rule: pay-ceiling-parity
        #     subject: em-6
        #     reason: "Approved by the compensation committee"
        #     expires: 2027-03-31
        # Read pay bands straight from your comp tool's CSV export instead of
        # ladders/compensation.yaml (delete that file then); findings point at the cell
        # (docs/import.md, "Bands from a spreadsheet export"):
        # sources:
        #   - path: comp/bands.csv
        #     kind: compensation
        #     ladder: engineering
        #     equity_years: 4      # equity columns hold a 4-year grant

        """

    static let ladder = """
        \(modeline)
        # The career ladder: tracks and their levels (docs/format.md, "kind: ladder").
        # Levels of different tracks with the same grade are peers: the rules compare their
        # pay, training and say. Keep the IC track as high as the management track.
        kind: ladder
        id: engineering               # other files say  ladder: engineering
        name: Engineering
        organization: Your Company    # optional
        tracks:                       # kind: individual-contributor or management
          - {id: ic, name: Software Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:                       # id, track, grade (a whole number), title; roles and promotion are optional
          - {id: ic-1, track: ic, grade: 1, title: Software Engineer I}
          - {id: ic-2, track: ic, grade: 2, title: Software Engineer II}
          - id: ic-3
            track: ic
            grade: 3
            title: Senior Software Engineer
            roles: [tech-lead]        # role tags a person at this level may hold
            promotion:                # what it takes to reach this level, in plain words
              criteria:
                - Leads a project of several engineers from design to launch
          - id: ic-4
            track: ic
            grade: 4
            title: Staff Engineer
            roles: [tech-lead]
            promotion:
              criteria:
                - Sets the technical direction of a product area across teams
          - {id: ic-5, track: ic, grade: 5, title: Senior Staff Engineer}
          - {id: ic-6, track: ic, grade: 6, title: Principal Engineer}
          # Management starts at grade 3, beside Senior Software Engineer: a sideways move.
          - {id: em-3, track: em, grade: 3, title: Engineering Manager}
          - {id: em-4, track: em, grade: 4, title: Senior Engineering Manager}
          - {id: em-5, track: em, grade: 5, title: Director of Engineering}
          - {id: em-6, track: em, grade: 6, title: VP of Engineering}

        """

    /// One zone's bands: the same numbers for both tracks at a grade (parity).
    static let bandsByGrade: [(grade: Int, min: Int, max: Int)] = [
        (1, 90_000, 120_000), (2, 110_000, 145_000), (3, 135_000, 180_000),
        (4, 165_000, 220_000), (5, 195_000, 260_000), (6, 230_000, 310_000),
    ]

    static var compensation: String {
        var out = """
            \(modeline)
            # Pay bands (docs/format.md, "kind: compensation"): one per level and zone. The numbers are
            # examples: replace them with yours, or write this file from a spreadsheet with
            # `ladderlint import bands`. Peers (the same grade on both tracks) have the same band,
            # bonus target and equity range: management paid as a promotion is what the pay rules find.
            kind: compensation
            ladder: engineering
            currency: USD        # ISO 4217, for every band that does not give its own
            period: annual       # or monthly; bands are only compared within one period
            bands:               # level, zone (default: default), base {min, mid, max}, bonus_target, equity

            """
        for (grade, min, max) in bandsByGrade {
            let bonus = grade >= 4 ? "0.15" : "0.10"
            let equity = grade >= 4 ? ", equity: {min: \(min / 5), max: \(max / 5)}" : ""
            for track in grade >= 3 ? ["ic", "em"] : ["ic"] {
                out += "  - {level: \(track)-\(grade), zone: us, base: {min: \(min), max: \(max)}, bonus_target: \(bonus)\(equity)}\n"
            }
        }
        return out
    }

    static let policy = """
        \(modeline)
        # People policies (docs/format.md, "kind: policy"); every list is optional. Who a
        # program, decision or forum is for is an audience: everyone, or tracks, track_kinds,
        # roles and min_grade/max_grade, or a list of those (docs/format.md, "Audiences").
        kind: policy
        ladder: engineering
        programs:
          - id: leadership-circle
            name: Leadership Circle
            kind: leadership-training          # or mentoring, new-manager, new-tech-lead, other
            eligible:                          # tech leads, senior ICs and managers
              - {roles: [tech-lead]}
              - {track_kinds: [individual-contributor], min_grade: 4}
              - {track_kinds: [management]}
            cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor, tech-lead]}
        decisions:
          - area: system architecture
            kind: technical                    # or people, budget, product, other
            owner: {track_kinds: [individual-contributor], min_grade: 4}
            consulted: {track_kinds: [management]}
          - {area: hiring and team structure, kind: people, owner: {track_kinds: [management]}}
        forums:
          - id: eng-planning
            name: Engineering planning
            purpose: planning                  # or decision, information
            members: [{track_kinds: [management], min_grade: 4}, {track_kinds: [individual-contributor], min_grade: 4}]
        transitions:                           # moving between tracks keeps grade and pay, both ways
          - {from: ic, to: em, grade_change: 0, pay_change: 0}
          - {from: em, to: ic, grade_change: 0, pay_change: 0}

        """

    static func survey(conducted: Day) -> String {
        """
        \(modeline)
        # The anonymous yearly parity survey (docs/format.md, "kind: survey"): counts only, never a
        # person. The counts below are a template: replace them with your survey's. A question with
        # fewer than 5 respondents is withheld from every output; keep groups of at least 5.
        kind: survey
        ladder: engineering
        conducted: \(conducted)    # the date the survey closed; survey-missing asks for one within 400 days
        anonymous: true
        questions:
          - id: seat-at-the-table          # engineers: do you need to manage to have a seat at the table?
            audience: individual-contributor
            respondents: 20
            agree: 2
          - id: return-status-loss         # managers: would going back to engineering cost you status?
            audience: management
            respondents: 5
            agree: 1

        """
    }
}
