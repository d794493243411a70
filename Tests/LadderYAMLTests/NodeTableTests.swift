import Foundation
import LadderYAML
import Testing

/// The ladder files are decoded from a `NodeTable` read in place through `TableNode`; every
/// other reader gets the `Node` tree converted from the same table. These tests hold the two
/// readings to each other, node by node, on every case of the YAML test suite, the sample
/// ladders and the alias and merge shapes, and check the table's own layout.
@Suite struct NodeTableTests {
    /// Walks `node` and `view` together, recording the first difference at each node.
    static func compare(_ node: Node, _ view: TableNode, _ where_: String) {
        #expect(view.span == node.span, "\(where_): span")
        #expect(view.scalarText == node.scalarText, "\(where_): text")
        #expect(view.isCollection == node.isCollection, "\(where_): collection")
        #expect(view.kindDescription == node.kindDescription, "\(where_): description")
        #expect(view.scalarValue == node.scalarValue, "\(where_): value")
        switch node.content {
        case .scalar(_, let style, let tag):
            #expect(view.kind == .scalar, "\(where_): kind")
            #expect(view.scalarStyle?.style == style && view.scalarStyle?.tagged == (tag != nil), "\(where_): style")
            #expect(view.count == 0)
        case .sequence(let items):
            #expect(view.kind == .sequence, "\(where_): kind")
            #expect(view.count == items.count, "\(where_): items")
            guard view.count == items.count else { return }
            for i in items.indices {
                #expect(view.item(i).index < view.index, "\(where_)[\(i)]: children come before their parent")
                compare(items[i], view.item(i), "\(where_)[\(i)]")
            }
        case .mapping(let pairs):
            #expect(view.kind == .mapping, "\(where_): kind")
            #expect(view.count == pairs.count, "\(where_): pairs")
            guard view.count == pairs.count else { return }
            for i in pairs.indices {
                compare(pairs[i].key, view.key(i), "\(where_).key\(i)")
                compare(pairs[i].value, view.value(i), "\(where_).value\(i)")
                #expect(view.pair(at: i).anchorSpan == pairs[i].anchorSpan, "\(where_): anchor span")
                if let k = pairs[i].key.scalarText {
                    // The first pair with this key, as `Node.pair` finds it.
                    #expect(view.pair(k)?.value.span == node.pair(k)?.value.span, "\(where_): pair '\(k)'")
                }
            }
        }
    }

    /// Loads `bytes` both ways and compares every document.
    static func check(_ bytes: [UInt8], mergeKeys: Bool, _ name: String) {
        let loader = YAMLLoader(options: LoadOptions(mergeKeys: mergeKeys))
        let table = loader.loadTable(bytes)
        let trees = loader.load(bytes)
        #expect(trees.issues == table.issues, "\(name): issues")
        #expect(trees.documents.count == table.documents.count, "\(name): documents")
        withExtendedLifetime(table.table) {
            for (tree, doc) in zip(trees.documents, table.documents) {
                #expect(tree.index == doc.index)
                compare(tree.root, table.table.node(at: doc.root), "\(name)#\(doc.index)")
                #expect(table.table.isNull(doc.root) == (tree.root.scalarValue == .null))
            }
        }
    }

    @Test(.enabled(if: TestFiles.exists(TestFiles.yamlTestSuite),
        "the YAML test suite's data is in ../shared/yaml-test-suite, which only the team's machines have; the samples and fixtures below still run"))
    func everyYAMLTestSuiteCaseReadsTheSameInPlace() throws {
        let cases = try YAMLTestSuiteTests.cases()
        #expect(cases.count > 300)
        for c in cases {
            let bytes = try TestFiles.bytes(c.folder.appendingPathComponent("in.yaml"))
            Self.check(bytes, mergeKeys: false, c.id)
            Self.check(bytes, mergeKeys: true, c.id)
        }
    }

    @Test func theSampleLaddersAndFixturesReadTheSameInPlace() throws {
        var count = 0
        for folder in ["ladders", "Tests/Fixtures"] {
            let root = TestFiles.repoRoot.appendingPathComponent(folder)
            let walk = FileManager.default.enumerator(atPath: root.path)
            while let name = walk?.nextObject() as? String {
                guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                Self.check(try TestFiles.bytes(root.appendingPathComponent(name)), mergeKeys: true, "\(folder)/\(name)")
                count += 1
            }
        }
        #expect(count > 50)
    }

    @Test(arguments: [
        // An alias copies its subtree with the alias's span, keys included.
        "base: &b {min: 1, max: [2, 3]}\ncopy: *b\n",
        // Merges: explicit keys win, earlier maps over later ones, a list of maps.
        "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 9\n",
        // A merge of something that is not a mapping is reported and left out.
        "a: &s text\nb:\n  <<: *s\n  k: v\n",
        // A duplicate key keeps the first pair; a nested mapping's keys are its own.
        "k: 1\nk: 2\nm: {k: 3, j: {k: 4}}\n",
        // Tags, styles, empty values and several documents.
        "--- !!str 12\n--- \n---\n- 'a'\n- \"b\"\n- |\n  c\n- >\n  d\n- !custom e\n- ~\n",
        // A complex key.
        "? [a, b]\n: c\n",
    ])
    func aliasesMergesAndStylesReadTheSameInPlace(_ text: String) {
        Self.check(Array(text.utf8), mergeKeys: true, text)
    }

    @Test func aCollectionsChildrenAreOneBlockBeforeIt() {
        let loaded = YAMLLoader().loadTable(Array("a: [1, 2]\nb: {c: d}\n".utf8))
        let table = loaded.table
        let root = table.records[Int(loaded.documents[0].root)]
        #expect(root.kind == .mapping && root.count == 2)
        // keys and values alternate: a, [1, 2], b, {c: d}
        let block = table.records[Int(root.first)..<Int(root.first) + 4]
        #expect(block.map(\.kind) == [.scalar, .sequence, .scalar, .mapping])
        #expect(Int(root.first) + 4 <= Int(loaded.documents[0].root))
        let list = block[block.startIndex + 1]
        #expect(table.records[Int(list.first)..<Int(list.first + list.count)].map { table.texts[Int($0.first)] } == ["1", "2"])
        #expect(list.first < root.first)
    }
}
