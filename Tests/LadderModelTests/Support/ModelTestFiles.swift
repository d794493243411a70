import Foundation

/// Paths the model tests read, found from this source file so they work from any folder.
enum ModelTestFiles {
    /// The repository root: this file is `<root>/Tests/LadderModelTests/Support/ModelTestFiles.swift`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let ladderSchema = repoRoot.appendingPathComponent("schemas/ladder.schema.json")

    /// The examples shared by every project working on the format (`../shared/examples`).
    static let sharedExamples = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")

    /// Every `*.yaml` / `*.yml` under `folder`, sorted, as paths relative to `relativeTo`.
    static func yamlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var out: [URL] = []
        for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }
}
