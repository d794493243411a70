import LadderYAML
import Testing

/// Scalars resolve under the YAML 1.2 core schema, not YAML 1.1: `no` is a string and
/// `150_000` is not a number.
@Suite struct CoreSchemaTests {
    /// The value of `v:` written as `yaml`.
    static func value(_ yaml: String) -> ScalarValue? {
        root("v: \(yaml)\n")?["v"]?.scalarValue
    }

    static let table: [(String, ScalarValue)] = [
        // YAML 1.1 booleans and friends are strings.
        ("no", .string("no")), ("yes", .string("yes")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("N", .string("N")),
        // Digit separators are not numbers.
        ("150_000", .string("150_000")), ("150,000", .string("150,000")), ("1_0.5", .string("1_0.5")),
        // Integers, all bases of the core schema.
        ("0", .int(0)), ("-0", .int(0)), ("42", .int(42)), ("+12", .int(12)), ("-7", .int(-7)), ("012", .int(12)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)),
        ("0X1F", .string("0X1F")), ("0x", .string("0x")), ("0xG", .string("0xG")), ("0o8", .string("0o8")),
        ("0o", .string("0o")), ("-0x1F", .string("-0x1F")), ("0b101", .string("0b101")),
        // Too big for Int: the nearest float, whatever the base.
        ("9223372036854775807", .int(Int.max)), ("9223372036854775808", .float(9_223_372_036_854_775_808)),
        ("0x10000000000000000", .float(18_446_744_073_709_551_616)),
        ("0o2000000000000000000000", .float(18_446_744_073_709_551_616)),
        // Floats.
        ("1e3", .float(1000)), ("1E+3", .float(1000)), ("2.5e-1", .float(0.25)), ("1.5", .float(1.5)),
        ("-1.5", .float(-1.5)), ("1.", .float(1)), (".5", .float(0.5)), ("+.5", .float(0.5)),
        ("1e", .string("1e")), ("e3", .string("e3")), (".", .string(".")), ("-.", .string("-.")), ("+", .string("+")), ("1.2.3", .string("1.2.3")),
        (".inf", .float(.infinity)), (".Inf", .float(.infinity)), ("+.inf", .float(.infinity)),
        ("-.INF", .float(-.infinity)), ("-.inf", .float(-.infinity)), ("inf", .string("inf")), ("NaN", .string("NaN")),
        // Null and booleans: only these spellings.
        ("~", .null), ("", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
        ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
        // No timestamps or sexagesimals in 1.2.
        ("2024-01-31", .string("2024-01-31")), ("1:30", .string("1:30")),
        // Quoting and block scalars always give strings.
        ("\"true\"", .string("true")), ("'12'", .string("12")), ("\"\"", .string("")), ("'~'", .string("~")),
        ("|\n  12", .string("12\n")), (">-\n  null", .string("null")),
        // Tags.
        ("!!str 12", .string("12")), ("!!str true", .string("true")), ("! 12", .string("12")),
        ("!!int \"12\"", .int(12)), ("!!int '0x1F'", .int(31)), ("!!float \"1\"", .float(1)), ("!!float 2.5", .float(2.5)),
        ("!!bool \"false\"", .bool(false)), ("!!null \"\"", .null), ("!!int abc", .string("abc")),
        ("!custom 12", .string("12")),
    ]

    @Test(arguments: table)
    func resolves(yaml: String, expected: ScalarValue) {
        #expect(Self.value(yaml) == expected, "v: \(yaml)")
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(yaml: String) throws {
        guard case .float(let d)? = Self.value(yaml) else {
            Issue.record("\(yaml) is not a float")
            return
        }
        #expect(d.isNaN)
    }

    @Test func resolveDirectly() {
        #expect(CoreSchema.resolve("12", style: .plain, tag: nil) == .int(12))
        #expect(CoreSchema.resolve("12", style: .doubleQuoted, tag: nil) == .string("12"))
        #expect(CoreSchema.resolve("12", style: .literal, tag: nil) == .string("12"))
        #expect(CoreSchema.resolve("12", style: .plain, tag: "tag:yaml.org,2002:str") == .string("12"))
        #expect(CoreSchema.resolve("12", style: .singleQuoted, tag: "tag:yaml.org,2002:int") == .int(12))
    }

    @Test func kindDescriptions() throws {
        let doc = try #require(root("a: 150000\nb: no\nc:\nd: true\ne: [1]\nf: {x: 1}\n"))
        #expect(doc["a"]?.kindDescription == "the number 150000")
        #expect(doc["b"]?.kindDescription == "the string \"no\"")
        #expect(doc["c"]?.kindDescription == "an empty value")
        #expect(doc["d"]?.kindDescription == "the boolean true")
        #expect(doc["e"]?.kindDescription == "a list")
        #expect(doc["f"]?.kindDescription == "a mapping")
    }

    /// Plain decimals are read without `Double(text)` when their digits allow it exactly: the
    /// result must be the same Double, bit for bit, whatever the digits, signs and zeros.
    @Test func decimalsReadAsDoubleReadsThem() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["0.0", "-0.0", "+0.5", ".5", "-.5", "5.", "0.1", "0.3", "123456789012345.0", "1234567890123456.0",
                     "0.000000000000001", "999999999999999.9", "1.7976931348623157", "00012.50", "1.5e3", "2.5E-3"]
        for _ in 0..<20_000 {
            let intDigits = Int.random(in: 0...12, using: &rng), fracDigits = Int.random(in: intDigits == 0 ? 1...10 : 0...10, using: &rng)
            let sign = ["", "-", "+"].randomElement(using: &rng)!
            let int = String((0..<intDigits).map { _ in "0123456789".randomElement(using: &rng)! })
            let frac = String((0..<fracDigits).map { _ in "0123456789".randomElement(using: &rng)! })
            texts.append(sign + int + "." + frac)
        }
        for t in texts {
            guard case .float(let d) = CoreSchema.resolve(t, style: .plain, tag: nil), let expected = Double(t) else {
                Issue.record("'\(t)' did not read as a float")
                continue
            }
            #expect(d.bitPattern == expected.bitPattern, "'\(t)': \(d) against Double's \(expected)")
        }
    }
}
