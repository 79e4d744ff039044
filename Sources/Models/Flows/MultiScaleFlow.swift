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
    /// Features of the first flow's output sent to the prior.
    public let factored: [Int]
    /// Features passed on to the second flow, in its input order.
    public let kept: [Int]

    public init(first: Flow, factored: [Int], kept: [Int], second: Flow) {
        precondition(
            Set(factored).isDisjoint(with: kept) && Set(factored + kept) == Set(0..<first.features) && second.features == kept.count,
            "MultiScaleFlow: factored and kept features must partition the first flow's \(first.features) outputs, and the second flow must take \(kept.count)")
        self.first = first
        self.second = second
        self.factored = factored
        self.kept = kept
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func logDensity(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        let a = first.forward(x, parameters)
        let d = withoutDerivative(at: first.features)
        let out = a.y * withoutDerivative(at: CouplingSplit.selection(factored, features: d))
        let rest = a.y * withoutDerivative(at: CouplingSplit.selection(kept, features: d))
        let b = second.forward(rest, parameters)
        return standardNormalLogDensity(out) + standardNormalLogDensity(b.y) + a.logDet + b.logDet
    }

    @differentiable(reverse, wrt: parameters)
    public func negativeLogLikelihood(_ x: Matrix, _ parameters: Parameters) -> Double {
        -logDensity(x, parameters).mean()
    }

    /// `count` samples: prior draws for both parts, pushed back through both flows.
    public func sample(_ count: Int, _ parameters: Parameters, using generator: inout SeededGenerator) throws -> Matrix {
        let d = first.features
        let out = Matrix.randomNormal(count, factored.count, using: &generator)
        let rest = try second.inverse(Matrix.randomNormal(count, kept.count, using: &generator), parameters)
        let y = out.timesTransposed(CouplingSplit.selection(factored, features: d)) + rest.timesTransposed(CouplingSplit.selection(kept, features: d))
        return try first.inverse(y, parameters)
    }

    /// `x` → (`z_out`, `z₂`) → `x`, for checking invertibility.
    public func roundTrip(_ x: Matrix, _ parameters: Parameters) throws -> Matrix {
        let d = first.features
        let y = first.forward(x, parameters).y
        let z2 = second.forward(y * CouplingSplit.selection(kept, features: d), parameters).y
        let back = (y * CouplingSplit.selection(factored, features: d)).timesTransposed(CouplingSplit.selection(factored, features: d))
            + (try second.inverse(z2, parameters)).timesTransposed(CouplingSplit.selection(kept, features: d))
        return try first.inverse(back, parameters)
    }
}
