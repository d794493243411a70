import LadderModel
import Testing

/// Issue 18.13: values typed as in a spreadsheet (`168,000` in a flow mapping, `$216,000`,
/// `187k`, `10%`) stay errors in YAML, the canonical format, but each message says what was
/// found and the form to write ("write 168000"), at the value's file:line:column.
@Suite struct Issue18ValuesTypedTests {
    static func bands(_ lines: String) -> [Seen] {
        DecodeHarness.withLadder("comp.yaml", "kind: compensation\nladder: acme\ncurrency: USD\nbands:\n" + lines).seen
    }

    @Test("168,000 in a flow mapping: one finding per amount, no unknown key '000', no duplicate key")
    func thousandsInAFlowMapping() {
        #expect(Self.bands("  - {level: ic-5, base: {min: 168,000, max: 216,000}}\n") == [
            Seen("comp.yaml", 5, 31, "invalid-document",
                 "bands[0].base.min: expected an amount, found 168,000, which a flow mapping splits at the comma into 168 and a key '000': write 168000, without separators"),
            Seen("comp.yaml", 5, 45, "invalid-document",
                 "bands[0].base.max: expected an amount, found 216,000, which a flow mapping splits at the comma into 216 and a key '000': write 216000, without separators"),
        ])
    }

    @Test("millions split twice, and a comma followed by a space")
    func millionsAndSpaces() {
        #expect(Self.bands("  - {level: ic-5, base: {min: 1,250,000, max: 1, 500,000}}\n") == [
            Seen("comp.yaml", 5, 31, "invalid-document",
                 "bands[0].base.min: expected an amount, found 1,250,000, which a flow mapping splits at the commas into 1 and the keys '250', '000': write 1250000, without separators"),
            Seen("comp.yaml", 5, 47, "invalid-document",
                 "bands[0].base.max: expected an amount, found 1, 500,000, which a flow mapping splits at the commas into 1 and the keys '500', '000': write 1500000, without separators"),
        ])
    }

    @Test("$216,000 in a flow mapping and in a block mapping")
    func currencySignAndSeparators() {
        #expect(Self.bands("""
              - {level: ic-5, base: {min: 168000, max: $216,000}}
              - level: em-5
                base:
                  min: $168,000
                  max: 216,000 USD

            """) == [
            Seen("comp.yaml", 5, 44, "invalid-document",
                 "bands[0].base.max: expected an amount, found $216,000, which a flow mapping splits at the comma into $216 and a key '000': write 216000, without the currency sign and separators"),
            Seen("comp.yaml", 8, 12, "invalid-document",
                 "bands[1].base.min: expected an amount, found the string \"$168,000\": write 168000, without the currency sign and separators"),
            Seen("comp.yaml", 9, 12, "invalid-document",
                 "bands[1].base.max: expected an amount, found the string \"216,000 USD\": write 216000, without the currency code and separators"),
        ])
    }

    @Test("187k and 1.2M")
    func suffixes() {
        #expect(Self.bands("  - {level: ic-5, base: {min: 187k, max: 1.2M}, equity: {min: 0, max: \"€25k\"}}\n") == [
            Seen("comp.yaml", 5, 31, "invalid-document", "bands[0].base.min: expected an amount, found the string \"187k\": write 187000, without the k"),
            Seen("comp.yaml", 5, 42, "invalid-document", "bands[0].base.max: expected an amount, found the string \"1.2M\": write 1200000, without the M"),
            Seen("comp.yaml", 5, 71, "invalid-document", "bands[0].equity.max: expected an amount, found the string \"€25k\": write 25000, without the currency sign and the k"),
        ])
    }

    @Test("10% for a bonus target: write the fraction")
    func percentForAFraction() {
        #expect(Self.bands("  - {level: ic-5, base: {min: 150000, max: 200000}, bonus_target: 10%}\n") == [
            Seen("comp.yaml", 5, 67, "invalid-document",
                 "bands[0].bonus_target: expected a fraction of base such as 0.10, found the string \"10%\": write 0.1 (10% is 0.1)"),
        ])
        let policy = DecodeHarness.withLadder("policy.yaml", """
            kind: policy
            ladder: acme
            transitions:
              - {from: ic, to: em, pay_change: -5 %}
            """)
        #expect(policy.seen == [
            Seen("policy.yaml", 4, 36, "invalid-document",
                 "transitions[0].pay_change: expected a fraction of base such as -0.05, found the string \"-5 %\": write -0.05 (-5 % is -0.05)"),
        ])
    }

    @Test("steps written with thousands separators in a flow mapping")
    func stepsInAFlowMapping() {
        #expect(Self.bands("  - {level: ic-5, base: {min: 150000, max: 190000}, steps: {learning: 150,000, expert: 190,000}}\n") == [
            Seen("comp.yaml", 5, 71, "invalid-document",
                 "bands[0].steps.learning: expected an amount, found 150,000, which a flow mapping splits at the comma into 150 and a key '000': write 150000, without separators"),
            Seen("comp.yaml", 5, 88, "invalid-document",
                 "bands[0].steps.expert: expected an amount, found 190,000, which a flow mapping splits at the comma into 190 and a key '000': write 190000, without separators"),
        ])
    }

    @Test("separators in a block value, and a decimal comma")
    func blockSeparatorsAndDecimalComma() {
        #expect(Self.bands("""
              - level: ic-5
                base:
                  min: 150_000
                  max: 200000
                bonus_target: 0,1

            """) == [
            Seen("comp.yaml", 7, 12, "invalid-document", "bands[0].base.min: expected an amount, found the string \"150_000\": write 150000, without separators"),
            Seen("comp.yaml", 9, 19, "invalid-document", "bands[0].bonus_target: expected a fraction of base such as 0.10, found the string \"0,1\": write 0.1, with a decimal point"),
        ])
    }

    @Test("a pay formula's benchmark per family with thousands separators, and a factor of 120%")
    func formulaValues() {
        let found = DecodeHarness.withLadder("formula.yaml", """
            kind: pay-formula
            ladder: acme
            currency: USD
            benchmark: {engineering: 285,000, design: 240,000}
            level_factors: {ic-5: 1.0, em-5: 120%}
            """)
        #expect(found.seen == [
            Seen("formula.yaml", 4, 26, "invalid-document",
                 "benchmark.engineering: expected an amount above 0 such as 285000, found 285,000, which a flow mapping splits at the comma into 285 and a key '000': write 285000, without separators"),
            Seen("formula.yaml", 4, 43, "invalid-document",
                 "benchmark.design: expected an amount above 0 such as 285000, found 240,000, which a flow mapping splits at the comma into 240 and a key '000': write 240000, without separators"),
            Seen("formula.yaml", 5, 34, "invalid-document",
                 "level_factors.em-5: expected a factor above 0 such as 1.2, found the string \"120%\": write 1.2 (120% is 1.2)"),
        ])
    }

    @Test("under --redact, none of these messages keeps the amount")
    func withheldUnderRedact() {
        let found = DecodeHarness.withLadder("comp.yaml", """
            kind: compensation
            ladder: acme
            currency: USD
            bands:
              - {level: ic-5, base: {min: 168,000, max: $216,000}}
              - {level: em-5, base: {min: 187k, max: "216,000 USD"}}
            """)
        #expect(found.count == 4)
        for f in found {
            let withheld = WithheldValues.withheld(f.message)
            #expect(withheld != nil, "\(f.message)")
            for amount in ["168", "216", "187"] {
                #expect(withheld?.contains(amount) == false, "\(withheld ?? f.message)")
            }
        }
    }
}
