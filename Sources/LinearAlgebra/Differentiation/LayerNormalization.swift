internal import CKernels
import _Differentiation

extension Matrix {
    /// Each row standardised over its entries: `(aᵢⱼ − μᵢ) / √(σᵢ² + ε)`, with `μᵢ` and
    /// `σᵢ²` the mean and the (biased, 1/n) variance of row `i` — the normalisation of
    /// layer norm, before its gain and shift (Ba, Kiros and Hinton 2016).
    @differentiable(reverse, wrt: self)
    public func rowStandardized(epsilon: Double = 1e-5) -> Matrix {
        rowStandardization(epsilon: epsilon).value
    }

    /// With `x̂` the output and `r = 1/√(σ² + ε)` per row:
    /// `x̄ = r · (ȳ − mean(ȳ) − x̂ · mean(ȳ ⊙ x̂))`, means over the row.
    @derivative(of: rowStandardized, wrt: self)
    public func _vjpRowStandardized(epsilon: Double) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (y, inverseDeviation) = rowStandardization(epsilon: epsilon)
        return (y, zeroAware(.zero) { d in Self.rowStandardizationPullback(d, y: y, inverseDeviation: inverseDeviation) })
    }

    /// `x̄ = r ⊙ (ȳ − mean(ȳ) − y ⊙ mean(ȳ ⊙ y))` per row (`r` the row's inverse deviation,
    /// means over the row), in one pass per row (`lemma_standardize_pullback`).
    static func rowStandardizationPullback(_ d: Matrix, y: Matrix, inverseDeviation r: Matrix) -> Matrix {
        requireSameShape(d, y, "layer norm pullback")
        let (rows, n) = (y.rows, y.columns)
        let out = [Double](unsafeUninitializedCapacity: rows * n) { po, initialized in
            d.elements.withUnsafeBufferPointer { pd in
                y.elements.withUnsafeBufferPointer { py in
                    r.elements.withUnsafeBufferPointer { pr in
                        lemma_standardize_pullback(pd.baseAddress, py.baseAddress, pr.baseAddress, po.baseAddress, rows, n)
                    }
                }
            }
            initialized = rows * n
        }
        return Matrix(rows: rows, columns: n, elements: out)
    }

    /// Each row minus its mean, times `r = 1/√(σ² + ε)` (`σ²` the population variance), and
    /// the `r` of every row (`lemma_standardize_rows`; sums in eight interleaved parts).
    func rowStandardization(epsilon: Double) -> (value: Matrix, inverseDeviation: Matrix) {
        let n = columns
        var inverse = [Double]()
        let out = [Double](unsafeUninitializedCapacity: rows * n) { py, initialized in
            inverse = [Double](unsafeUninitializedCapacity: rows) { pr, done in
                elements.withUnsafeBufferPointer { px in
                    lemma_standardize_rows(px.baseAddress, py.baseAddress, pr.baseAddress, rows, n, epsilon)
                }
                done = rows
            }
            initialized = rows * n
        }
        return (Matrix(rows: rows, columns: n, elements: out), Matrix(rows: rows, columns: 1, elements: inverse))
    }
}

extension Matrix {
    /// Layer normalisation with its affine part: each row standardised (as
    /// ``rowStandardized(epsilon:)``), multiplied entry by entry by the `1 × n` row `gain`
    /// and shifted by the `1 × n` row `bias` — the same as
    /// `rowStandardized(epsilon:).multiplying(row: gain).adding(row: bias)`, in one pass
    /// forward and one backward.
    @differentiable(reverse, wrt: (self, gain, bias))
    public func layerNormalized(gain: Matrix, bias: Matrix, epsilon: Double = 1e-5) -> Matrix {
        layerNormalization(gain: gain, bias: bias, epsilon: epsilon).value
    }

    /// `x̄` is the row standardisation's pullback of `ȳ ⊙ gain`,
    /// `gain̄ = 1ᵀ(ȳ ⊙ ŷ)`, `bias̄ = 1ᵀ ȳ` (`ŷ` the standardised rows).
    @derivative(of: layerNormalized, wrt: (self, gain, bias))
    public func _vjpLayerNormalized(gain: Matrix, bias: Matrix, epsilon: Double)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix, Matrix))
    {
        let (value, standardized, inverseDeviation) = layerNormalization(gain: gain, bias: bias, epsilon: epsilon)
        return (value, zeroAware((.zero, .zero, .zero)) { d in
            Matrix.layerNormalizationPullback(d, y: standardized, inverseDeviation: inverseDeviation, gain: gain)
        })
    }

    /// `(x̄, gain̄, bias̄)` in one pass per row (`lemma_layer_norm_pullback`; the two column
    /// sums in row order).
    static func layerNormalizationPullback(_ d: Matrix, y: Matrix, inverseDeviation r: Matrix, gain: Matrix)
        -> (Matrix, Matrix, Matrix)
    {
        requireSameShape(d, y, "layer norm pullback")
        let (rows, n) = (y.rows, y.columns)
        var gainGradient = [Double](repeating: 0, count: n), biasGradient = [Double](repeating: 0, count: n)
        let out = [Double](unsafeUninitializedCapacity: rows * n) { po, initialized in
            d.elements.withUnsafeBufferPointer { pd in
                y.elements.withUnsafeBufferPointer { py in
                    r.elements.withUnsafeBufferPointer { pr in
                        gain.elements.withUnsafeBufferPointer { pg in
                            gainGradient.withUnsafeMutableBufferPointer { pgg in
                                biasGradient.withUnsafeMutableBufferPointer { pbg in
                                    lemma_layer_norm_pullback(
                                        pd.baseAddress, py.baseAddress, pr.baseAddress, pg.baseAddress, po.baseAddress,
                                        pgg.baseAddress, pbg.baseAddress, rows, n)
                                }
                            }
                        }
                    }
                }
            }
            initialized = rows * n
        }
        return (Matrix(rows: rows, columns: n, elements: out), Matrix(rows: 1, columns: n, elements: gainGradient),
                Matrix(rows: 1, columns: n, elements: biasGradient))
    }

    func layerNormalization(gain: Matrix, bias: Matrix, epsilon: Double)
        -> (value: Matrix, standardized: Matrix, inverseDeviation: Matrix)
    {
        precondition(
            gain.rows == 1 && gain.columns == columns && bias.rows == 1 && bias.columns == columns,
            "Matrix.layerNormalized: needs 1×\(columns) gain and bias rows, got \(gain.shapeText) and \(bias.shapeText)")
        let (rows, n) = (self.rows, columns)
        var standardized = [Double](), inverse = [Double]()
        let value = [Double](unsafeUninitializedCapacity: rows * n) { pv, initialized in
            standardized = [Double](unsafeUninitializedCapacity: rows * n) { py, written in
                inverse = [Double](unsafeUninitializedCapacity: rows) { pr, done in
                    elements.withUnsafeBufferPointer { px in
                        gain.elements.withUnsafeBufferPointer { pg in
                            bias.elements.withUnsafeBufferPointer { pb in
                                lemma_layer_norm(
                                    px.baseAddress, pg.baseAddress, pb.baseAddress, py.baseAddress, pv.baseAddress,
                                    pr.baseAddress, rows, n, epsilon)
                            }
                        }
                    }
                    done = rows
                }
                written = rows * n
            }
            initialized = rows * n
        }
        return (Matrix(rows: rows, columns: n, elements: value), Matrix(rows: rows, columns: n, elements: standardized),
                Matrix(rows: rows, columns: 1, elements: inverse))
    }
}
