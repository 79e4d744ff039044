import LinearAlgebra

/// The record of a training run: the loss before each step's update and the gradient norm.
public struct TrainingHistory: Sendable, Hashable, Codable {
    /// `losses[k]` is the loss of step `k`'s batch at the parameters before step `k`.
    public var losses: [Double] = []
    /// The gradient norm of each step, before clipping.
    public var gradientNorms: [Double] = []

    public init() {}

    /// The mean loss of the last `count` steps (less noisy than the last one).
    public func recentLoss(_ count: Int = 50) -> Double {
        let tail = losses.suffix(max(1, count))
        return tail.reduce(0, +) / Double(tail.count)
    }
}

/// Why training stopped early.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss or its gradient became NaN or infinite at `step` (0-based).
    case nonFinite(step: Int, loss: Double, lastFiniteLoss: Double?)

    public var description: String {
        switch self {
        case let .nonFinite(step, loss, last):
            let before = last.map { "; the last finite loss was \($0) at step \(step - 1)" } ?? "; no step had a finite loss"
            return "training diverged: the loss is \(loss) at step \(step)\(before). Lower the learning rate, clip gradients, or check the model for log(0) or exp overflow"
        }
    }
}

/// Trains `parameters` for `steps` steps: each step draws a batch with `batch(step)`,
/// differentiates `loss(parameters, batch)`, optionally clips the gradient to norm
/// `clipNorm`, and lets `optimizer` update the parameters in place.
///
/// With `split`, each batch is cut into parts that are differentiated at the same time,
/// one per core, and combined by their shares (``valueWithGradient(at:parts:of:)``):
/// the same training up to rounding, for a loss that is a mean over examples each
/// depending on itself alone (see ``DataParallel``).
///
/// Stops with ``TrainingError/nonFinite(step:loss:lastFiniteLoss:)`` — the step number and
/// the last finite loss — when the loss or the gradient norm is NaN or infinite, before
/// that step's update, so `parameters` keeps its last finite values.
@discardableResult
public func train<Batch>(
    _ parameters: inout Parameters,
    optimizer: inout some Optimizer,
    steps: Int,
    clipNorm: Double? = nil,
    batch: (Int) -> Batch,
    split: ((Batch) -> [BatchPart<Batch>])? = nil,
    loss: @differentiable(reverse) (Parameters, @noDerivative Batch) -> Double
) throws -> TrainingHistory {
    var history = TrainingHistory()
    history.losses.reserveCapacity(steps)
    history.gradientNorms.reserveCapacity(steps)
    for step in 0..<steps {
        let data = batch(step)
        let (value, gradient) = if let split {
            valueWithGradient(at: parameters, parts: split(data), of: loss)
        } else {
            valueWithGradient(at: parameters) { p in loss(p, data) }
        }
        let norm = gradient.norm
        guard value.isFinite, norm.isFinite else {
            throw TrainingError.nonFinite(step: step, loss: value.isFinite ? .nan : value, lastFiniteLoss: history.losses.last)
        }
        history.losses.append(value)
        history.gradientNorms.append(norm)
        optimizer.update(&parameters, along: clipNorm.map { gradient.clipped(toNorm: $0) } ?? gradient)
    }
    return history
}
