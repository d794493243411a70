import LadderCSV
import LadderModel
import LadderTables
import LadderYAML

/// A file that is not a YAML ladder document but one of the formats ladders and bands are kept
/// in before they reach ladderlint: a CSV or TSV table (a comp tool's export, a spreadsheet
/// saved as CSV), a Markdown table of levels, Markdown notes, an HTML page. Asked only of a
/// file that already failed (a YAML syntax error, or documents none of which is a mapping), so
/// the normal path never pays for it; the finding it gives says what the file looks like and
/// which command reads it, instead of the YAML parser's words about it.
///
/// Only the shape is described (counts of columns and rows, which columns a bands export has):
/// no text of the file is quoted, so nothing of it needs withholding under `--redact`.
enum ForeignText {
    /// What the text looks like, and where (the line that shows it).
    enum Shape: Equatable {
        /// A header row of `columns` cells and `rows` rows of as many under it (`more`: the file
        /// goes on past what was looked at). `bands`: the header names a level, a min and a max
        /// column as `sources:` recognises them.
        case table(delimiter: UInt8, columns: Int, rows: Int, more: Bool, bands: Bool, span: Span)
        /// A pipe table: a header row of `columns` cells over a `|---|` delimiter row.
        case markdownTable(columns: Int, span: Span)
        /// Markdown prose: a `#` heading (at `span`) and what else says Markdown.
        case markdown(signs: String, span: Span)
        /// An HTML page: its first line is `<!DOCTYPE html>` or `<html>`.
        case html(span: Span)

        var span: Span {
            switch self {
            case .table(_, _, _, _, _, let s), .markdownTable(_, let s), .markdown(_, let s), .html(let s): s
            }
        }

        /// As "this file looks like …" says it.
        var looksLike: String {
            switch self {
            case .table(let d, _, _, _, _, _): d == ForeignText.tab ? "a TSV table" : "a CSV table"
            case .markdownTable: "a Markdown table"
            case .markdown: "Markdown text"
            case .html: "an HTML page"
            }
        }

        /// What shows it, in parentheses after `looksLike`.
        var evidence: String {
            switch self {
            case .table(let d, let columns, let rows, let more, let bands, _):
                let separated = d == ForeignText.tab ? "tab" : d == ForeignText.semicolon ? "semicolon" : "comma"
                var s = "a header row of \(columns) \(separated)-separated columns and \(more ? "at least " : "")\(rows) \(rows == 1 ? "row" : "rows") under it"
                if bands { s += "; the headers name a bands export's level, min and max columns" }
                return s
            case .markdownTable(let columns, _):
                return "a header row of \(columns) \(columns == 1 ? "column" : "columns") over a |---| line"
            case .markdown(let signs, _):
                return signs
            case .html:
                return "it starts with <!DOCTYPE html> or <html>"
            }
        }
    }

    static let comma = UInt8(ascii: ","), tab = UInt8(ascii: "\t"), semicolon = UInt8(ascii: ";")
    /// How much of a file is looked at: a table shows itself in its first lines.
    static let prefixBytes = 64 * 1024
    static let prefixLines = 400

    // MARK: the finding

    /// The finding for a file named `file` (as findings show it) that YAML could not read as
    /// ladder documents, when its text looks like another format: one finding, with `rule` (the
    /// rule of the first finding it replaces), at the line that shows the shape.
    static func finding(_ bytes: [UInt8], file: String, rule: String) -> Finding? {
        guard let shape = shape(of: bytes) else { return nil }
        return Finding(
            rule: rule, severity: .error,
            message: "this file looks like \(shape.looksLike) (\(shape.evidence)), not a YAML ladder document: \(advice(shape, file: file))",
            location: Location(file: file, span: shape.span), modelPath: "file")
    }

