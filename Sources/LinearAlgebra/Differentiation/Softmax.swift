internal import CKernels
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
        return (lse, zeroAware(.zero) { d in p.multiplying(column: d) })
    }

    /// Each row mapped to `exp(aᵢⱼ) / Σₖ exp(aᵢₖ)`: its entries are positive and sum to 1.
    @differentiable(reverse)
    public func rowSoftmax() -> Matrix { logSumExpAndSoftmax().softmax }

    /// `ȳ ↦ p ⊙ (ȳ − rowSums(ȳ ⊙ p))`.
    @derivative(of: rowSoftmax)
    public func _vjpRowSoftmax() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let p = logSumExpAndSoftmax().softmax
        return (p, zeroAware(.zero) { d in Self.softmaxPullback(d, p: p) })
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
        return (value, zeroAware(.zero) { d in d - p.multiplying(column: d.rowSums()) })
    }

    /// One pass for the three: per row, the log-sum-exp and the softmax.
    func logSumExpAndSoftmax() -> (logSumExp: Matrix, softmax: Matrix) {
        var p = self
        let lse = p.softmaxRowsInPlace()
        return (Matrix(rows: rows, columns: 1, elements: lse), p)
    }

    /// Replaces each row by its softmax, in place (no copy when the storage is not shared):
    /// for attention, whose `n × n` scores are needed only as weights.
    public mutating func formRowSoftmax() { _ = softmaxRowsInPlace() }

    /// The in-place kernel (`lemma_softmax_rows` in Sources/CKernels); returns each row's
    /// log-sum-exp. Large matrices are split into row blocks on the available cores.
    private mutating func softmaxRowsInPlace() -> [Double] {
        let n = columns, m = rows
        return [Double](unsafeUninitializedCapacity: m) { lp, initialized in
            let lseBase = lp.baseAddress!
            withUnsafeMutableElements { pp in
                let base = pp.baseAddress!
                RowBlocks.run(rows: m, work: m * n) { range in
                    lemma_softmax_rows(base + range.lowerBound * n, lseBase + range.lowerBound, range.count, n)
                }
            }
            initialized = m
        }
    }

    /// `p ⊙ (d − rowSums(d ⊙ p))` in one pass per row (`lemma_softmax_pullback`).
    static func softmaxPullback(_ d: Matrix, p: Matrix) -> Matrix {
        requireSameShape(d, p, "softmax pullback")
        let count = p.elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            d.elements.withUnsafeBufferPointer { pd in
                p.elements.withUnsafeBufferPointer { pp in
                    lemma_softmax_pullback(pd.baseAddress, pp.baseAddress, po.baseAddress, p.rows, p.columns)
                }
            }
            initialized = count
        }
        return Matrix(rows: p.rows, columns: p.columns, elements: out)
    }
}
