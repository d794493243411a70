import LadderModel
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes: bytes gathered in one buffer and, for a file descriptor, written out
/// each time the buffer fills, so a large report (hundreds of MB for an audit of ten thousand
/// organisations) never exists whole in memory. Hand-written because Foundation's
/// `FileHandle` takes `Data`, which would copy every piece once more.
public final class ByteSink {
    private var buffer: JSONBytes
    private let fd: Int32?
    private let flushAt: Int
    /// The `errno` of the first write that failed; nothing is written after it.
    public private(set) var failure: Int32?
    /// Threads that encode the elements of long `items` arrays, a batch at a time, each into its
    /// own buffer, written in order: the bytes are the same for any number.
    public var workers = 1

    /// A sink that keeps everything in memory, for `string()`.
    public init() {
        buffer = JSONBytes()
        fd = nil
        flushAt = .max
    }

    /// A sink that writes to `fileDescriptor` (not closed here) whenever `flushAt` bytes wait.
    public init(fileDescriptor: Int32, flushAt: Int = 1 << 16) {
        buffer = JSONBytes(capacity: flushAt + 4096)
        fd = fileDescriptor
        self.flushAt = flushAt
    }

    deinit { buffer.free() }

    public func write(_ text: String) {
        buffer.append(text)
        spill()
    }

    /// A JSON value, pretty-printed as if it stood at nesting depth `indent` (-1: one line).
    public func write(_ value: JSONValue, indent: Int) {
        value.write(to: &buffer, indent: indent)
        spill()
    }

    /// A JSON document whose large arrays are built one element at a time as they are written.
    public func write(_ json: StreamedJSON, indent: Int) {
        let inner = indent < 0 ? -1 : indent + 1
        switch json {
        case .value(let v):
            write(v, indent: indent)
        case .object(let pairs):
            if pairs.isEmpty { buffer.append("{}"); return }
            buffer.byte(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { buffer.byte(UInt8(ascii: ",")) }
                buffer.newline(inner)
                buffer.quote(key)
                buffer.append(indent < 0 ? ":" : ": ")
                write(value, indent: inner)
            }
            buffer.newline(indent)
            buffer.byte(UInt8(ascii: "}"))
        case .list(let items):
            array(items.count, indent: indent) { write(items[$0], indent: inner) }
        case .items(let count, let element):
            elements(count, indent: indent) { i, out, indent in element(i).write(to: &out, indent: indent) }
        case .written(let count, let element):
            elements(count, indent: indent) { i, out, indent in
                var o = JSONOut(appendingTo: out, indent: indent)
                element(i, &o)
                out = o.written
            }
        }
    }

    /// An array of `count` elements, each written by `element(i, &bytes, indent)`.
    private func elements(_ count: Int, indent: Int, _ element: @escaping @Sendable (Int, inout JSONBytes, Int) -> Void) {
        let inner = indent < 0 ? -1 : indent + 1
        if workers > 1 && count > Self.smallestBatch {
            parallelArray(count, indent: indent, element)
        } else {
            array(count, indent: indent) {
                element($0, &buffer, inner)
                spill()
            }
        }
    }

    private func array(_ count: Int, indent: Int, _ element: (Int) -> Void) {
        if count == 0 { buffer.append("[]"); return }
        buffer.byte(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 { buffer.byte(UInt8(ascii: ",")) }
            buffer.newline(indent < 0 ? -1 : indent + 1)
            element(i)
        }
        buffer.newline(indent)
        buffer.byte(UInt8(ascii: "]"))
    }

    /// Elements per worker and batch: at least 16, and enough for the array to take about 32
    /// batches, each one wait for every worker and a write; at most 256 (for an audit's metrics,
    /// about 4 MB a worker). Sixteen at a time, an audit of 10,000 ladders waited 1,500 times,
    /// with the other core idle while the parts were written out.
    static let smallestBatch = 16

    static func batch(_ count: Int, workers: Int) -> Int { min(256, max(smallestBatch, count / (workers * 32))) }

    private func parallelArray(_ count: Int, indent: Int, _ element: @escaping @Sendable (Int, inout JSONBytes, Int) -> Void) {
        let inner = indent < 0 ? -1 : indent + 1
        let parts = EncodedParts(workers)
        buffer.byte(UInt8(ascii: "["))
        let step = Self.batch(count, workers: workers) * workers
        var start = 0
        while start < count {
            let end = min(count, start + step)
            let per = (end - start + workers - 1) / workers
            let base = start
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var out = JSONBytes(capacity: 1 << 14)
                let low = min(end, base + w * per)
                for i in low..<min(end, low + per) {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.newline(inner)
                    element(i, &out, inner)
                }
                parts.set(w, out)
            }
            for w in 0..<workers {
                let part = parts.take(w)
                buffer.append(part.bytes)
                part.free()
                spill()
            }
            start = end
        }
        buffer.newline(indent)
        buffer.byte(UInt8(ascii: "]"))
    }

    /// Writes out what waits in the buffer (a memory sink keeps it).
    public func flush() {
        guard let fd, buffer.count > 0 else { return }
        if failure == nil {
            let bytes = buffer.bytes
            var done = 0
            while done < bytes.count {
                let n = Self.writeSome(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                done += n
            }
        }
        buffer.removeAll()
    }

    private static func writeSome(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, p, n)
        #else
        return Darwin.write(fd, p, n)
        #endif
    }

    @inline(__always) private func spill() {
        if buffer.count >= flushAt { flush() }
    }

    /// Everything written to a memory sink.
    public func string() -> String { buffer.string() }
}

/// A JSON document to stream: plain values, objects, and arrays whose elements are made one at
/// a time (`items`), so only one finding or one ladder's metrics is ever built as a tree.
public indirect enum StreamedJSON {
    case value(JSONValue)
    case object([(String, StreamedJSON)])
    case list([StreamedJSON])
    case items(Int, @Sendable (Int) -> JSONValue)
    /// Like `items`, each element written through a `JSONOut` rather than built as a tree.
    case written(Int, @Sendable (Int, inout JSONOut) -> Void)

    /// The whole document as one tree, for tests and callers that want to look inside it.
    public var materialized: JSONValue {
        switch self {
        case .value(let v): return v
        case .object(let pairs): return .object(pairs.map { ($0.0, $0.1.materialized) })
        case .list(let items): return .array(items.map(\.materialized))
        case .items(let n, let element): return .array((0..<n).map(element))
        case .written(let n, let element):
            return .array((0..<n).map { i in
                var o = JSONOut()
                element(i, &o)
                return o.value
            })
        }
    }
}

/// One encoded buffer per worker of a batch; each worker writes only its own slot.
private final class EncodedParts: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<JSONBytes?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ part: JSONBytes) { slots[i] = part }

    func take(_ i: Int) -> JSONBytes {
        let part = slots[i]!
        slots[i] = nil
        return part
    }
}
