import Foundation
import LadderModel
import Testing
import LadderOutput

/// The sink reports are streamed through: what it writes, when it writes, and how it fails.
@Suite struct ByteSinkTests {
    /// Documents with every shape the reporters stream: empty and full arrays and objects,
    /// lazy items, nested lists, strings that need escapes.
    static func documents() -> [StreamedJSON] { [
        .value(.null),
        .object([]),
        .items(0) { _ in .null },
        .object([
            ("tool", .value(.object([("name", .string("ladderlint")), ("version", .string("1.0.0"))]))),
            ("findings", .items(3) { i in .object([("n", .int(i)), ("message", .string("a \"quote\"\n\\ \u{1}")), ("empty", .array([]))]) }),
            ("nothing", .items(0) { _ in .int(1) }),
            ("runs", .list([.object([("results", .items(2) { .array([.int($0), .number(0.5)]) })]), .list([])])),
            ("metrics", .object([("ladders", .items(1) { _ in .object([]) })])),
            ("written", .written(3) { i, o in Self.writeElement(i, &o) }),
            ("written-none", .written(0) { _, _ in }),
        ]),
        .written(2) { i, o in Self.writeElement(i, &o) },
    ] }

    /// An element written through `JSONOut`: nested, empty and full objects and arrays, every
    /// kind of value, a string that needs escapes; element 0 is an empty object.
    static func writeElement(_ i: Int, _ o: inout JSONOut) {
        o.object { o in
            guard i > 0 else { return }
            o.key("id")
            o.value(.string("ladder \(i) \"q\"\n"))
            o.key("empty_object")
            o.object { _ in }
            o.key("empty_array")
            o.array { _ in }
            o.key("rows")
            o.array { o in
                for k in 0..<i {
                    o.object { o in
                        o.key("k")
                        o.value(.int(k))
                        o.key("ratio")
                        o.value(.number(Double(k) / 3))
                        o.key("none")
                        o.value(.null)
                        o.key("levels")
                        o.array { o in for l in 0..<k { o.value(.string("l\(l)")) } }
                    }
                }
            }
            o.key("flag")
            o.value(.bool(i % 2 == 0))
        }
    }

    @Test(arguments: [0, -1])
    func streamingWritesTheBytesOfTheWholeTree(indent: Int) {
        for doc in Self.documents() {
            let sink = ByteSink()
            sink.write(doc, indent: indent)
            #expect(sink.string() == doc.materialized.encoded(pretty: indent >= 0))
        }
    }

    /// Long arrays are encoded a batch at a time by several threads: the bytes must not depend
    /// on the number of threads, for lengths around every batch and worker boundary.
    @Test(arguments: [1, 2, 3, 5, 8])
    func encodingInParallelWritesTheSameBytes(workers: Int) {
        // With two workers, past 1,024 items a batch grows beyond 16 a worker; past 16,384, it stops at 256.
        for count in [0, 1, 15, 16, 17, 31, 32, 33, 47, 79, 80, 81, 200, 1001, 1025, 4099, 70001] {
            let doc = StreamedJSON.object([
                ("findings", .items(count) { i in .object([("n", .int(i)), ("text", .string("item \(i) \u{2}"))]) }),
                ("written", .written(count) { i, o in Self.writeElement(i % 4, &o) }),
                ("after", .value(.array([.int(count)]))),
            ])
            let sink = ByteSink()
            sink.workers = workers
            sink.write(doc, indent: 0)
            #expect(sink.string() == doc.materialized.encoded(pretty: true), "\(count) items, \(workers) workers")
        }
    }

    @Test func aFileSinkWritesAsItFillsAndFlushesTheRest() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bytesink-\(UUID().uuidString)").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer { unlink(path) }
        let sink = ByteSink(fileDescriptor: fd, flushAt: 100)
        let piece = String(repeating: "x", count: 60)
        sink.write(piece)
        #expect(fileSize(path) == 0, "below the threshold nothing is written yet")
        sink.write(piece)
        #expect(fileSize(path) == 120, "past the threshold the buffer is written out")
        sink.write("tail\n")
        sink.flush()
        close(fd)
        #expect(sink.failure == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == piece + piece + "tail\n")
    }

    @Test func aFailedWriteIsRecordedAndLaterWritesAreDropped() {
        let fd = open("/dev/null", O_RDONLY)
        defer { close(fd) }
        let sink = ByteSink(fileDescriptor: fd, flushAt: 4)
        sink.write("more than four bytes")
        sink.write("and more")
        sink.flush()
        #expect(sink.failure == EBADF)
    }

    func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }
}
