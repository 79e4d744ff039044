import Learning
import LinearAlgebra

/// A two-scale flow (RealNVP's multi-scale architecture): a first flow on all features,
/// then half of its output is *factored out* — sent straight to the standard-normal prior —
/// and a second flow continues on the rest. Later layers cost less, and the factored-out
/// features model coarse structure while the kept ones are refined further.
///
/// `log p(x) = log N(z_out) + log N(z₂) + log|det J₁| + log|det J₂|`, with `y = f₁(x)`,
/// `z_out` the ``factored`` features of `y` and `z₂ = f₂(kept features of y)`.
public struct MultiScaleFlow: Sendable, Codable {
    public let first: Flow
    public let second: Flow
    /// Which outputs of the first flow are factored out (`conditioning`) and which go on
    /// to the second flow (`transformed`, in its input order) — the same partition and
    /// selection matrices a coupling layer uses.
    let split: CouplingSplit

    /// Features of the first flow's output sent to the prior.
    public var factored: [Int] { split.conditioning }
    /// Features passed on to the second flow, in its input order.
    public var kept: [Int] { split.transformed }

    public init(first: Flow, factored: [Int], kept: [Int], second: Flow) {
        precondition(
            second.features == kept.count,
            "MultiScaleFlow: the second flow takes \(second.features) features but \(kept.count) are kept")
        self.first = first
        self.second = second
        split = CouplingSplit(features: first.features, conditioning: factored, transformed: kept)
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func logDensity(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        let a = first.forward(x, parameters)
        let b = second.forward(split.transformedPart(a.y), parameters)
        return standardNormalLogDensity(split.conditioningPart(a.y)) + standardNormalLogDensity(b.y) + a.logDet + b.logDet
    }

    @differentiable(reverse, wrt: parameters)
    public func negativeLogLikelihood(_ x: Matrix, _ parameters: Parameters) -> Double {
        -logDensity(x, parameters).mean()
    }

    /// `count` samples: prior draws for both parts, pushed back through both flows.
    public func sample(_ count: Int, _ parameters: Parameters, using generator: inout SeededGenerator) throws -> Matrix {
        let out = Matrix.randomNormal(count, factored.count, using: &generator)
        let rest = try second.inverse(Matrix.randomNormal(count, kept.count, using: &generator), parameters)
        return try first.inverse(split.join(conditioning: out, transformed: rest), parameters)
    }

    /// `x` → (`z_out`, `z₂`) → `x`, for checking invertibility.
    public func roundTrip(_ x: Matrix, _ parameters: Parameters) throws -> Matrix {
        let y = first.forward(x, parameters).y
        let z2 = second.forward(split.transformedPart(y), parameters).y
        return try first.inverse(split.join(conditioning: split.conditioningPart(y), transformed: try second.inverse(z2, parameters)), parameters)
    }
}
