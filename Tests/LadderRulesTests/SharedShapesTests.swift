import Foundation
import LadderDriver
import LadderModel
import LadderRules
import LadderYAML
import Testing

/// Issue 17's shapes of real ladders, beyond the per-rule fixtures: shared levels in the
/// metrics and the policy picture, groups outside the ladder, steps inside a band, and the
/// converged top and common trunk that docs/format.md shows how to write.
@Suite struct SharedShapesTests {
    /// A converged top (td-5, written `track: shared` without a declared track) above IC and
    /// management tracks that reach 4; a grade-5 management band beside it.
    static let ladder = """
        kind: ladder
        id: converged
        name: Technology
        tracks:
          - {id: eng, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: eng-4, track: eng, grade: 4, title: Principal Engineer}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}
          - {id: td-5, track: shared, grade: 5, title: Technology Director}
          - {id: em-5, track: em, grade: 5, title: VP of Engineering}

        """

    static let bands = """
        kind: compensation
        ladder: converged
        currency: USD
        bands:
          - {level: eng-4, base: {min: 150000, max: 190000}, steps: {learning: 150000, growing: 165000, expert: 190000}}
          - {level: em-4, base: {min: 150000, max: 190000}}
          - {level: td-5, base: {min: 200000, max: 250000}, steps: {one: 210000, two: 240000}}
          - {level: em-5, base: {min: 200000, max: 260000}}

        """

