import LadderYAML

extension Node {
    /// What a settings value is, without its text: a configuration's `rules` may name any file
    /// (a secret, `/etc/passwd` read as one long plain scalar), and an error about it must not
    /// show what the file says. Line and column point at the value instead.
    public var settingsNoun: String {
        if case .sequence = content { return "a list" }
        if case .mapping = content { return "a mapping" }
        switch scalarValue {
        case .null?, nil: return "an empty value"
        case .bool?: return "a boolean"
        case .int?, .float?: return "a number"
        case .string?: return "text"
        }
    }
}

extension YAMLIssue {
    /// The loader's message for a settings file, without the file's text: libyaml's own
    /// messages name no input, but a duplicate key, an alias and a merge source are quoted.
    public var settingsMessage: String {
        switch kind {
        case .syntax where message.hasPrefix("YAML syntax error:"): return message
        case .syntax: return "an alias or a merge key ('<<') here cannot be used: define each anchor before its aliases and merge only anchored mappings"
        case .limit: return "the file is too big, nests too deeply or expands aliases into too many nodes: simplify it"
        case .duplicateKey: return "a key appears twice in this mapping: remove or rename the second one"
        }
    }
}
