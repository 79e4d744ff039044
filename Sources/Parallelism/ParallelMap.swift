import Foundation

/// `map` over all cores for independent, CPU-bound work (parsing and rendering articles).
public enum ParallelMap {
    /// `transform` applied to every element, concurrently (at most `maxConcurrency` at a
    /// time when given); the result keeps the order.
    public static func map<T: Sendable, R>(
        _ items: [T], maxConcurrency: Int? = nil, _ transform: @Sendable (T) -> R
    ) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let gate = maxConcurrency.map { DispatchSemaphore(value: max(1, $0)) }
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            gate?.wait()
            defer { gate?.signal() }
            slots.set(i, transform(items[i]))
        }
        return slots.values
    }

    private final class Slots<R>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [R?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: R) { lock.withLock { storage[i] = value } }
        var values: [R] { lock.withLock { storage.map { $0! } } }
    }
}
