import LadderYAML
import Testing

/// File size, nesting depth and alias expansion are bounded; past a limit the file gets one
/// `input-limit` issue and the loader stops quickly.
@Suite struct LimitTests {
    @Test func defaults() {
        let limits = LoadLimits.default
        #expect(limits.maxFileBytes == 10 * 1024 * 1024)
        #expect(limits.maxDepth == 256)
        #expect(limits.maxAliasNodes == 100_000)
    }

    @Test func billionLaughs() throws {
        var text = "l0: &l0 [lol]\n"
        for i in 1...9 {
            text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = load(text) }
        let issues = try #require(result?.issues)
        #expect(issues.count == 1)
        #expect(issues.first?.kind == .limit)
        #expect(issues.first?.kind.rawValue == "input-limit")
        // l1..l4 cost 23,450 nodes; the fourth *l4 in l5 would pass 100,000.
        #expect(issues.first?.span == span(6, 25, 6, 28))
        #expect(issues.first?.message.contains("more than 100000 nodes") == true)
        #expect(result?.documents.isEmpty == true)
        #expect(elapsed < .seconds(30), "a hang guard: the bomb is refused before it is expanded")
    }

    @Test func aliasNodesCountAcrossTheFile() {
        let limits = LoadLimits(maxAliasNodes: 3)
        let result = load("a: &a [1, 2]\nb: *a\nc: *a\n", limits: limits)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(3, 4, 3, 6))
        #expect(load("a: &a [1, 2]\nb: *a\n", limits: limits).issues.isEmpty)
    }

    @Test func deepFlowNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let result = load(text)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.kind == .limit)
        // The 257th '[' is one too many.
        #expect(result.issues.first?.span == span(1, 257, 1, 257))
        #expect(result.issues.first?.message == "nesting deeper than 256 levels: flatten the structure (limits.max_depth in .ladderlint.yml can lower this limit, never raise it)")
        #expect(result.documents.isEmpty)
    }

    @Test func deepFlowMappingNesting() {
        let text = String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000) + "\n"
        let result = load(text)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(1, 1025, 1, 1025))
    }

    @Test func deepBlockSequenceNesting() {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        let result = load(text)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(1, 513, 1, 513))
    }

    @Test func deepBlockMappingNesting() {
        var text = ""
        for i in 0..<1_000 { text += String(repeating: " ", count: i) + "a:\n" }
        let result = load(text)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(257, 257, 257, 257))
    }

    @Test func depthExactlyAtTheLimitLoads() {
        let limits = LoadLimits(maxDepth: 3)
        #expect(load("[[[1]]]\n", limits: limits).issues.isEmpty)
        let result = load("[[[[1]]]]\n", limits: limits)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(1, 4, 1, 4))
    }

    @Test func aliasesCannotNestPastTheDepthLimit() {
        // Each collection is within the limit where it is written; expanded, b would be 5 deep.
        let limits = LoadLimits(maxDepth: 4)
        let result = load("a: &a [[x]]\nb: [[*a]]\n", limits: limits)
        #expect(result.issues.map(\.kind) == [.limit])
        #expect(result.issues.first?.span == span(2, 6, 2, 8))
        #expect(result.issues.first?.message.contains("nests deeper than 4 levels") == true)
        #expect(load("a: &a [[x]]\nb: [*a]\n", limits: limits).issues.isEmpty)
    }

    @Test func fileBiggerThanTheLimit() {
        let limits = LoadLimits(maxFileBytes: 10)
        let result = load("a: 12345678\n", limits: limits)
        #expect(result.documents.isEmpty)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.kind == .limit)
        #expect(result.issues.first?.span == span(1, 1, 1, 1))
        #expect(result.issues.first?.message == "the file is 12 bytes, above the limit of 10 bytes: split it into smaller files (limits.max_file_bytes in .ladderlint.yml can lower this limit, never raise it)")
        #expect(load("a: 123456\n", limits: limits).issues.isEmpty)
    }

    @Test func aLimitStopsTheFileButKeepsEarlierDocuments() {
        let result = load("a: 1\n---\n" + String(repeating: "[", count: 300) + "\n")
        #expect(result.documents.count == 1)
        #expect(result.issues.map(\.kind) == [.limit])
    }

    @Test func largeCollectionsLoadInLinearTime() {
        // A regression guard: appending a child once copied every earlier child, which took
        // minutes here; now it takes seconds in a debug build.
        var seq = ""
        var map = ""
        for i in 0..<100_000 {
            seq += "- item \(i)\n"
            map += "key\(i): \(i)\n"
        }
        let clock = ContinuousClock()
        var counts: [Int] = []
        let elapsed = clock.measure {
            if case .sequence(let items)? = load(seq).documents.first?.root.content { counts.append(items.count) }
            if case .mapping(let pairs)? = load(map).documents.first?.root.content { counts.append(pairs.count) }
        }
        #expect(counts == [100_000, 100_000])
        #expect(elapsed < .seconds(60))
    }
}
