/// The loader's safety limits; each is a setting with a safe default (LADDER_FORMAT.md).
public struct LoadLimits: Sendable, Equatable {
    /// Largest file read, in bytes (default 10 MiB).
    public var maxFileBytes: Int
    /// Deepest nesting of collections (default 256). libyaml itself sets no limit.
    public var maxDepth: Int
    /// Most nodes created by expanding aliases in one file (default 100,000).
    public var maxAliasNodes: Int

    public init(maxFileBytes: Int = 10 * 1024 * 1024, maxDepth: Int = 256, maxAliasNodes: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    public static let `default` = LoadLimits()
}

/// Options that change what the loader accepts.
public struct LoadOptions: Sendable {
    public var limits: LoadLimits
    /// Apply `<<` merge keys (YAML 1.1 type, which ladder files use). Off for conformance tests.
    public var mergeKeys: Bool

    public init(limits: LoadLimits = .default, mergeKeys: Bool = true) {
        self.limits = limits
        self.mergeKeys = mergeKeys
    }
}