    /// What to do with a file of this shape that was given as YAML.
    static func advice(_ shape: Shape, file: String) -> String {
        let ext = fileExtension(file)
        switch shape {
        case .table(let d, _, _, _, let bands, _):
            let sheet = renamed(file, to: d == tab ? "tsv" : "csv")
            if bands {
                return "convert it once with `ladderlint import bands \(file) --ladder LADDER-ID -o FILE.yaml`, or rename it \(sheet) and map it under sources: in .ladderlint.yml ({path: \(sheet), kind: compensation, ladder: LADDER-ID}) so each finding points at its row and column (see docs/import.md)"
            }
            return "if it holds pay bands, convert it once with `ladderlint import bands \(file) --ladder LADDER-ID --columns level=HEADER,min=HEADER,max=HEADER -o FILE.yaml`, or rename it \(sheet) and map it under sources: in .ladderlint.yml ({path: \(sheet), kind: compensation, ladder: LADDER-ID, columns: {level: HEADER, min: HEADER, max: HEADER}}) (see docs/import.md); survey answers: `ladderlint import survey \(file) --ladder LADDER-ID -o FILE.yaml`"
        case .markdownTable:
            // `import ladder` reads a .yaml, .yml or .json file as a matrix, any other as a table.
            if ["yaml", "yml", "json"].contains(ext) {
                let md = renamed(file, to: "md")
                return "to convert a table of levels, rename it \(md) (import ladder reads tables from Markdown files) and run `ladderlint import ladder \(md) -o \(file)` (see docs/import.md)"
            }
            return "to convert a table of levels, run `ladderlint import ladder \(file) -o FILE.yaml` (see docs/import.md)"
        case .markdown:
            let md = ext == "md" ? file : renamed(file, to: "md")
            return "ladderlint reads YAML documents with a kind: key (see docs/format.md); if these are notes, name the file \(md) (a folder walk reads only .yaml and .yml files); a Markdown table of levels converts once with `ladderlint import ladder \(md) -o FILE.yaml` (see docs/import.md)"
        case .html:
            return "ladderlint reads YAML documents with a kind: key (see docs/format.md): save the page's table of levels as Markdown and convert it with `ladderlint import ladder FILE.md -o FILE.yaml`, or export pay bands as CSV and map them under sources: in .ladderlint.yml (see docs/import.md)"
        }
    }

    /// The lower-cased extension of the last component of `path`, or "".
    static func fileExtension(_ path: String) -> String { rawExtension(path).lowercased() }

    /// The extension of the last component of `path` as written, or "".
    static func rawExtension(_ path: String) -> Substring {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? path[...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    /// `path` with its extension (when it has a short one) replaced by `ext`, else with `ext` added.
    static func renamed(_ path: String, to ext: String) -> String {
        let old = rawExtension(path)
        guard !old.isEmpty, old.count <= 8 else { return path + "." + ext }
        return String(path[..<old.startIndex]) + ext
    }

    // MARK: the shape

    /// What `bytes` look like, when it is one of the shapes; nil for anything else, for JSON,
    /// and for any text with a line that reads as a YAML key (`kind: ladder`, `  - id: ic-4`): a
    /// YAML file with a mistake in it is left to the YAML parser's message, whatever else it
    /// holds (a table in a `|` block scalar).
    static func shape(of bytes: [UInt8]) -> Shape? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // A table is text: NUL bytes say binary data (libyaml's message says that already).
        var cut = body.prefix(prefixBytes)
        let more = cut.count < body.count
        if more, let lastBreak = cut.lastIndex(where: { $0 == 10 || $0 == 13 }) { cut = cut[..<lastBreak] }
        guard !cut.contains(0) else { return nil }
        let lines = Self.lines(cut)
        guard !lines.isEmpty, !lines.contains(where: isYAMLKeyLine) else { return nil }
        // JSON (and YAML's flow style) is YAML: its own message stands.
        let opening = lines.lazy.compactMap { line in line.first { !$0.isWhitespace } }.first
        if opening == "{" || opening == "[" { return nil }
        if let s = html(lines) { return s }
        if let s = markdownTable(lines) { return s }
        // After a byte order mark, which the CSV reader does not count as a column either.
        if let s = table(Array(cut), more: more) { return s }
        return markdown(lines)
    }

    /// The first lines of the text (at most `prefixLines`), without their line ends (LF, CRLF or CR).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [Substring] {
        // CRLF is one Character: a split on it keeps line numbers as editors count them.
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.split(maxSplits: prefixLines, omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.prefix(prefixLines))
    }

