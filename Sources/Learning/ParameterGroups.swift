import Foundation
import LinearAlgebra

/// Runs work over the parameters of a store in groups, one per core, at the same time.
///
/// The indices `0..<sizes.count` are cut into contiguous groups whose entry counts
/// (`sizes`) are about equal, one group per core. Below ``minimumWork`` entries in all,
/// the hand-off costs more than it saves and everything runs on the calling thread. The
/// body must touch only the slots of its own indices; while the groups run, matrix kernels
/// stay on their group's thread (`KernelThreads.confined` of LinearAlgebra).
enum ParameterGroups {
    /// Entries from which the work is split (a transformer layer of width 64 has about 50 000).
    static let minimumWork = 1 << 15

    /// The groups: contiguous index ranges covering `0..<sizes.count` in order.
    static func ranges(sizes: [Int], count: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        guard count > 1, sizes.count > 1, total > 0 else { return [0..<sizes.count] }
        var ranges: [Range<Int>] = []
        var start = 0, cumulative = 0
        for (i, size) in sizes.enumerated() {
            cumulative += size
            // Close a group once it reaches its share of the entries (the last takes the rest).
            if ranges.count < count - 1 && cumulative * count >= total * (ranges.count + 1) && i + 1 < sizes.count {
                ranges.append(start..<(i + 1))
                start = i + 1
            }
        }
        ranges.append(start..<sizes.count)
        return ranges
    }

    static func run(sizes: [Int], _ body: (Range<Int>) -> Void) {
        let groups = sizes.reduce(0, +) < minimumWork ? [0..<sizes.count] : ranges(sizes: sizes, count: DataParallel.cores)
        if groups.count == 1 {
            body(groups[0])
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            // Every kernel stays on its group's thread (OpenBLAS at one thread).
            KernelThreads.confined {
                DispatchQueue.concurrentPerform(iterations: groups.count) { g in shared.value(groups[g]) }
            }
        }
    }
}

/// A value handed to concurrent workers that the compiler cannot prove safe to share; the
/// caller states why it is (each worker touches its own slots).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
