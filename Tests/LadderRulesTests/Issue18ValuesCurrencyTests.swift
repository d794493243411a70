import Foundation
import LadderDriver
import LadderYAML
import LadderModel
import LadderRules
import LadderTables
import Testing

/// Issue 18.6: a band may give its equity in another currency than its base (a UK band paid in
/// GBP with equity in USD): `equity: {currency: USD, min: …, max: …}`. Equity is compared with
/// equity of the same currency only, and shown in its own currency.
@Suite struct Issue18ValuesCurrencyTests {
    static let ladder = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager}

        """

    static func lint(_ bands: String) throws -> [Finding] {
        let comp = "kind: compensation\nladder: acme\ncurrency: GBP\nbands:\n" + bands
        let result = try Fixture.lint(files: ["ladder.yaml": Self.ladder, "comp.yaml": comp])
        return try #require(result.report, "\(result.stderr)").findings.filter { $0.severity >= .warning }
    }

    @Test("a UK band in GBP with equity in USD decodes, and its equity range is judged in USD")
    func equityInAnotherCurrency() throws {
        let fine = try Self.lint("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 40000}}
              - {level: em-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 40000}}

            """)
        #expect(fine.map(\.message) == [])
        let reversed = try Self.lint("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 60000, max: 40000}}

            """)
        #expect(reversed.map(\.message) == ["the band of ic-5 (Senior Engineer) in zone uk has an equity.min of 60,000 USD, above its equity.max of 40,000 USD: order them min <= mid <= max"])
    }

    @Test("equity is compared with the IC peer's in the same currency, and shown in it")
    func comparedInItsOwnCurrency() throws {
        let found = try Self.lint("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 40000}}
              - {level: em-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 50000}}

            """)
        #expect(found.map(\.rule) == ["variable-pay-parity"])
        #expect(found.first?.message.contains("an equity ceiling of 50,000 USD, above its IC peer ic-5 (Senior Engineer) at 40,000 USD") == true, "\(found.map(\.message))")
    }

    @Test("equity in another currency than its IC peer's is not compared")
    func otherCurrencyIsNotCompared() throws {
        let found = try Self.lint("""
              - {level: ic-5, zone: uk, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 40000}}
              - {level: em-5, zone: uk, base: {min: 90000, max: 120000}, equity: {min: 0, max: 50000}}

            """)
        #expect(found.map(\.message) == [])
    }

    @Test("the model: a range's own currency, else the band's")
    func model() throws {
        let decoded = DocumentDecoder().decodeFile(Array("""
            kind: compensation
            ladder: acme
            currency: GBP
            bands:
              - {level: ic-5, base: {min: 90000, max: 120000}, equity: {currency: USD, min: 0, max: 40000}}
              - {level: em-5, base: {min: 90000, max: 120000}, equity: {min: 0, max: 40000}}
            """.utf8), file: "comp.yaml", limits: LoadLimits())
        #expect(decoded.findings.isEmpty, "\(decoded.findings.map(\.message))")
        guard case .compensation(let c)? = decoded.documents.first else {
            Issue.record("no compensation document")
            return
        }
        #expect(c.bands.map(\.equityCurrency) == ["USD", "GBP"])
        #expect(c.bands.map(\.currency) == ["GBP", "GBP"])
        #expect(c.bands[0].equity?.currency?.span.start.column == 71)
    }

    @Test("a bands spreadsheet gives the equity's currency in a column of its own")
    func spreadsheetColumn() throws {
        let csv = """
            Job Level,Location,Currency,Range Min,Range Max,Equity Min,Equity Max,Equity Currency
            ic-5,uk,GBP,90000,120000,0,40000,USD
            em-5,uk,GBP,90000,120000,0,50000,GBP
            em-5,us,USD,150000,190000,0,50000,USD
            ic-5,us,USD,150000,190000,0,50000,usd

            """
        var mapping = BandsMapping(ladder: "acme")
        mapping.columns = [:]
        let result = BandsTable(mapping: mapping).decode(Array(csv.utf8), file: "bands.csv")
        #expect(result.decoded.findings.map(\.message) == [
            "equity.currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"usd\" in column \"Equity Currency\": did you mean 'USD'?"
        ])
        guard case .compensation(let c)? = result.decoded.documents.first else {
            Issue.record("no compensation document")
            return
        }
        #expect(c.bands.map(\.equityCurrency) == ["USD", "GBP", "USD"])
        #expect(c.bands[0].equity?.currency?.span.start == LadderYAML.Mark(line: 2, column: 34))
    }
}
