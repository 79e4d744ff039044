import Foundation

/// Splits row-wise work across the machine's cores when there is enough of it.
///
/// Below `minimumWork` entries (2¹⁶) the hand-off costs more than it saves and `body` runs
/// once on the calling thread with all rows. Above, the rows are cut into one contiguous
/// block per core, run concurrently; `body` must only touch its own rows.
enum RowBlocks {
    static let minimumWork = 1 << 16
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func run(rows: Int, work: Int, _ body: (Range<Int>) -> Void) {
        let blocks = work < minimumWork ? 1 : Swift.min(cores, rows)
        if blocks <= 1 {
            body(0..<rows)
            return
        }
        withoutActuallyEscaping(body) { body in
            // Each block touches its own rows only (the caller's promise), so sharing the
            // closure across the worker threads is safe.
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                shared.value((rows * b / blocks)..<(rows * (b + 1) / blocks))
            }
        }
    }
}

/// A value handed to concurrent workers that the compiler cannot prove safe to share.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
