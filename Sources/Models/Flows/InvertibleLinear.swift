import Foundation
import Learning
import LinearAlgebra

/// An invertible linear map of the features, `y = x Wᵀ` per sample: Glow's invertible 1×1
/// convolution, which mixes the channels at every position the same way (for vectors, the
/// features are the channels and there is one position). `log|det J| = h·w · log|det W|` per
/// sample, with `h·w` = ``positions``.
///
/// - `.plain`: `W` itself is the parameter (started as a random rotation); the
///   log-determinant costs an LU factorisation, and its gradient is `W⁻ᵀ`.
/// - `.lu`: `W = P L (U + diag(s))` with `P` a fixed permutation, `L` unit lower triangular,
///   `U` strictly upper triangular and `s = sign ⊙ exp(ℓ)` (signs fixed at the start):
///   `log|det W| = Σ ℓ`, no factorisation needed. Started from the LU factors of a random
///   rotation, as Glow does.
public struct InvertibleLinear: Sendable, Hashable, Codable {
    public enum Parametrization: String, Sendable, Hashable, Codable { case plain, lu }

    public let name: String
    /// Channels mixed at each position.
    public let features: Int
    /// Positions (`h·w`) mixed the same way; 1 for vectors.
    public let positions: Int
    public let parametrization: Parametrization
    let weight: ParameterID?
    let lower: ParameterID?, upper: ParameterID?, logS: ParameterID?
    let permutation: Matrix?
    let signs: Matrix?

    public init(
        _ name: String, features d: Int, positions: Int = 1, parametrization: Parametrization,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) throws {
        self.name = name
        features = d
        self.positions = positions
        self.parametrization = parametrization
        let rotation = try Matrix.randomNormal(d, d, using: &generator).qr().q
        switch parametrization {
        case .plain:
            weight = parameters.add(name + ".weight", rotation)
            (lower, upper, logS, permutation, signs) = (nil, nil, nil, nil, nil)
        case .lu:
            let (p, l, u) = try Self.luFactors(rotation, layer: name)
            weight = nil
            permutation = p
            lower = parameters.add(name + ".lower", l - Matrix.identity(d))
            var strictUpper = u
            var sign = Matrix.zeros(1, d), logAbs = Matrix.zeros(1, d)
            for i in 0..<d {
                sign[0, i] = u[i, i] < 0 ? -1 : 1
                logAbs[0, i] = Foundation.log(abs(u[i, i]))
                strictUpper[i, i] = 0
            }
            upper = parameters.add(name + ".upper", strictUpper)
            logS = parameters.add(name + ".logS", logAbs)
            signs = sign
        }
    }

    /// `W` from the parameters.
    @differentiable(reverse, wrt: parameters)
    public func matrix(_ parameters: Parameters) -> Matrix {
        if let weight { return parameters[weight] }
        let d = withoutDerivative(at: features)
        let identity = withoutDerivative(at: Matrix.identity(d))
        let lowerMask = withoutDerivative(at: Self.mask(d, lower: true)), upperMask = withoutDerivative(at: Self.mask(d, lower: false))
        let l = identity + parameters[lower!].hadamard(lowerMask)
        let s = LinearAlgebra.exp(parameters[logS!]).hadamard(withoutDerivative(at: signs!))
        let u = parameters[upper!].hadamard(upperMask) + identity.multiplying(row: s)
        return withoutDerivative(at: permutation!) * (l * u)
    }

    /// `log|det W|`.
    @differentiable(reverse, wrt: parameters)
    public func logAbsDeterminant(_ parameters: Parameters) -> Double {
        if let logS { return parameters[logS].sum() }
        return parameters[weight!].logAbsDeterminant()
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func forward(_ x: Matrix, _ parameters: Parameters) -> FlowOutput {
        let batch = withoutDerivative(at: x.rows), p = withoutDerivative(at: positions)
        let ones = withoutDerivative(at: Matrix(rows: batch, columns: 1, repeating: Double(p)))
        let mixed = x.reshaped(rows: batch * p, columns: withoutDerivative(at: features)).timesTransposed(matrix(parameters))
        return FlowOutput(y: mixed.reshaped(rows: batch, columns: withoutDerivative(at: features * p)), logDet: ones * logAbsDeterminant(parameters))
    }

    /// `x = y W⁻ᵀ`; throws ``FlowError/singular(layer:)`` when `W` cannot be inverted.
    public func inverse(_ y: Matrix, _ parameters: Parameters) throws -> Matrix {
        guard let inverse = try? matrix(parameters).inverse(), inverse.elements.allSatisfy(\.isFinite) else {
            throw FlowError.singular(layer: "InvertibleLinear \"\(name)\"")
        }
        return y.reshaped(rows: y.rows * positions, columns: features).timesTransposed(inverse)
            .reshaped(rows: y.rows, columns: features * positions)
    }

    /// Ones strictly below (or above) the diagonal.
    static func mask(_ d: Int, lower: Bool) -> Matrix {
        var m = Matrix.zeros(d, d)
        for i in 0..<d { for j in 0..<d where lower ? j < i : j > i { m[i, j] = 1 } }
        return m
    }

    /// `A = P L U` by Gaussian elimination with partial pivoting.
    static func luFactors(_ a: Matrix, layer: String) throws -> (p: Matrix, l: Matrix, u: Matrix) {
        let n = a.rows
        var u = a, l = Matrix.identity(n), order = Array(0..<n)
        for k in 0..<n {
            guard let pivot = (k..<n).max(by: { abs(u[$0, k]) < abs(u[$1, k]) }), u[pivot, k] != 0 else {
                throw FlowError.singular(layer: "InvertibleLinear \"\(layer)\"")
            }
            if pivot != k {
                for j in 0..<n { (u[k, j], u[pivot, j]) = (u[pivot, j], u[k, j]) }
                for j in 0..<k { (l[k, j], l[pivot, j]) = (l[pivot, j], l[k, j]) }
                order.swapAt(k, pivot)
            }
            for i in (k + 1)..<n {
                let factor = u[i, k] / u[k, k]
                l[i, k] = factor
                for j in k..<n { u[i, j] -= factor * u[k, j] }
            }
        }
        // Rows of A in the order `order` equal L U, so A = P L U with P[order[i], i] = 1.
        var p = Matrix.zeros(n, n)
        for (i, row) in order.enumerated() { p[row, i] = 1 }
        return (p, l, u)
    }
}
