import Foundation

/// The two organisations of the shared worked examples, read where they are (../shared/examples,
/// beside the repository, as in CI): Acme says "management is not a promotion" and its files
/// say otherwise; Even Keel keeps parity by construction.
enum HTMLExamples {
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/examples")

    /// The folder holding Acme's three files.
    static var acme: String { shared.appendingPathComponent("acme").path }
    /// The folder holding Even Keel's file.
    static var evenkeel: String { shared.appendingPathComponent("evenkeel").path }
}