    /// `key:` or `- key:` (lower-case letters, digits, `_` and `-`, then a space or the line's
    /// end), at any indentation: what a YAML ladder file's lines look like and tables and prose
    /// do not.
    static func isYAMLKeyLine(_ line: Substring) -> Bool {
        var s = line.unicodeScalars[...]
        while true {
            while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
            if s.first == "-", s.dropFirst().first == " " { s = s.dropFirst(2) } else { break }
        }
        guard let f = s.first, (f >= "a" && f <= "z") || f == "_" else { return false }
        let key = s.prefix { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }
        let after = s.dropFirst(key.count)
        guard after.first == ":" else { return false }
        let next = after.dropFirst().first
        return next == nil || next == " " || next == "\t"
    }

    /// Characters (Unicode scalars, as libyaml counts columns) of `line`.
    static func width(_ line: Substring) -> Int { line.unicodeScalars.count }

    static func lineSpan(_ index: Int, _ line: Substring) -> Span {
        let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        return Span(start: Mark(line: index + 1, column: indent + 1), end: Mark(line: index + 1, column: width(line) + 1))
    }

    static func html(_ lines: [Substring]) -> Shape? {
        guard let i = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let start = lines[i].drop(while: \.isWhitespace).prefix(14).lowercased()
        guard start.hasPrefix("<!doctype html") || start.hasPrefix("<html") else { return nil }
        return .html(span: lineSpan(i, lines[i]))
    }

    /// The cells of a pipe-table row (outer pipes optional, `\|` inside a cell), when the line
    /// is one: at most 3 spaces of indentation (more is a code block, or YAML's).
    static func pipeCells(_ line: Substring) -> [Substring]? {
        guard line.contains("|"), line.prefix(while: { $0 == " " }).count <= 3 else { return nil }
        var s = line.trimmingSpaces()
        if s.first == "|" { s = s.dropFirst() }
        if s.last == "|", !s.dropLast().hasSuffix("\\") { s = s.dropLast() }
        var cells: [Substring] = []
        var start = s.startIndex, i = s.startIndex
        while i < s.endIndex {
            if s[i] == "\\" { i = s.index(after: i); if i < s.endIndex { i = s.index(after: i) }; continue }
            if s[i] == "|" { cells.append(s[start..<i].trimmingSpaces()); start = s.index(after: i) }
            i = s.index(after: i)
        }
        cells.append(s[start...].trimmingSpaces())
        return cells
    }

