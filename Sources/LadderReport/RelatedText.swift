import LadderModel

/// The words the one-message formats (SARIF, GitLab, GitHub) add to a folded finding's
/// message so that it names its other parts: unescaped, each format escapes it its own way.
enum RelatedText {
    /// " Also on this band: pay-floor-parity (warning) at line 7, column 12; …." — empty for a
    /// finding with no related location. A part in another file than the lead names the file.
    static func sentence(_ f: Finding) -> String {
        guard !f.related.isEmpty else { return "" }
        let parts = f.related.map { r in "\(r.rule) (\(r.severity.rawValue)) at \(place(r.location, from: f.location))" }
        return " Also on this band: " + parts.joined(separator: "; ") + "."
    }

    /// "line 7, column 12", or "FILE line 7, column 12" when the file is not `lead`'s.
    static func place(_ l: Location, from lead: Location) -> String {
        (l.file == lead.file ? "" : "\(l.file) ") + "line \(max(1, l.line)), column \(max(1, l.column))"
    }
}
