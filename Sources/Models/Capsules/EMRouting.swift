import Foundation
import LinearAlgebra

/// EM routing between two layers of capsules, Procedure 1 of Hinton, Sabour and Frosst,
/// "Matrix capsules with EM routing" (ICLR 2018).
///
/// Inputs: `N` lower capsules with activations `aᵢ ∈ [0, 1]` and votes `Vᵢⱼ ∈ ℝʰ` for each
/// of `M` higher capsules. Each higher capsule is a Gaussian with diagonal covariance, fitted
/// to the votes it receives, weighted by how much each lower capsule is assigned to it.
/// Starting from `Rᵢⱼ = 1/M`, each iteration does
///
/// - **M-step** (per higher capsule `j`): weights `rᵢⱼ = Rᵢⱼ aᵢ`; mean
///   `μⱼ = Σᵢ rᵢⱼ Vᵢⱼ / Σᵢ rᵢⱼ`; variance `σⱼ² = Σᵢ rᵢⱼ (Vᵢⱼ − μⱼ)² / Σᵢ rᵢⱼ` (per coordinate,
///   plus ``varianceFloor``); cost `costⱼʰ = (βᵥ + log σⱼʰ) Σᵢ rᵢⱼ`; activation
///   `aⱼ = logistic(λ (βₐ − Σₕ costⱼʰ))`.
/// - **E-step** (per lower capsule `i`): `Rᵢⱼ = aⱼ pᵢⱼ / Σₖ aₖ pᵢₖ` with `pᵢⱼ` the Gaussian
///   density of `Vᵢⱼ` under capsule `j`, computed in log space (`log aⱼ + log pᵢⱼ`, then a
///   stable softmax over `j`), so no density underflows.
///
/// **Variant.** ``Variant/paper`` uses `rᵢⱼ = Rᵢⱼ aᵢ` as written. Several public
/// implementations instead renormalise `Rᵢⱼ aᵢ` over the higher capsules `j`
/// (``Variant/renormalized``); since `Σⱼ Rᵢⱼ = 1` that divides by `aᵢ` and the input
/// activations cancel entirely.
///
/// The inverse temperature `λ` follows ``inverseTemperatures`` (one per iteration; the
/// paper raises it over the iterations). `βᵥ`, `βₐ` are learned per layer in a network and
/// fixed here.
public struct EMRouting: Sendable {
    public enum Variant: String, Sendable, CaseIterable {
        case paper, renormalized
    }

    /// `λ` of each iteration; their count is the number of iterations.
    public var inverseTemperatures: [Double]
    public var betaV: Double
    public var betaA: Double
    public var variant: Variant
    /// Added to every variance, so a capsule that receives identical votes has finite cost.
    public var varianceFloor: Double

    public init(
        inverseTemperatures: [Double] = [1, 2, 3], betaV: Double = 0, betaA: Double = 0, variant: Variant = .paper,
        varianceFloor: Double = 1e-6
    ) {
        self.inverseTemperatures = inverseTemperatures
        self.betaV = betaV
        self.betaA = betaA
        self.variant = variant
        self.varianceFloor = varianceFloor
    }

    /// What one iteration produced.
    public struct Iteration: Sendable {
        public let means: [Vector]
        public let variances: [Vector]
        /// `aⱼ`, the higher capsules' activations.
        public let activations: [Double]
        /// `Rᵢⱼ` after the iteration's E-step (N × M).
        public let assignments: Matrix
        /// `Σᵢ aᵢ log Σⱼ aⱼ pᵢⱼ`: the input-weighted log-likelihood of the votes under the
        /// mixture with weights `aⱼ` (not normalised to sum to one), at this M-step's fit.
        public let logLikelihood: Double
        /// `Σⱼ Σₕ costⱼʰ`, the total description cost of this M-step.
        public let cost: Double
    }

