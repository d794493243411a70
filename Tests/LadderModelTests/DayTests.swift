import LadderModel
import Testing

/// `Day` from its text (ladder files, `--today`) and from its parts (the run's own date).
@Suite("Day")
struct DayTests {
    @Test("the parts and the text agree on every day from 1999 to 2001, leap day included")
    func partsMatchText() {
        var count = 0
        for year in 1999...2001 {
            for month in 1...12 {
                for day in 1...31 {
                    let text = Day(year: year, month: month, day: day)?.description
                    let parsed = Day(Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2))
                    #expect(text == parsed?.description, "\(year)-\(month)-\(day)")
                    if parsed != nil { count += 1 }
                }
            }
        }
        #expect(count == 365 + 366 + 365)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let text = String(v)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    @Test("impossible dates are nil from their parts too")
    func impossibleParts() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(year: 2026, month: 1, day: 0) == nil)
        #expect(Day(year: 2026, month: 11, day: 29) == Day("2026-11-29"))
    }
}
