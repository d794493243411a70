// The CSV reader's speed on generated inputs, compiled with Sources/LadderCSV/CSVReader.swift
// by bench/csv-read (no package build). Prints the best of several runs per input.

@main struct CSVReadBench {
    static func main() {
        let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5 : 5
        let inputs: [(String, [UInt8])] = [
            ("one line of 1,000,000 cells", oneLine(cells: 1_000_000)),
            ("200,000 rows x 8 cells, a quarter quoted, some non-ASCII", bands(rows: 200_000)),
            ("1,000 quoted cells of 1,000 lines each", multiLine(cells: 1_000, lines: 1_000)),
        ]
        for (name, bytes) in inputs {
            var best = Duration.seconds(1_000)
            var cells = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let table = CSVReader().read(bytes)
                best = min(best, ContinuousClock.now - start)
                cells = table.records.reduce(0) { $0 + $1.cells.count }
            }
            let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
            let mb = Double(bytes.count) / 1_000_000
            print("\(name): \(oneDecimal(mb)) MB, \(cells) cells, best \(oneDecimal(seconds * 1000)) ms, \(oneDecimal(mb / seconds)) MB/s")
        }
    }

    /// Without Foundation or libm (`rounded()` needs `-lm` when linked by swiftc alone).
    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int(x * 10 + 0.5)
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func oneLine(cells: Int) -> [UInt8] {
        Array((String(repeating: "a1,", count: cells - 1) + "a1\n").utf8)
    }

    static func bands(rows: Int) -> [UInt8] {
        var text = "level,zone,currency,min,mid,max,bonus_target,notes\n"
        for r in 0..<rows {
            let note = r % 4 == 0 ? "\"Zürich, \"\"tier\"\" 1\"" : "Köln"
            text += "L\(r % 12),zone-\(r % 3),EUR,\(40_000 + r % 999),\(50_000 + r % 999),\(60_000 + r % 999),10%,\(note)\r\n"
        }
        return Array(text.utf8)
    }

    static func multiLine(cells: Int, lines: Int) -> [UInt8] {
        let cell = "\"" + String(repeating: "line é\n", count: lines) + "\""
        return Array((Array(repeating: cell, count: cells).joined(separator: ",") + "\n").utf8)
    }
}
