import Foundation

/// The organisations the HTML tests read, all the project's own so the tests run in a clone
/// with nothing beside it: Brightwater (Tests/Fixtures/orgs) says management is "a different
/// job, not a step up" and its files say otherwise; the healthy sample (ladders/healthy) keeps
/// parity by construction.
enum HTMLExamples {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding Brightwater's three files.
    static var acme: String { root.appendingPathComponent("Tests/Fixtures/orgs/brightwater").path }
    /// The folder holding the healthy sample.
    static var evenkeel: String { root.appendingPathComponent("ladders/healthy").path }
}
