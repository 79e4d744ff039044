import RealModule
import _Differentiation

// Row-wise softmax, log-softmax and log-sum-exp, computed stably: each row is shifted by
// its maximum before exponentiating, so no entry overflows and the largest term is 1.
// A row of all −∞ (every position masked) gives NaN: there is no distribution over nothing.

extension Matrix {
    /// The m × 1 column `log Σⱼ exp(aᵢⱼ)`.
    @differentiable(reverse)
    public func rowLogSumExp() -> Matrix { logSumExpAndSoftmax().logSumExp }

    @derivative(of: rowLogSumExp)
    public func _vjpRowLogSumExp() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (lse, p) = logSumExpAndSoftmax()
        return (lse, { d in p.multiplying(column: d) })
    }

    /// Each row mapped to `exp(aᵢⱼ) / Σₖ exp(aᵢₖ)`: its entries are positive and sum to 1.
    @differentiable(reverse)
    public func rowSoftmax() -> Matrix { logSumExpAndSoftmax().softmax }

    /// `ȳ ↦ p ⊙ (ȳ − rowSums(ȳ ⊙ p))`.
    @derivative(of: rowSoftmax)
    public func _vjpRowSoftmax() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let p = logSumExpAndSoftmax().softmax
        return (p, { d in
            let inner = d.hadamard(p).rowSums()
            return d.broadcast(column: inner, "softmax pullback", -).hadamard(p)
        })
    }

    /// Each row mapped to `aᵢⱼ − log Σₖ exp(aᵢₖ)`, the logarithm of ``rowSoftmax()``
    /// without its rounding at tiny probabilities.
    @differentiable(reverse)
    public func rowLogSoftmax() -> Matrix {
        broadcast(column: logSumExpAndSoftmax().logSumExp, "Matrix.rowLogSoftmax", -)
    }

    /// `ȳ ↦ ȳ − p · rowSums(ȳ)`.
    @derivative(of: rowLogSoftmax)
    public func _vjpRowLogSoftmax() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (lse, p) = logSumExpAndSoftmax()
        let value = broadcast(column: lse, "Matrix.rowLogSoftmax", -)
        return (value, { d in d - p.multiplying(column: d.rowSums()) })
    }

    /// One pass for the three: per row, the log-sum-exp and the softmax.
    func logSumExpAndSoftmax() -> (logSumExp: Matrix, softmax: Matrix) {
        let n = columns
        var lse = [Double](repeating: 0, count: rows)
        var p = elements
        p.withUnsafeMutableBufferPointer { pp in
            for i in 0..<rows {
                let base = i * n
                var top = -Double.infinity
                for j in 0..<n { top = Swift.max(top, pp[base + j]) }
                if top == .infinity || top.isNaN {
                    // An infinite or NaN score: no finite shift exists.
                    lse[i] = top.isNaN ? .nan : .infinity
                    for j in 0..<n { pp[base + j] = .nan }
                    continue
                }
                var total = 0.0
                for j in 0..<n {
                    let e = Double.exp(pp[base + j] - top)
                    pp[base + j] = e
                    total += e
                }
                for j in 0..<n { pp[base + j] /= total }
                lse[i] = top + Double.log(total)
            }
        }
        return (Matrix(rows: rows, columns: 1, elements: lse), Matrix(rows: rows, columns: n, elements: p))
    }
}
