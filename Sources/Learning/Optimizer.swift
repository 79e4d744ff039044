import LinearAlgebra
import RealModule

/// Updates a ``Parameters`` store along a gradient of the loss (the direction of steepest
/// *ascent*; optimizers step against it).
public protocol Optimizer {
    /// One step. Parameters whose gradient is zero (the 0×0 matrix) are left alone.
    mutating func update(_ parameters: inout Parameters, along gradient: Parameters.TangentVector)
}

/// Stochastic gradient descent, optionally with momentum:
/// `v ← μ v + g`, `θ ← θ − η v` (PyTorch's convention; `μ = 0` is plain SGD).
public struct SGD: Optimizer, Sendable {
    public var learningRate: Double
    public var momentum: Double
    private var velocity: [Matrix] = []

    public init(learningRate: Double, momentum: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public mutating func update(_ parameters: inout Parameters, along gradient: Parameters.TangentVector) {
        if momentum == 0 {
            let rate = learningRate
            parameters.update(along: gradient) { _, p, g in p.add(g, scaledBy: -rate) }
            return
        }
        if velocity.count != parameters.count { velocity = parameters.values.map { Matrix.zeros($0.rows, $0.columns) } }
        let (rate, mu) = (learningRate, momentum)
        parameters.update(along: gradient) { i, p, g in
            velocity[i] = mu * velocity[i]
            velocity[i] += g
            p.add(velocity[i], scaledBy: -rate)
        }
    }
}

/// Adam (Kingma and Ba 2015) with bias correction, as PyTorch computes it:
/// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, and with `t` the step count,
/// `θ ← θ − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)`. Defaults: `β₁ = 0.9`, `β₂ = 0.999`,
/// `ε = 1e-8`. Moments are kept per parameter and updated in place in one pass.
public struct Adam: Optimizer, Sendable {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// Steps taken so far (`t`).
    public private(set) var step = 0
    private var firstMoments: [Matrix] = []
    private var secondMoments: [Matrix] = []

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public mutating func update(_ parameters: inout Parameters, along gradient: Parameters.TangentVector) {
        if firstMoments.count != parameters.count {
            firstMoments = parameters.values.map { Matrix.zeros($0.rows, $0.columns) }
            secondMoments = firstMoments
        }
        step += 1
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        let stepSize = learningRate / (1 - Double.pow(b1, Double(step)))
        let correction2 = (1 - Double.pow(b2, Double(step))).squareRoot()
        // Each parameter's step touches its own moments only: the groups run at once.
        firstMoments.withUnsafeMutableBufferPointer { first in
            secondMoments.withUnsafeMutableBufferPointer { second in
                parameters.updateConcurrently(along: gradient) { i, p, g in
                    p.adamStep(
                        gradient: g, firstMoment: &first[i], secondMoment: &second[i],
                        beta1: b1, beta2: b2, stepSize: stepSize, correction2: correction2, epsilon: eps)
                }
            }
        }
    }
}
