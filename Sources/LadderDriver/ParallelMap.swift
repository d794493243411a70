import Foundation

/// Maps over an array with up to `jobs` threads, keeping the input order in the result.
/// Hand-written over Dispatch because the work is synchronous C parsing: no async needed.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ body: @Sendable (T) -> R) -> [R] {
        let n = items.count
        guard n > 0 else { return [] }
        let workers = max(1, min(jobs, n))
        if workers == 1 { return items.map(body) }
        let results = ResultSlots<R>(count: n)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.take()
                if i >= n { break }
                results.set(i, body(items[i]))
            }
        }
        return results.values()
    }
}

extension ParallelMap {
    /// Like `map`, but takes the items out of `items` (left empty) and releases each one as soon
    /// as it is done, so memory held by the inputs falls as the results come in.
    static func map<T: Sendable, R: Sendable>(taking items: inout [T], jobs: Int, _ body: @Sendable (T) -> R) -> [R] {
        let inputs = TakeSlots(items)
        items = []
        let n = inputs.count
        return map(Array(0..<n), jobs: jobs) { i in body(inputs.take(i)) }
    }
}

/// Items taken once each, by index, from several threads; a taken slot no longer holds its item.
private final class TakeSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(_ items: [T]) { slots = items.map { $0 } }

    var count: Int { slots.count }

    func take(_ i: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let item = slots[i]!
        slots[i] = nil
        return item
    }
}

/// Slots written once each, by index, from several threads: no two threads write one slot.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func values() -> [R] { slots.map { $0! } }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