    static func markdownTable(_ lines: [Substring]) -> Shape? {
        var fenced = false
        for i in lines.indices.dropFirst() {
            let trimmed = lines[i - 1].drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fenced.toggle(); continue }
            if fenced { continue }
            guard let delimiter = pipeCells(lines[i]),
                  delimiter.allSatisfy({ c in
                      let dashes = c.drop { $0 == ":" }.reversed().drop { $0 == ":" }
                      return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
                  }),
                  let header = pipeCells(lines[i - 1]), header.count == delimiter.count
            else { continue }
            return .markdownTable(columns: header.count, span: lineSpan(i - 1, lines[i - 1]))
        }
        return nil
    }

    /// A delimited table: for `,`, tab and `;`, the first of the first 3 rows with 3 cells or
    /// more (2 for tab) whose rows under it have as many cells (4 in 5 of the first 50 at
    /// least); of the delimiters that give one, the one with the most columns.
    static func table(_ bytes: [UInt8], more: Bool) -> Shape? {
        var best: Shape?
        var bestColumns = 0
        for d in [comma, tab, semicolon] {
            let read = CSVReader(delimiter: d).read(bytes)
            // A quote that never closes ran to the end: not a table of this delimiter.
            guard !read.problems.contains(where: { $0.message.contains("closing quote") }) else { continue }
            var records = read.records.filter { !$0.isBlank }
            if more, !records.isEmpty { records.removeLast() }
            for h in records.indices.prefix(3) {
                let header = records[h].cells
                let n = header.count
                guard n >= (d == tab ? 2 : 3), n > bestColumns else { continue }
                let rows = records[(h + 1)...]
                guard !rows.isEmpty else { continue }
                let first = rows.prefix(50)
                guard first.filter({ $0.cells.count == n }).count * 5 >= first.count * 4 else { continue }
                // A header names its columns: short cells, most of them filled; not a bullet,
                // a heading, a quote or a table row of Markdown.
                let texts = header.map(\.text)
                guard texts.filter({ !$0.isEmpty }).count * 2 >= n, texts.allSatisfy({ $0.count <= 100 }),
                      let name = texts.first, !["-", "#", "*", ">", "|", "+"].contains(where: { name.hasPrefix($0) })
                else { continue }
                let names = Set(texts.map(BandsMapping.normalized))
                let bands = BandColumn.required.allSatisfy { column in column.knownHeaders.contains { names.contains($0) } }
                let firstCell = header[0], lastCell = header[n - 1]
                let span = Span(start: Mark(line: firstCell.line, column: firstCell.column),
                                end: Mark(line: lastCell.endLine, column: lastCell.endColumn + 1))
                best = .table(delimiter: d, columns: n, rows: rows.count, more: more, bands: bands, span: span)
                bestColumns = n
                break
            }
        }
        return best
    }

    /// Markdown prose: a `#` heading (YAML reads it as a comment) and something else only
    /// Markdown writes: a bullet or numbered list, `**bold**`, a `[link](…)`, a code fence.
    static func markdown(_ lines: [Substring]) -> Shape? {
        guard let h = lines.firstIndex(where: { line in
            let hashes = line.prefix { $0 == "#" }.count
            let rest = line.dropFirst(hashes)
            return (1...6).contains(hashes) && (rest.first == " " || rest.first == "\t") && rest.contains { !$0.isWhitespace }
        }) else { return nil }
        var signs: [String] = []
        func item(_ line: Substring) -> Bool {
            let s = line.drop { $0 == " " }
            guard line.count - s.count <= 3 else { return false }
            if let f = s.first, "-*+".contains(f), s.dropFirst().first == " " { return true }
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            let after = s.dropFirst(digits.count)
            return (1...9).contains(digits.count) && (after.first == "." || after.first == ")") && after.dropFirst().first == " "
        }
        if lines.contains(where: item) { signs.append("a list") }
        if lines.contains(where: { $0.contains("**") || $0.contains("__") }) { signs.append("bold text") }
        if lines.contains(where: { $0.contains("](") }) { signs.append("a [link](…)") }
        if lines.contains(where: { $0.drop { $0 == " " }.hasPrefix("```") }) { signs.append("a ``` code block") }
        guard !signs.isEmpty else { return nil }
        let all = ["a # heading"] + signs
        return .markdown(signs: all.dropLast().joined(separator: ", ") + " and " + all[all.count - 1], span: lineSpan(h, lines[h]))
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// A spreadsheet or Markdown file named on the command line that no `sources:` entry maps:
/// `UnmappedInput`'s finding, moved to the line that shows the file's table (or heading) and
/// saying its shape, when the text has the shape its extension names; `UnmappedInput`'s finding
/// as it is otherwise (a JSON file, a workbook, a `.csv` holding something else).
struct NamedForeignInput: InputFormat {
    var name: String { "unmapped" }

    func claims(name: [UInt8], path: String) -> Bool { false }

    func documents(bytes: [UInt8], file: String, limits: LoadLimits, collectAmounts: Bool) -> DecodedFile {
        var decoded = UnmappedInput().documents(bytes: bytes, file: file, limits: limits, collectAmounts: collectAmounts)
        guard let what = UnmappedInput.kind(file), let first = decoded.findings.first, decoded.findings.count == 1,
              let shape = ForeignText.shape(of: bytes)
        else { return decoded }
        let fits: Bool
        switch shape {
        case .table: fits = what == "a CSV file" || what == "a TSV file"
        case .markdownTable, .markdown: fits = what == "a Markdown file"
        case .html: fits = false
        }
        guard fits, let said = first.message.range(of: "this is \(what)") else { return decoded }
        var message = first.message
        message.replaceSubrange(said, with: "this is \(what) (\(shape.evidence))")
        decoded.findings = [Finding(rule: first.rule, severity: first.severity, message: message,
                                    location: Location(file: file, span: shape.span), modelPath: first.modelPath)]
        return decoded
    }
}
