import Foundation
import LadderModel
import LadderReport
import LadderRules

/// `ladderlint rules` and `ladderlint explain`: the catalogue of the rules a run would use.
public struct RuleCatalogue: Sendable {
    public var workingDirectory: String
    /// Lets the configuration's `rules` lead out of the repository (RepositoryBounds).
    public var allowOutsideRepo: Bool

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath, allowOutsideRepo: Bool = false) {
        self.workingDirectory = workingDirectory
        self.allowOutsideRepo = allowOutsideRepo
    }

    func rules(config: String?, packs: [String]) throws -> [Rule] {
        let configuration = try ConfigLoader(workingDirectory: workingDirectory, allowOutsideRepo: allowOutsideRepo).load(explicit: config)
        return try RuleLoader(workingDirectory: workingDirectory, registry: .builtin, allowOutsideRepo: allowOutsideRepo).rules(config: configuration, extra: packs)
    }

    public func catalogue(format: String, config: String? = nil, packs: [String] = []) -> LintResult {
        guard Catalogue.formats.contains(format) else {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: unknown format '\(Escape.terminal(Escape.capped(format)))' for rules. Valid formats: \(Catalogue.formats.joined(separator: ", "))\n", report: nil)
        }
        do {
            return LintResult(exitCode: 0, stdout: Catalogue.render(try rules(config: config, packs: packs), format: format), stderr: "", report: nil)
        } catch {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(UsageError.describe(error))\n", report: nil)
        }
    }

    /// The formats of `explain`: text for a terminal, markdown for the rule's page in docs/rules.
    public static let explainFormats = ["text", "markdown"]

    public func explain(_ id: String, format: String = "text", config: String? = nil, packs: [String] = []) -> LintResult {
        guard Self.explainFormats.contains(format) else {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: unknown format '\(Escape.terminal(Escape.capped(format)))' for explain. Valid formats: \(Self.explainFormats.joined(separator: ", "))\n", report: nil)
        }
        do {
            let all = try rules(config: config, packs: packs)
            if let r = all.first(where: { $0.id == id }) {
                return LintResult(exitCode: 0, stdout: format == "markdown" ? RuleDocs.page(r) : Catalogue.explain(r), stderr: "", report: nil)
            }
            if format == "markdown", let page = RuleDocs.corePage(id) {
                return LintResult(exitCode: 0, stdout: page, stderr: "", report: nil)
            }
            if let summary = CoreRules.summaries[id] {
                return LintResult(exitCode: 0, stdout: "\(id) (\(CoreRules.severity(id).rawValue))\n\n\(summary)\n\nThis finding reports a problem with the input or the configuration itself; it is always on and cannot be disabled or waived.\n", stderr: "", report: nil)
            }
            let ids = all.map(\.id) + CoreRules.ids + CoreRules.waiverIDs
            var message = "unknown rule '\(Escape.capped(id))'"
            if let s = Suggest.nearest(id, in: ids) { message += ": did you mean '\(s)'?" } else { message += "." }
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(Escape.terminal(message)) Run 'ladderlint rules' for the list.\n", report: nil)
        } catch {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(UsageError.describe(error))\n", report: nil)
        }
    }
}
