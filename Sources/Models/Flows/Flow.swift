import Foundation
import Learning
import LinearAlgebra

/// A normalising flow: layers applied in order, `x → z`, with a standard-normal prior on
/// `z`. The density of the data is `log p(x) = log N(z; 0, I) + Σ log|det J_layer|`
/// (change of variables), and sampling runs the layers backwards from prior draws.
///
/// Built layer by layer in one `Parameters` store:
/// `var flow = Flow(features: 2); flow.append(.affine(...))`.
public struct Flow: Sendable, Codable {
    /// One layer of the flow.
    public enum Layer: Sendable, Codable {
        case additive(AdditiveCoupling)
        case affine(AffineCoupling)
        case scaling(ElementwiseScaling)
        case linear(InvertibleLinear)
        case permutation(Permutation)
    }

    public let features: Int
    public private(set) var layers: [Layer] = []
    // Each kind in its own array, reached by index (differentiation walks arrays by index).
    private var kinds: [Int] = []
    private var indices: [Int] = []
    private var additive: [AdditiveCoupling] = []
    private var affine: [AffineCoupling] = []
    private var scaling: [ElementwiseScaling] = []
    private var linear: [InvertibleLinear] = []
    private var permutations: [Permutation] = []

    public init(features: Int) { self.features = features }

    public mutating func append(_ layer: Layer) {
        layers.append(layer)
        switch layer {
        case let .additive(l): kinds.append(0); indices.append(additive.count); additive.append(l)
        case let .affine(l): kinds.append(1); indices.append(affine.count); affine.append(l)
        case let .scaling(l): kinds.append(2); indices.append(scaling.count); scaling.append(l)
        case let .linear(l): kinds.append(3); indices.append(linear.count); linear.append(l)
        case let .permutation(l): kinds.append(4); indices.append(permutations.count); permutations.append(l)
        }
    }

    /// `z` and `Σ log|det J|` per sample.
    @differentiable(reverse, wrt: (x, parameters))
    public func forward(_ x: Matrix, _ parameters: Parameters) -> FlowOutput {
        var h = x
        var logDet = withoutDerivative(at: Matrix.zeros(x.rows, 1))
        for i in withoutDerivative(at: 0..<kinds.count) {
            let step = layer(i, h, parameters)
            h = step.y
            logDet = logDet + step.logDet
        }
        return FlowOutput(y: h, logDet: logDet)
    }

    /// Layer `i` applied to `h`.
    @differentiable(reverse, wrt: (h, parameters))
    func layer(_ i: Int, _ h: Matrix, _ parameters: Parameters) -> FlowOutput {
        let kind = withoutDerivative(at: kinds[i]), index = withoutDerivative(at: indices[i])
        if kind == 0 { return additive[index].forward(h, parameters) }
        if kind == 1 { return affine[index].forward(h, parameters) }
        if kind == 2 { return scaling[index].forward(h, parameters) }
        if kind == 3 { return linear[index].forward(h, parameters) }
        return permutations[index].forward(h)
    }

    /// `x` from `z`, layers in reverse.
    public func inverse(_ z: Matrix, _ parameters: Parameters) throws -> Matrix {
        var h = z
        for layer in layers.reversed() {
            switch layer {
            case let .additive(l): h = l.inverse(h, parameters)
            case let .affine(l): h = l.inverse(h, parameters)
            case let .scaling(l): h = l.inverse(h, parameters)
            case let .linear(l): h = try l.inverse(h, parameters)
            case let .permutation(l): h = l.inverse(h)
            }
        }
        return h
    }

    /// `log p(x)` per sample, a `batch × 1` column.
    @differentiable(reverse, wrt: (x, parameters))
    public func logDensity(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        let out = forward(x, parameters)
        return standardNormalLogDensity(out.y) + out.logDet
    }

    /// The mean negative log-likelihood of a batch, in nats per sample.
    @differentiable(reverse, wrt: parameters)
    public func negativeLogLikelihood(_ x: Matrix, _ parameters: Parameters) -> Double {
        -logDensity(x, parameters).mean()
    }

    /// `count` samples: prior draws pushed through the inverse.
    public func sample(_ count: Int, _ parameters: Parameters, using generator: inout SeededGenerator) throws -> Matrix {
        try inverse(Matrix.randomNormal(count, features, using: &generator), parameters)
    }

    /// Runs data-dependent initialisation of every ActNorm layer on `batch`, in order (each
    /// sees the batch as transformed by the layers before it).
    public func initializeActNorms(on batch: Matrix, _ parameters: inout Parameters) {
        var h = batch
        for i in 0..<kinds.count {
            if kinds[i] == 2, scaling[indices[i]].bias != nil { scaling[indices[i]].initialize(from: h, &parameters) }
            h = layer(i, h, parameters).y
        }
    }
}
