import LinearAlgebra
import RealModule

// Losses on batches whose rows are examples. Each returns a differentiable value; means are
// over the examples (rows).

/// `log N(z; 0, I)` of each row of `z`: `−½‖zᵢ‖² − (d/2) log 2π`, an `m × 1` column.
@differentiable(reverse)
public func standardNormalLogDensity(_ z: Matrix) -> Matrix {
    let constant = withoutDerivative(at: 0.5 * Double(z.columns) * Double.log(2 * Double.pi))
    return z.squared().rowSums() * -0.5 - constant
}

/// `log N(x; μ, diag σ²)` of each row with `log σ` given (same shape as `x`, or a
/// `1 × d` row for every example): an `m × 1` column.
@differentiable(reverse)
public func gaussianLogDensity(_ x: Matrix, mean: Matrix, logStandardDeviation: Matrix) -> Matrix {
    let d = withoutDerivative(at: Double(x.columns))
    let logSigma = logStandardDeviation.rows == 1 && x.rows != 1
        ? Matrix(rows: withoutDerivative(at: x.rows), columns: withoutDerivative(at: x.columns), repeating: 0).adding(row: logStandardDeviation)
        : logStandardDeviation
    let standardized = (x - mean).hadamard(exp(-logSigma))
    return standardized.squared().rowSums() * -0.5 - logSigma.rowSums() - withoutDerivative(at: 0.5 * d * Double.log(2 * Double.pi))
}

/// The mean of `(prediction − target)²` over all entries.
@differentiable(reverse, wrt: prediction)
public func meanSquaredError(_ prediction: Matrix, _ target: Matrix) -> Double {
    (prediction - target).squared().mean()
}

/// The mean cross-entropy `−log softmax(logits)[i, labels[i]]` over the rows, computed
/// from the logits with a stable log-softmax. A label outside `0..<classes` stops the
/// program.
@differentiable(reverse, wrt: logits)
public func crossEntropy(logits: Matrix, labels: [Int]) -> Double {
    let oneHot = withoutDerivative(at: Matrix.oneHot(labels, classes: logits.columns, rows: logits.rows))
    return -logits.rowLogSoftmax().dot(oneHot) / withoutDerivative(at: Double(logits.rows))
}

extension Matrix {
    /// Rows `eᵢ` with a 1 at column `labels[i]`.
    static func oneHot(_ labels: [Int], classes: Int, rows: Int) -> Matrix {
        precondition(labels.count == rows, "crossEntropy: \(labels.count) labels for \(rows) rows of logits")
        var m = Matrix.zeros(rows, classes)
        for (i, label) in labels.enumerated() {
            precondition(label >= 0 && label < classes, "crossEntropy: label \(label) outside 0..<\(classes)")
            m[i, label] = 1
        }
        return m
    }
}
