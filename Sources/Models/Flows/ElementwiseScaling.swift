import Learning
import LinearAlgebra

/// A per-feature affine map `y = (x + b) ⊙ exp(ℓ)` with parameters `b` and `ℓ` (each `1 × c`),
/// shared by all `positions` of an image: `log|det J| = positions · Σ ℓ` for every sample.
///
/// - **ActNorm** (Glow, Kingma & Dhariwal 2018): with bias, initialised from data by
///   ``initialize(from:_:)`` so that the first batch comes out with zero mean and unit
///   variance per feature (`b = −mean`, `ℓ = −log std`).
/// - **NICE's scaling layer**: `withBias: false`, `ℓ` starting at 0; NICE puts it last to
///   give the otherwise volume-preserving flow a way to scale.
public struct ElementwiseScaling: Sendable, Hashable, Codable {
    public let name: String
    /// Features per position (channels, for images).
    public let features: Int
    /// Positions sharing the parameters (`h·w` for images stored position-major; 1 for vectors).
    public let positions: Int
    public let bias: ParameterID?
    public let logScale: ParameterID

    public init(_ name: String, features: Int, positions: Int = 1, withBias: Bool, in parameters: inout Parameters) {
        self.name = name
        self.features = features
        self.positions = positions
        bias = withBias ? parameters.add(name + ".bias", Matrix.zeros(1, features)) : nil
        logScale = parameters.add(name + ".logScale", Matrix.zeros(1, features))
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func forward(_ x: Matrix, _ parameters: Parameters) -> FlowOutput {
        let batch = withoutDerivative(at: x.rows), p = withoutDerivative(at: positions)
        let pixels = x.reshaped(rows: batch * p, columns: withoutDerivative(at: features))
        var shifted = pixels
        if let bias = withoutDerivative(at: bias) { shifted = pixels.adding(row: parameters[bias]) }
        let l = parameters[logScale]
        let ones = withoutDerivative(at: Matrix(rows: batch, columns: 1, repeating: Double(p)))
        let y = shifted.multiplying(row: LinearAlgebra.exp(l)).reshaped(rows: batch, columns: withoutDerivative(at: features * p))
        return FlowOutput(y: y, logDet: ones * l.rowSums())
    }

    public func inverse(_ y: Matrix, _ parameters: Parameters) -> Matrix {
        let pixels = y.reshaped(rows: y.rows * positions, columns: features)
        let x = pixels.multiplying(row: LinearAlgebra.exp(-1 * parameters[logScale]))
        return (bias.map { x.adding(row: -1 * parameters[$0]) } ?? x).reshaped(rows: y.rows, columns: features * positions)
    }

    /// Data-dependent initialisation: `b = −mean`, `ℓ = −log std` of `batch`, per feature
    /// (over the batch and all positions).
    public func initialize(from images: Matrix, _ parameters: inout Parameters) {
        let batch = images.reshaped(rows: images.rows * positions, columns: features)
        let n = Double(batch.rows)
        var mean = Matrix.zeros(1, features), logStd = Matrix.zeros(1, features)
        for j in 0..<features {
            let column = (0..<batch.rows).map { batch[$0, j] }
            let m = column.reduce(0, +) / n
            let variance = column.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
            mean[0, j] = m
            logStd[0, j] = 0.5 * Foundation.log(max(variance, 1e-12))
        }
        if let bias { parameters.set(bias, -1 * mean) }
        parameters.set(logScale, -1 * logStd)
    }
}

import Foundation