    /// Runs the routing; returns every iteration (the last is the result).
    public func route(votes: [[Vector]], activations: [Double]) throws -> [Iteration] {
        let function = "EMRouting.route"
        let n = votes.count
        guard n > 0, let m = votes.first?.count, m > 0, let h = votes.first?.first?.count, h > 0 else {
            throw CapsuleError.shape(function: function, detail: "needs at least one lower capsule, one higher capsule and one pose coordinate")
        }
        for (i, row) in votes.enumerated() {
            guard row.count == m, row.allSatisfy({ $0.count == h }) else {
                throw CapsuleError.shape(function: function, detail: "lower capsule \(i) does not have \(m) votes of \(h) numbers like capsule 0")
            }
            guard row.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                throw CapsuleError.shape(function: function, detail: "the votes of lower capsule \(i) contain NaN or infinity")
            }
        }
        guard activations.count == n else {
            throw CapsuleError.shape(function: function, detail: "\(activations.count) activations for \(n) lower capsules")
        }
        for (i, a) in activations.enumerated() where !(a >= 0 && a <= 1) {
            throw CapsuleError.activation(function: function, index: i, value: a)
        }
        guard !inverseTemperatures.isEmpty, inverseTemperatures.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw CapsuleError.setting(function: function, detail: "needs at least one iteration, each with a positive finite inverse temperature λ")
        }
        guard varianceFloor >= 0, varianceFloor.isFinite else {
            throw CapsuleError.setting(function: function, detail: "the variance floor must be finite and not negative")
        }

        var r = Matrix(rows: n, columns: m, repeating: 1 / Double(m))
        var iterations: [Iteration] = []
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        for lambda in inverseTemperatures {
            // M-step.
            var weights = Matrix(rows: n, columns: m)
            for i in 0..<n {
                for j in 0..<m { weights[i, j] = r[i, j] * activations[i] }
                if variant == .renormalized {
                    let total = (0..<m).reduce(0) { $0 + weights[i, $1] }
                    for j in 0..<m { weights[i, j] = total > 0 ? weights[i, j] / total : 1 / Double(m) }
                }
            }
            var means: [Vector] = [], variances: [Vector] = [], outActivations: [Double] = []
            var totalCost = 0.0
            for j in 0..<m {
                let mass = max((0..<n).reduce(0) { $0 + weights[$1, j] }, .leastNormalMagnitude)
                var mu = Vector.zeros(h)
                for i in 0..<n { mu += (weights[i, j] / mass) * votes[i][j] }
                var variance = Vector(repeating: varianceFloor, count: h)
                for i in 0..<n {
                    let difference = votes[i][j] - mu
                    for k in 0..<h { variance[k] += weights[i, j] / mass * difference[k] * difference[k] }
                }
                let cost = (0..<h).reduce(0) { $0 + (betaV + 0.5 * log(variance[$1])) * mass }
                totalCost += cost
                means.append(mu)
                variances.append(variance)
                outActivations.append(1 / (1 + exp(-lambda * (betaA - cost))))
            }
            // E-step, in log space.
            var logLikelihood = 0.0
            for i in 0..<n {
                var logits = [Double](repeating: 0, count: m)
                for j in 0..<m {
                    var logP = 0.0
                    let difference = votes[i][j] - means[j]
                    for k in 0..<h {
                        logP -= difference[k] * difference[k] / (2 * variances[j][k]) + 0.5 * log(variances[j][k]) + halfLog2Pi
                    }
                    logits[j] = log(max(outActivations[j], .leastNormalMagnitude)) + logP
                }
                let top = logits.max()!
                let total = logits.reduce(0) { $0 + exp($1 - top) }
                for j in 0..<m { r[i, j] = exp(logits[j] - top) / total }
                logLikelihood += activations[i] * (top + log(total))
            }
            iterations.append(
                Iteration(
                    means: means, variances: variances, activations: outActivations, assignments: r,
                    logLikelihood: logLikelihood, cost: totalCost))
        }
        return iterations
    }
}
