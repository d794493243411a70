// This file imports CSV.swift alone. Both it and LadderCSV name a type `CSVReader`, and the
// module-qualified `CSV.CSVReader` does not compile: CSV.swift also declares
// `public typealias CSV = CSVReader` (Legacy.swift), so `CSV.` names that class, not the module.
// Here `CSVReader` can only mean CSV.swift's; the rest of the target calls `yaslabRows`.
import CSV

/// The rows CSV.swift (yaslab, 2.5.2) reads from `text`, cell texts only.
func yaslabRows(_ text: String, delimiter: Unicode.Scalar) throws -> [[String]] {
    let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
    var rows: [[String]] = []
    while let row = reader.next() { rows.append(row) }
    return rows
}