    static func lint(_ files: [String: String], configure: (inout LintOptions) -> Void = { _ in }) throws -> (LintResult, Report) {
        let result = try Fixture.lint(files: files, configure: configure)
        #expect(result.exitCode != 2, "\(result.stderr)")
        return (result, try #require(result.report))
    }

    /// The resolved model of YAML texts, as the run resolves it.
    static func model(_ files: [String: String]) throws -> ResolvedModel {
        let dir = try Fixture.temporaryFolder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let discovery = Discovery(workingDirectory: dir.path)
        let found = discovery.files([dir.path]).files
        let loader = FileLoader(limits: LoadLimits())
        let loaded = found.map { loader.load($0) }
        return Resolver().resolve(loaded.flatMap(\.documents), broken: loaded.flatMap(\.brokenIDs))
    }

    // MARK: - Shared levels in the metrics

    @Test("a shared level's band is on both sides of its grade, and the ratio is that of the rules")
    func sharedBandOnBothSides() throws {
        let (_, report) = try Self.lint(["l.yaml": Self.ladder, "c.yaml": Self.bands])
        let m = try #require(report.metrics.first)
        let g5 = try #require(m.pay.first { $0.grade == 5 })
        #expect(g5.icLevels == ["td-5"], "the shared band stands for the ICs at grade 5")
        #expect(g5.managementLevels == ["td-5", "em-5"], "in the order of the bands")
        #expect(g5.sharedLevels == ["td-5"])
        #expect(g5.icMax == 250000 && g5.managementMax == 260000)
        // 260,000 / 250,000: the management band above its shared peer, as pay-ceiling-parity says.
        #expect(g5.ratio == 1.04)
        #expect(g5.minRatio == 1.0)
        let ceiling = report.findings.filter { $0.rule == "pay-ceiling-parity" }
        #expect(ceiling.map(\.subjects) == [["em-5", "td-5"]])
        let g4 = try #require(m.pay.first { $0.grade == 4 })
        #expect(g4.sharedLevels.isEmpty && g4.ratio == 1.0)
    }

    @Test("a grade of shared levels alone reads as paid alike (ratio 1), never as a missing peer")
    func sharedOnlyGrade() throws {
        let bands = Self.bands.replacingOccurrences(of: "  - {level: em-5, base: {min: 200000, max: 260000}}\n", with: "")
        let (_, report) = try Self.lint(["l.yaml": Self.ladder.replacingOccurrences(of: "  - {id: em-5, track: em, grade: 5, title: VP of Engineering}\n", with: ""), "c.yaml": bands])
        let g5 = try #require(report.metrics.first?.pay.first { $0.grade == 5 })
        #expect(g5.icLevels == ["td-5"] && g5.managementLevels == ["td-5"])
        #expect(g5.ratio == 1.0 && g5.minRatio == 1.0 && g5.midRatio == 1.0)
        #expect(!report.findings.contains { $0.severity >= .warning }, "\(report.findings.map(\.message))")
    }

    @Test("top grades: the IC side reaches the shared levels; the management side has them only with a management track")
    func topGradesReachSharedLevels() throws {
        let (_, converged) = try Self.lint(["l.yaml": Self.ladder])
        #expect(converged.metrics.first?.topIC == 5 && converged.metrics.first?.topManagement == 5)
        let trunkOnly = """
            kind: ladder
            id: delivery
            name: Delivery
            tracks: [{id: em, name: Delivery management, kind: management}]
            levels:
              - {id: d-1, track: shared, grade: 1, title: Associate}
              - {id: d-2, track: shared, grade: 2, title: Consultant}
              - {id: dm-3, track: em, grade: 3, title: Delivery Manager}

            """
        let (_, trunk) = try Self.lint(["l.yaml": trunkOnly])
        #expect(trunk.metrics.first?.topIC == 2 && trunk.metrics.first?.topManagement == 3)
        #expect(trunk.findings.filter { $0.rule == "ic-track-ceiling" }.map(\.subjects) == [["dm-3", "d-2"]])
        let noManagement = """
            kind: ladder
            id: research
            name: Research
            tracks: [{id: re, name: Research, kind: individual-contributor}]
            levels:
              - {id: r-1, track: shared, grade: 1, title: Research Associate}
              - {id: re-2, track: re, grade: 2, title: Research Engineer}

            """
        let (_, ic) = try Self.lint(["l.yaml": noManagement])
        #expect(ic.metrics.first?.topIC == 2 && ic.metrics.first?.topManagement == nil, "a trunk alone is no management track")
    }

    // MARK: - Steps

    @Test("steps are in the metrics beside their level, lowest first, and not in the JSON metrics")
    func stepsInTheMetrics() throws {
        let (result, report) = try Self.lint(["l.yaml": Self.ladder, "c.yaml": Self.bands])
        let m = try #require(report.metrics.first)
        let g4 = try #require(m.pay.first { $0.grade == 4 })
        #expect(g4.icSteps == [[PayStep(name: "learning", amount: 150000), PayStep(name: "growing", amount: 165000), PayStep(name: "expert", amount: 190000)]])
        #expect(g4.managementSteps.isEmpty, "no band of the side has steps: no list")
        #expect(g4.hasSteps)
        let g5 = try #require(m.pay.first { $0.grade == 5 })
        // The shared td-5, then em-5 (no steps: nothing after the last level with steps), on the
        // management side; td-5 alone on the IC side.
        #expect(g5.managementSteps.map { $0.map(\.name) } == [["one", "two"]])
        #expect(g5.icSteps.map { $0.map(\.name) } == [["one", "two"]])
        #expect(!report.findings.contains { $0.rule == "band-shape" })
        // A level without steps before one with steps holds its place: em-5 first this time.
        let swapped = Self.bands.replacingOccurrences(of: "  - {level: em-5, base: {min: 200000, max: 260000}}\n", with: "")
            .replacingOccurrences(of: "  - {level: td-5,", with: "  - {level: em-5, base: {min: 200000, max: 260000}}\n  - {level: td-5,")
        let (_, reordered) = try Self.lint(["l.yaml": Self.ladder, "c.yaml": swapped])
        let r5 = try #require(reordered.metrics.first?.pay.first { $0.grade == 5 })
        #expect(r5.managementLevels == ["em-5", "td-5"])
        #expect(r5.managementSteps.map { $0.map(\.name) } == [[], ["one", "two"]])
        // The JSON metrics keep their schema: no step in them.
        #expect(!result.stdout.contains("learning") && !result.stdout.contains("\"steps\""))
    }

    @Test("band-shape: one finding per step, at its amount, with the amounts as evidence")
    func stepFindings() throws {
        let bands = Self.bands.replacingOccurrences(of: "steps: {learning: 150000, growing: 165000, expert: 190000}", with: "steps: {learning: 140000, growing: 165000, thriving: 160000, expert: 195000}")
        let (_, report) = try Self.lint(["l.yaml": Self.ladder, "c.yaml": bands])
        let shape = report.findings.filter { $0.rule == "band-shape" }.sorted { $0.location.column < $1.location.column }
        #expect(shape.count == 3, "\(shape.map(\.message))")
        #expect(shape.allSatisfy { $0.location.file == "c.yaml" && $0.location.line == 5 })
        #expect(shape.map(\.modelPath) == [
            "bands[level=eng-4,zone=default].steps.learning", "bands[level=eng-4,zone=default].steps.thriving",
            "bands[level=eng-4,zone=default].steps.expert",
        ])
        #expect(shape[0].message.contains("the step 'learning' at 140,000 USD, below base.min 150,000 USD"))
        #expect(shape[1].message.contains("the step 'thriving' at 160,000 USD, not above the step 'growing' before it at 165,000 USD"))
        #expect(shape[2].message.contains("above base.max 190,000 USD"))
        #expect(shape[1].evidence.contains { $0.key == "previous_step" && $0.value == .string("growing") })
        #expect(shape[0].evidence.contains { $0.key == "amount" && $0.value == .amount(140000) })
    }

    // MARK: - Groups outside the ladder and shared levels in audiences

    static let policy = """
        kind: policy
        ladder: converged
        decisions:
          - {area: architecture, kind: technical, owner: {tracks: [shared]}, consulted: {tracks: [em]}}
          - {area: interview design, kind: technical, owner: {group: people-team}}
          - {area: cloud provider, kind: technical, owner: [{tracks: [em]}, {groups: [finance, procurement]}]}
        forums:
          - {id: board, name: Technology board, purpose: decision, members: [{track_kinds: [management]}, {tracks: [shared]}]}
        transitions:
          - {from: em, to: shared, grade_change: -1}

        """

    @Test("the policy picture: shared levels on both sides, groups by name, written as in the YAML")
    func policyPicture() throws {
        let model = try Self.model(["l.yaml": Self.ladder, "p.yaml": Self.policy])
        let picture = try #require(PolicyPicture.compute(model).first)
        let architecture = try #require(picture.decisions.first { $0.area == "architecture" })
        #expect(architecture.owner.individualContributor == ["td-5"] && architecture.owner.management == ["td-5"])
        #expect(architecture.owner.shared == ["td-5"] && architecture.owner.groups.isEmpty && !architecture.owner.outsideOnly)
        let interviews = try #require(picture.decisions.first { $0.area == "interview design" })
        #expect(interviews.owner.isEmpty && interviews.owner.groups == ["people-team"] && interviews.owner.outsideOnly)
        #expect(interviews.owner.written == "group: people-team")
        let cloud = try #require(picture.decisions.first { $0.area == "cloud provider" })
        #expect(cloud.owner.management == ["em-4", "em-5"] && cloud.owner.individualContributor.isEmpty)
        #expect(cloud.owner.groups == ["finance", "procurement"] && !cloud.owner.outsideOnly)
        #expect(cloud.owner.written == "tracks: em or groups: finance, procurement")
        let board = try #require(picture.forums.first)
        #expect(board.members.individualContributor == ["td-5"] && board.members.management == ["em-4", "td-5", "em-5"])
        let move = try #require(picture.transitions.first)
        #expect(move.toKind == "shared" && move.toName == "Shared")
    }

    @Test("decisions and forums: a shared level is an IC, an outside group alone is not judged, a group beside managers is named")
    func audienceFindings() throws {
        let (_, report) = try Self.lint(["l.yaml": Self.ladder, "p.yaml": Self.policy])
        let decisions = report.findings.filter { $0.rule == "manager-owned-technical-decisions" }
        #expect(decisions.map(\.subjects) == [["cloud provider"]], "\(decisions.map(\.message))")
        let cloud = try #require(decisions.first)
        #expect(cloud.message.contains("owned by em-4 and em-5 plus the groups finance, procurement, no IC level"))
        #expect(cloud.evidence.contains { $0.key == "owner_groups" && $0.value == .strings(["finance", "procurement"]) })
        #expect(!report.findings.contains { $0.rule == "leadership-forum-excludes-ics" })
        #expect(!report.findings.contains { $0.rule == "return-to-ic-demotion" }, "a move to a shared track is not judged")
    }

    // MARK: - docs/format.md's converged top and common trunk

    /// The YAML blocks of docs/format.md that start with `# <title>`.
    static func docExample(_ title: String) throws -> String {
        let doc = try String(contentsOf: Repo.root.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        return try #require(blocks.first { $0.hasPrefix("# \(title)") }, "docs/format.md has no example starting # \(title)")
    }

    @Test("docs/format.md's converged top (the FT's Technology Director) lints clean and reaches the top on both sides")
    func convergedTopExample() throws {
        let (_, report) = try Self.lint(["ladder.yaml": try Self.docExample("A converged top")])
        #expect(!report.findings.contains { $0.severity >= .warning }, "\(report.findings.map(\.message))")
        #expect(report.metrics.first?.topIC == 6 && report.metrics.first?.topManagement == 6)
        // The same top written as a management level is an IC ceiling: what the docs warn against.
        let asManagement = try Self.docExample("A converged top").replacingOccurrences(of: "track: shared, grade: 6", with: "track: em, grade: 6")
        let (_, wrong) = try Self.lint(["ladder.yaml": asManagement])
        #expect(wrong.findings.contains { $0.rule == "ic-track-ceiling" })
    }

    @Test("docs/format.md's common trunk (Medium's Engineer I and II) lints clean")
    func commonTrunkExample() throws {
        let (_, report) = try Self.lint(["ladder.yaml": try Self.docExample("A common trunk")])
        #expect(!report.findings.contains { $0.severity >= .warning }, "\(report.findings.map(\.message))")
        #expect(report.metrics.first?.topIC == 4 && report.metrics.first?.topManagement == 4)
    }
}

