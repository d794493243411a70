/// A path into a document's model that names list items by their identifying keys, never by
/// index or line: `transitions[from=ic,to=em].pay_change`. Fingerprints hash it.
public struct ModelPath: Hashable, Sendable, CustomStringConvertible {
    public private(set) var description: String

    public static let root = ModelPath(description: "")

    /// A key of a mapping.
    public func key(_ name: String) -> ModelPath {
        ModelPath(description: description.isEmpty ? name : description + "." + name)
    }

    /// An item of the list under `list`, identified by its keys (in the given order).
    public func item(_ list: String, _ ids: KeyValuePairs<String, String>) -> ModelPath {
        // Built in one string: map and joined cost ~5 K instructions a path.
        var text = list
        text += "["
        for (i, pair) in ids.enumerated() {
            if i > 0 { text += "," }
            text += pair.key
            text += "="
            text += pair.value
        }
        text += "]"
        return key(text)
    }

    /// A list entry identified by its own value, e.g. `promotion.requires[people-management]`.
    public func entry(_ list: String, _ value: String) -> ModelPath {
        key(list + "[" + value + "]")
    }
}
