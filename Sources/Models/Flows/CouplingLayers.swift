import Learning
import LinearAlgebra

/// Splits features into the first `split` columns (`x_a`) and the rest (`x_b`); with `flip`,
/// the roles swap (`x_b` conditions, `x_a` is transformed). Alternating `flip` between
/// layers lets every feature be transformed.
public struct CouplingSplit: Sendable, Hashable, Codable {
    public let features: Int
    public let split: Int
    public let flip: Bool

    public init(features: Int, split: Int? = nil, flip: Bool) {
        self.features = features
        self.split = split ?? features / 2
        self.flip = flip
    }

    var conditioning: Range<Int> { flip ? split..<features : 0..<split }
    var transformed: Range<Int> { flip ? 0..<split : split..<features }

    /// Puts the two parts back in their original columns.
    @differentiable(reverse)
    func join(conditioning a: Matrix, transformed b: Matrix) -> Matrix {
        flip ? b.concatenatingColumns(a) : a.concatenatingColumns(b)
    }
}

/// NICE's additive coupling (Dinh, Krueger, Bengio 2015): `y_a = x_a`, `y_b = x_b + m(x_a)`
/// with `m` an MLP. Volume-preserving: `log|det J| = 0`. Inverse: `x_b = y_b − m(y_a)`.
public struct AdditiveCoupling: Sendable, Hashable, Codable {
    public let name: String
    public let split: CouplingSplit
    public let shift: MLP

    public init(_ name: String, split: CouplingSplit, hidden: [Int], in parameters: inout Parameters, using generator: inout SeededGenerator) {
        self.name = name
        self.split = split
        shift = MLP(name + ".m", widths: [split.conditioning.count] + hidden + [split.transformed.count], activation: .relu, in: &parameters, using: &generator)
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func forward(_ x: Matrix, _ parameters: Parameters) -> FlowOutput {
        let a = x.slicingColumns(withoutDerivative(at: split.conditioning))
        let b = x.slicingColumns(withoutDerivative(at: split.transformed))
        let y = split.join(conditioning: a, transformed: b + shift(a, parameters))
        return FlowOutput(y: y, logDet: Matrix.zeros(withoutDerivative(at: x.rows), 1))
    }

    public func inverse(_ y: Matrix, _ parameters: Parameters) -> Matrix {
        let a = y.slicingColumns(split.conditioning), b = y.slicingColumns(split.transformed)
        return split.join(conditioning: a, transformed: b - shift(a, parameters))
    }
}

/// RealNVP's affine coupling (Dinh, Sohl-Dickstein, Bengio 2017): `y_a = x_a`,
/// `y_b = x_b ⊙ exp(s) + t` with `(s, t)` from an MLP of `x_a` and `s = tanh(raw s)` (bounded
/// scales keep training stable). **Convention:** `x·e^s + t` (as in the paper); some code
/// uses `(x + t)·e^s`, which has the same log-determinant. `log|det J| = Σ s` per sample.
public struct AffineCoupling: Sendable, Hashable, Codable {
    public let name: String
    public let split: CouplingSplit
    public let network: MLP

    public init(_ name: String, split: CouplingSplit, hidden: [Int], in parameters: inout Parameters, using generator: inout SeededGenerator) {
        self.name = name
        self.split = split
        network = MLP(name + ".st", widths: [split.conditioning.count] + hidden + [2 * split.transformed.count], activation: .relu, in: &parameters, using: &generator)
    }

    @differentiable(reverse, wrt: (a, parameters))
    func scaleAndShift(_ a: Matrix, _ parameters: Parameters) -> FlowOutput {
        let k = withoutDerivative(at: split.transformed.count)
        let raw = network(a, parameters)
        return FlowOutput(y: raw.slicingColumns(k..<(2 * k)), logDet: LinearAlgebra.tanh(raw.slicingColumns(0..<k)))
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func forward(_ x: Matrix, _ parameters: Parameters) -> FlowOutput {
        let a = x.slicingColumns(withoutDerivative(at: split.conditioning))
        let b = x.slicingColumns(withoutDerivative(at: split.transformed))
        let st = scaleAndShift(a, parameters)
        let s = st.logDet, t = st.y
        let y = split.join(conditioning: a, transformed: b.hadamard(LinearAlgebra.exp(s)) + t)
        return FlowOutput(y: y, logDet: s.rowSums())
    }

    public func inverse(_ y: Matrix, _ parameters: Parameters) -> Matrix {
        let a = y.slicingColumns(split.conditioning), b = y.slicingColumns(split.transformed)
        let st = scaleAndShift(a, parameters)
        return split.join(conditioning: a, transformed: (b - st.y).hadamard(LinearAlgebra.exp(-1 * st.logDet)))
    }
}
