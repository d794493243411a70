import LadderModel
import LadderYAML
import Testing

/// Issue 20: a compensation document's `headcount:`, the people in each level's band (by level,
/// or by level and zone), which the HTML report turns into the cost of closing a pay gap.
/// Mistakes are findings with file, line, column, what was expected and what was found.
@Suite struct HeadcountTests {
    static func compensation(_ headcount: String) -> String {
        """
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-4, zone: us, base: {min: 100000, max: 130000}}
          - {level: ic-4, zone: uk, base: {min: 80000, max: 100000}}
          - {level: em-4, zone: us, base: {min: 100000, max: 140000}}
        \(headcount)
        """
    }

    static func decode(_ text: String) -> (bands: [Band], problems: [Finding]) {
        let file = DocumentDecoder().decodeFile(Array(text.utf8), file: "pay.yaml", limits: LoadLimits())
        let bands = file.documents.flatMap { doc -> [Band] in
            if case .compensation(let c) = doc { return c.bands }
            return []
        }
        return (bands, file.findings)
    }

    @Test func headcountByLevelAndByZoneReachesEachBand() throws {
        let r = Self.decode(Self.compensation("""
            headcount:
              ic-4: {us: 12, uk: 5}
              em-4: 3

            """))
        #expect(r.problems.isEmpty, "\(r.problems.map(\.message))")
        #expect(r.bands.map(\.headcount) == [12, 5, 3])
    }

    @Test func withoutHeadcountABandHasNone() throws {
        let r = Self.decode(Self.compensation(""))
        #expect(r.problems.isEmpty)
        #expect(r.bands.map(\.headcount) == [nil, nil, nil])
    }

    @Test func mistakesNameTheirPlaceAndTheFix() throws {
        let r = Self.decode(Self.compensation("""
            headcount:
              ic-5: 4
              em-4: many
              ic-4: {us: -2}

            """))
        let seen = r.problems.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(seen.contains("9:3 headcount.ic-5: expected the id of a level with a band in this document, found \"ic-5\": did you mean 'ic-4'?"), "\(seen)")
        #expect(seen.contains("10:9 headcount.em-4: expected a whole number of people >= 0, found the string \"many\""), "\(seen)")
        #expect(seen.contains("11:14 headcount.ic-4.us: expected a whole number of people >= 0, found the number -2"), "\(seen)")
        // The bands stay: a wrong headcount costs only the cost view.
        #expect(r.bands.count == 3)
        #expect(r.problems.allSatisfy { $0.location.file == "pay.yaml" })
    }

    @Test func aWrongHeadcountLeavesTheBandsWholeForTheRules() throws {
        let file = DocumentDecoder().decodeFile(Array(Self.compensation("headcount: {ic-4: lots}\n").utf8), file: "pay.yaml", limits: LoadLimits())
        #expect(file.findings.count == 1)
        #expect(!file.brokenIDs.contains { $0.scope == .incomplete }, "a headcount typo must not stand the pay rules down")
    }

    @Test func headcountThatIsNotAMappingSaysWhatToWrite() throws {
        let r = Self.decode(Self.compensation("headcount: 14\n"))
        let seen = r.problems.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(seen.contains("8:12 headcount: expected a mapping of level id to the number of people in its band, such as {swe-4: 14, em-4: {us: 3, uk: 1}}, found the number 14"), "\(seen)")
        #expect(r.bands.count == 3)
    }
}
