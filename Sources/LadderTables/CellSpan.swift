import LadderCSV
import LadderYAML

extension CSVCell {
    /// The cell's span as the YAML loader's spans are: from its first character to the column
    /// after its last (span ends are exclusive; `CSVCell.endColumn` is the last character's).
    public var span: Span {
        Span(start: Mark(line: line, column: column), end: Mark(line: endLine, column: endColumn + 1))
    }
}
