import Foundation
import LinearAlgebra

/// One part of a batch, with its share of the batch's examples.
///
/// A batch cut into parts is differentiated one part per core by
/// ``valueWithGradient(at:parts:of:)`` and by ``train(_:optimizer:steps:clipNorm:batch:split:loss:)``.
/// The shares of one batch's parts add up to 1.
public struct BatchPart<Batch> {
    /// The examples of this part.
    public var batch: Batch
    /// The fraction of the whole batch's examples that are in this part, in (0, 1].
    public var share: Double

    public init(_ batch: Batch, share: Double) {
        self.batch = batch
        self.share = share
    }

    /// The same part with its examples transformed (a range of rows into the rows, say).
    public func map<Other>(_ transform: (Batch) throws -> Other) rethrows -> BatchPart<Other> {
        BatchPart<Other>(try transform(batch), share: share)
    }
}

extension BatchPart where Batch == Range<Int> {
    /// The rows `0..<rows`, in whole groups of `groupSize` consecutive rows (the tokens of
    /// one sequence, say), cut into at most `count` contiguous ranges whose group counts
    /// differ by at most one; never an empty range. Each range's share is its fraction of
    /// the rows. `count` defaults to the machine's cores.
    public static func rowRanges(rows: Int, groupSize: Int = 1, count: Int = DataParallel.cores) -> [BatchPart<Range<Int>>] {
        precondition(groupSize > 0 && rows > 0 && rows % groupSize == 0,
                     "BatchPart.rowRanges: \(rows) rows are not whole groups of \(groupSize)")
        precondition(count > 0, "BatchPart.rowRanges: \(count) parts; ask for at least one")
        let groups = rows / groupSize, parts = min(count, groups)
        return (0..<parts).map { k in
            let range = (groups * k / parts * groupSize)..<(groups * (k + 1) / parts * groupSize)
            return BatchPart(range, share: Double(range.count) / Double(rows))
        }
    }
}

/// Data parallelism on one machine: the parts of a batch differentiated at the same time,
/// one per core, their losses and gradients combined by their shares.
///
/// **When it is exact.** The loss must be a mean over the batch's examples of a loss per
/// example that depends on that example alone (mean squared error, cross-entropy, a
/// negative log-likelihood; attention *within* a sequence is fine when every part holds
/// whole sequences). Then the whole batch's loss is `Σₖ shareₖ · loss(partₖ)` and its
/// gradient the same sum of the parts' gradients, equal to differentiating the whole batch
/// up to rounding (tested to 1e-12 relative). A loss that mixes examples — batch
/// normalisation, a contrastive loss over the batch — is *not* split correctly.
///
/// **Threads.** Each part runs on its own thread with every kernel confined to it
/// (`KernelThreads.confined` of LinearAlgebra): on two cores a transformer step of 32
/// sequences took 14.5–18 ms in two parts against 21–25 ms whole with two-threaded
/// products (`Benchmarks/training.py`). The loss closure is called concurrently: it must not
/// mutate anything it captures.
public enum DataParallel {
    /// The cores of this machine: the default number of parts.
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// The loss over a whole batch and its gradient at `parameters`, computed part by part,
/// all parts at once (see ``DataParallel``). The value is `Σₖ shareₖ · loss(parameters,
/// partₖ)`, the gradient likewise. The shares must add up to 1 (within 1e-9).
public func valueWithGradient<Batch>(
    at parameters: Parameters,
    parts: [BatchPart<Batch>],
    of loss: @differentiable(reverse) (Parameters, @noDerivative Batch) -> Double
) -> (value: Double, gradient: Parameters.TangentVector) {
    precondition(!parts.isEmpty, "valueWithGradient(at:parts:of:): no parts; a batch needs at least one")
    let total = parts.reduce(0) { $0 + $1.share }
    precondition(parts.allSatisfy { $0.share > 0 } && abs(total - 1) <= 1e-9,
                 "valueWithGradient(at:parts:of:): the parts' shares are \(parts.map(\.share)), which do not add up to 1")
    if parts.count == 1 {
        return valueWithGradient(at: parameters) { p in loss(p, parts[0].batch) }
    }
    let results = PartResults(count: parts.count)
    func differentiate(_ k: Int) {
        let part = parts[k]
        let (value, gradient) = valueWithGradient(at: parameters) { p in loss(p, part.batch) }
        results.set(k, value * part.share, gradient.scaled(by: part.share))
    }
    withoutActuallyEscaping(differentiate) { differentiate in
        // Each part reads the shared parameters, batch and loss (copy-on-write values and
        // a closure that must not mutate what it captures) and writes its own slot.
        let work = UncheckedSendable(differentiate)
        KernelThreads.confined {
            DispatchQueue.concurrentPerform(iterations: parts.count) { k in work.value(k) }
        }
    }
    return results.sum()
}

/// A value handed to the worker threads that the compiler cannot prove safe to share.

/// One slot per part, written once each by its worker.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double]
    private var gradients: [Parameters.TangentVector]

    init(count: Int) {
        values = Array(repeating: 0, count: count)
        gradients = Array(repeating: .zero, count: count)
    }

    func set(_ k: Int, _ value: Double, _ gradient: Parameters.TangentVector) {
        lock.lock()
        defer { lock.unlock() }
        values[k] = value
        gradients[k] = gradient
    }

    /// The sums over the parts, in part order (so the result does not depend on which
    /// part finished first).
    /// The parts' values and gradients added, the parameters in groups on all cores.
    func sum() -> (value: Double, gradient: Parameters.TangentVector) {
        var sums = gradients[0].values
        let sizes = sums.map { $0.rows * $0.columns }
        let others = gradients[1...]
        sums.withUnsafeMutableBufferPointer { sums in
            ParameterGroups.run(sizes: sizes) { range in
                for i in range { for other in others { sums[i] += other.values[i] } }
            }
        }
        return (values.reduce(0, +), Parameters.TangentVector(sums))
    }
}