/// `--redact` and the new shapes: a step's amount is money, and the names the report shows
/// beside it (step names, groups outside the ladder) are scrubbed like every other name.
@Suite struct SharedShapesRedactionTests {
    static let files = [
        "l.yaml": """
            kind: ladder
            id: r
            name: R
            tracks:
              - {id: ic, name: IC, kind: individual-contributor}
              - {id: em, name: EM, kind: management}
            levels:
              - {id: ic-4, track: ic, grade: 4, title: Staff}
              - {id: em-4, track: em, grade: 4, title: Manager}

            """,
        "c.yaml": """
            kind: compensation
            ladder: r
            currency: USD
            bands:
              - level: ic-4
                base: {min: 150000, max: 190000}
                steps: {learning: 150000, at-163000: 163000, expert: 197000}

            """,
        "p.yaml": """
            kind: policy
            ladder: r
            decisions:
              - {area: x, kind: technical, owner: [{tracks: [em]}, {group: comp-190000}]}

            """,
    ]

    /// `Redactor` reads the amounts under a band's `steps:` and scrubs step names
    /// (`PayMetric.icSteps`/`managementSteps`) and `PolicyPicture.Audience.groups`.
    @Test("--redact: a step's amount appears in no format, nor in a step or group name")
    func stepsAndGroupsAreRedacted() throws {
        for format in ["text", "json", "html"] {
            let dir = try Fixture.temporaryFolder(Self.files)
            defer { try? FileManager.default.removeItem(at: dir) }
            var o = LintOptions()
            o.paths = ["."]
            o.today = Day("2026-11-21")
            o.redact = true
            o.outputs = [OutputRequest(format: format, file: nil)]
            let result = LintRun(workingDirectory: dir.path).execute(o)
            #expect(result.exitCode == 1, "\(result.stderr)")
            #expect(result.stdout.contains("band-shape") || format == "html")
            for amount in ["197000", "197,000", "163000", "163,000", "190000", "190,000"] {
                #expect(!result.stdout.contains(amount), "\(format): \(amount) appears under --redact")
            }
        }
    }
}
