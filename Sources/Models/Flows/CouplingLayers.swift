import Learning
import LinearAlgebra

/// Which features condition a coupling layer (`x_a`, passed through) and which it
/// transforms (`x_b`). Any partition of the features works; the usual ones:
///
/// - halves: the first `split` features and the rest, with `flip` swapping the roles
///   (alternate it between layers so every feature gets transformed);
/// - ``checkerboard(height:width:channels:parity:)``: pixels whose `row + column` has the
///   given parity condition the others (RealNVP's spatial mask);
/// - ``channels(positions:channels:flip:)``: at every position, the first half of the
///   channels conditions the second (RealNVP's channel mask, after a squeeze).
///
/// Features are gathered and scattered by 0/1 selection matrices, so the split is part of
/// the differentiable computation.
public struct CouplingSplit: Sendable, Hashable, Codable {
    public let features: Int
    public let conditioning: [Int]
    public let transformed: [Int]
    /// The selection matrices of the two parts, made once (they are used on every pass).
    let conditioningSelection: Matrix, transformedSelection: Matrix

    private enum CodingKeys: String, CodingKey { case features, conditioning, transformed }

    public init(features: Int, conditioning: [Int], transformed: [Int]) {
        precondition(
            Set(conditioning).isDisjoint(with: transformed) && Set(conditioning + transformed) == Set(0..<features),
            "CouplingSplit: the conditioning and transformed features must partition 0..<\(features)")
        self.features = features
        self.conditioning = conditioning
        self.transformed = transformed
        conditioningSelection = Self.selection(conditioning, features: features)
        transformedSelection = Self.selection(transformed, features: features)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            features: try c.decode(Int.self, forKey: .features), conditioning: try c.decode([Int].self, forKey: .conditioning),
            transformed: try c.decode([Int].self, forKey: .transformed))
    }

    /// Halves: features `0..<split` and `split..<features` (roles swapped with `flip`).
    public init(features: Int, split: Int? = nil, flip: Bool) {
        let k = split ?? features / 2
        let first = Array(0..<k), second = Array(k..<features)
        self.init(features: features, conditioning: flip ? second : first, transformed: flip ? first : second)
    }

    /// The spatial checkerboard on an image stored position-major (`(row·width + column)·channels + channel`).
    public static func checkerboard(height: Int, width: Int, channels: Int, parity: Int) -> CouplingSplit {
        var a: [Int] = [], b: [Int] = []
        for r in 0..<height {
            for c in 0..<width {
                for k in 0..<channels {
                    let index = (r * width + c) * channels + k
                    if (r + c) % 2 == parity { a.append(index) } else { b.append(index) }
                }
            }
        }
        return CouplingSplit(features: height * width * channels, conditioning: a, transformed: b)
    }

    /// The channel mask: at each position, channels `0..<channels/2` condition the rest
    /// (swapped with `flip`).
    public static func channels(positions: Int, channels: Int, flip: Bool) -> CouplingSplit {
        var a: [Int] = [], b: [Int] = []
        for p in 0..<positions {
            for k in 0..<channels {
                if (k < channels / 2) != flip { a.append(p * channels + k) } else { b.append(p * channels + k) }
            }
        }
        return CouplingSplit(features: positions * channels, conditioning: a, transformed: b)
    }

    /// The `features × indices.count` matrix that picks `indices` out of a row.
    public static func selection(_ indices: [Int], features: Int) -> Matrix {
        var s = Matrix.zeros(features, indices.count)
        for (column, feature) in indices.enumerated() { s[feature, column] = 1 }
        return s
    }

    @differentiable(reverse)
    func conditioningPart(_ x: Matrix) -> Matrix { x * withoutDerivative(at: conditioningSelection) }

    @differentiable(reverse)
    func transformedPart(_ x: Matrix) -> Matrix { x * withoutDerivative(at: transformedSelection) }

    /// Puts the two parts back in their original columns.
    @differentiable(reverse)
    func join(conditioning a: Matrix, transformed b: Matrix) -> Matrix {
        a.timesTransposed(withoutDerivative(at: conditioningSelection))
            + b.timesTransposed(withoutDerivative(at: transformedSelection))
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
        let a = split.conditioningPart(x), b = split.transformedPart(x)
        let y = split.join(conditioning: a, transformed: b + shift(a, parameters))
        return FlowOutput(y: y, logDet: Matrix.zeros(withoutDerivative(at: x.rows), 1))
    }

    public func inverse(_ y: Matrix, _ parameters: Parameters) -> Matrix {
        let a = split.conditioningPart(y), b = split.transformedPart(y)
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
        let a = split.conditioningPart(x), b = split.transformedPart(x)
        let st = scaleAndShift(a, parameters)
        let s = st.logDet, t = st.y
        let y = split.join(conditioning: a, transformed: b.hadamard(LinearAlgebra.exp(s)) + t)
        return FlowOutput(y: y, logDet: s.rowSums())
    }

    public func inverse(_ y: Matrix, _ parameters: Parameters) -> Matrix {
        let a = split.conditioningPart(y), b = split.transformedPart(y)
        let st = scaleAndShift(a, parameters)
        return split.join(conditioning: a, transformed: (b - st.y).hadamard(LinearAlgebra.exp(-1 * st.logDet)))
    }
}
