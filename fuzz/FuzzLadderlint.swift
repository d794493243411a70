// libFuzzer entry: load + decode + resolve + check + report, as one `ladderlint lint` does for
// one file, on any bytes. Built outside the package by fuzz/build (docs/hardening.md).
import LadderModel
import LadderReport
import LadderRules
import LadderYAML

/// The built-in rules, parsed once.
let fuzzRules: [Rule] = {
    do {
        return try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
    } catch {
        fatalError("the built-in rule pack does not parse: \(error)")
    }
}()
let fuzzToday = Day("2026-11-01")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // Small limits, so the fuzzer spends its time on shapes, not on size.
    let limits = LoadLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxAliasNodes: 10_000)
    let decoded = DocumentDecoder().decodeFile(bytes, file: "fuzz.yaml", limits: limits)
    let documents = decoded.documents
    var findings = decoded.findings
    let model = Resolver().resolve(documents, broken: decoded.brokenIDs, unparsedFiles: decoded.unparsed)
    findings += model.findings
    findings += Engine(registry: .builtin).run(model, rules: fuzzRules, today: fuzzToday)
    findings.sort(by: Finding.precedes)
    let metrics = Metrics.compute(model, rules: fuzzRules)
    let summary = Summary(findings: findings, files: 1, documents: documents.count, ladders: model.ladders.count)
    let report = Report(
        toolVersion: "fuzz", findings: findings, summary: summary, metrics: metrics, rules: fuzzRules,
        files: ["fuzz.yaml"], redacted: false, today: fuzzToday, notes: [])
    // Every reporter, and the output guarantees of docs/security.md as the oracle: a violation
    // is a crash, so libFuzzer keeps the input.
    for format in Reporters.formats {
        let out = Reporters.render(format, report, ReportStyle(color: false)) ?? ""
        let problems = OutputSafety.violations(format: format, output: out, files: ["fuzz.yaml"])
        if !problems.isEmpty { fatalError("output guarantee broken: \(problems.joined(separator: "; "))") }
        // Bounded output: no input string contributes more than its cap to a finding, so the
        // output grows with the findings and the input, never with an alias's expansion.
        if out.utf8.count > (1 << 22) + 256 * size + 16_384 * findings.count {
            fatalError("\(format) output of \(out.utf8.count) bytes for \(size) bytes of input")
        }
    }
    return 0
}
