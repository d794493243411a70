/// The first pipe table of a Markdown text (GitHub's syntax): a header row, a `|---|`
/// delimiter row, then body rows until a blank line or a line without a pipe. Every cell keeps
/// its line and column (1-based, in Unicode scalars, as libyaml counts), so an error about a
/// cell points at it. Tables inside fenced code blocks are not tables.
struct MarkdownTable: Sendable {
    struct Cell: Sendable, Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    var header: [Cell]
    var headerLine: Int
    /// Body rows, each with the line it is written on.
    var rows: [(line: Int, cells: [Cell])]

    /// The first table of `text`, or nil when it has none.
    static func first(in text: String) -> MarkdownTable? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var fence: Substring?
        var i = 0
        while i + 1 < lines.count {
            let trimmed = lines[i].drop { $0 == " " }
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                i += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                i += 1
                continue
            }
            if lines[i].contains("|"), let header = cells(lines[i], line: i + 1), let delimiter = cells(lines[i + 1], line: i + 2),
                isDelimiter(delimiter)
            {
                var rows: [(line: Int, cells: [Cell])] = []
                var j = i + 2
                while j < lines.count, lines[j].contains("|"), !lines[j].allSatisfy({ $0 == " " || $0 == "\t" }),
                    let row = cells(lines[j], line: j + 1)
                {
                    rows.append((j + 1, row))
                    j += 1
                }
                return MarkdownTable(header: header, headerLine: i + 1, rows: rows)
            }
            i += 1
        }
        return nil
    }

    /// `| a | b |` (outer pipes optional) as cells; `\|` is a pipe inside a cell.
    static func cells(_ line: Substring, line number: Int) -> [Cell]? {
        let scalars = Array(line.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        guard start < end else { return nil }
        if scalars[start] == "|" { start += 1 }
        if end > start, scalars[end - 1] == "|", end - 2 < start || scalars[end - 2] != "\\" { end -= 1 }
        var out: [Cell] = []
        var cellStart = start
        var k = start
        func finish(_ stop: Int) {
            var a = cellStart, b = stop
            while a < b, scalars[a] == " " || scalars[a] == "\t" { a += 1 }
            while b > a, scalars[b - 1] == " " || scalars[b - 1] == "\t" { b -= 1 }
            var text = ""
            var m = a
            while m < b {
                if scalars[m] == "\\", m + 1 < b, scalars[m + 1] == "|" { m += 1 }
                text.unicodeScalars.append(scalars[m])
                m += 1
            }
            out.append(Cell(text: unwrap(text), line: number, column: (a < b ? a : cellStart) + 1))
        }
        while k < end {
            if scalars[k] == "\\" {
                k += 2
                continue
            }
            if scalars[k] == "|" {
                finish(k)
                cellStart = k + 1
            }
            k += 1
        }
        finish(min(k, end))
        return out
    }

    /// A delimiter row: every cell `---`, `:--`, `--:` or `:-:`.
    static func isDelimiter(_ cells: [Cell]) -> Bool {
        !cells.isEmpty
            && cells.allSatisfy { c in
                var t = Substring(c.text)
                if t.hasPrefix(":") { t = t.dropFirst() }
                if t.hasSuffix(":") { t = t.dropLast() }
                return !t.isEmpty && t.allSatisfy { $0 == "-" }
            }
    }

    /// A cell's text without the emphasis or code marks around the whole of it.
    static func unwrap(_ text: String) -> String {
        for mark in ["**", "__", "`", "*", "_"] where text.count > 2 * mark.count && text.hasPrefix(mark) && text.hasSuffix(mark) {
            let inner = String(text.dropFirst(mark.count).dropLast(mark.count))
            return unwrap(String(inner.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
        }
        return text
    }
}
