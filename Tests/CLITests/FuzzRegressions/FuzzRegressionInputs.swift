/// Inputs that crashed ladderlint under fuzzing (fuzz/run, docs/hardening.md), byte for byte,
/// as base64: files of another kind in this test target would need a Package.swift exclude.
/// Each has a short, readable reduction beside it. FuzzRegressionTests runs ladderlint on all.
enum FuzzRegressionInputs {
    struct Input: Sendable {
        /// The libFuzzer artifact name (crash-SHA1), or a name for a hand reduction.
        var name: String
        var bytes: [UInt8]
        /// Why it crashed, and where it is fixed (or the known issue that tracks it).
        var note: String
        /// Still crashes: a known issue, reported in docs/hardening.md, until its fix lands.
        var knownCrash: Bool
    }

    static let all: [Input] = [
        Input(
            name: "crash-ef363a0b8d9ef15be5f202942e2085ab6d322dd5",
            bytes: decode("IyBlbS01IGlzIGFib3ZlIGJlLTUgb24gYm90aCwgYnV0IG5vdCBhYm92ZSB0aGUgaGlnaGVzdCBJQyBwZWVyIChzcmUtNSk6IGJvbnVzIDAuMTUKIyBlcXVhbHMgMC4xNSwgZXF1aXR5Lm1heCAxMTAsMDAwIGlzIGJlbG93IDEyMCwwMDAuIE5vIGZpbmRpbmcuCmtpbmQ6IGxhZGRlcgppZDogdmFyaWFibGUtcGVlcnMtb2sKbmFtZTogUGxhdGZvcm0gRW5naW5lZXJpbmcKdHJhY2tzOgogIC0ge2lkOiBiZSwgbmFtZTogQmFja2VuZCBFbmdpbmVlcmluZywga2luZDogaW5kaXZpZHVhbC1jb250cmlidXRvcn0KICAtIHtpZDogc3JlLCBuYW1lOiBTaXRlIFJlbGlhYmlsaXR5IEVuZ2luZWVyaW5nLCBraW5kOiBpbmRpdmlkdWFsLWNvbnRyaWJ1dG9yfQogIC0ge2lkOiBlbSwgbmFtZTogRW5naW5lZXJpbmcgTWFuYWdlbWVudCwga2luZDogbWFuYWdlbWVudH0KbGV2ZWxzOgogIC0ge2lkOiBiZS01LCB0cmFjazogYmUsIGdyYWRlOiA1LCB0aXRsZTogU2VuaW9yIFN0YWZmIEJhY2tlbmQgRW5naW5lZXJ9CiAgLSB7aWQ6IHNyZS01LCR0cmFjazogc3JlLCBncmFkZTogNSwgdGl0bGU6IFNlbmlvciBTdGFmZiBTUkV9CiAgLSB7aWQ6IGVtLTUsIHRyYWNrOiBlbSwgZ3JhZGU6IDUsIHRpdGxlOiBEaXJlY3RvciBvZiBFbmdpbmVlcmluZ30KLS0tCmtpbmQ6IGNvbXBlbnNhdGlvbgpsYWRkZXI6IHZhcmlhYmxlLXBlZXJzLW9rCmN1cnJlbmN5OiBVU0QKYmFuZHM6CiAgLSB7bGV2ZWw6IGJlLTUsIGJhc2U6ICZnNSB7bWluOiAxODU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1MDAwMCwgbWF4OiAyNDAwMDB9LCBib251c190YXJnZXQ6IDAuMTAsIGVxdWl0eToge21pbjogNTAwMDAsIG1heDogMTAwMDAwfX0KICAtIHtsZXZlbDogc3JlLTUsIGJhc2U6ICpnNSwgYm9udXNfdGFyZ2V0OiAwLjE1LCBlcXVpdHk6IHttaW46IDUwMDAwLCBtYXg6IDEyMDAwMH19CiAgLSB7bGV2ZWw6IGVtLTUsIGJhc2U6ICpnNSwgYm9udXNfdGFyZ2V0OiAwLjE1LCBlcXVpdHk6IHttaW46IDUwMDAwLCBtYXg6IDExMDAwMH19Cg=="),
            note: "a base.min of 1.8e115: Format.grouped converts the amount to Int64 and traps (band-shape message)",
            knownCrash: false),
        Input(
            name: "huge-amount-reduced.yaml",
            bytes: Array("""
                kind: ladder
                id: huge
                name: Engineering
                tracks:
                  - {id: ic, name: Engineering, kind: individual-contributor}
                  - {id: em, name: Management, kind: management}
                levels:
                  - {id: ic-5, track: ic, grade: 5, title: Staff Engineer}
                  - {id: em-5, track: em, grade: 5, title: Engineering Manager}
                ---
                kind: compensation
                ladder: huge
                currency: USD
                bands:
                  - {level: ic-5, base: {min: 1e300, max: 240000}}
                  - {level: em-5, base: {min: 150000, max: 240000}}

                """.utf8),
            note: "the same, reduced by hand: any amount at or above 2^63 in a message",
            knownCrash: false),
    ]

    static func decode(_ base64: String) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in base64.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c + 4
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            default: continue
            }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
