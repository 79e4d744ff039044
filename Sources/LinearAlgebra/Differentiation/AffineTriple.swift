import _Differentiation

/// Three matrices computed together, such as the query, key and value projections of
/// attention (``Matrix/affineTriple(_:_:_:_:_:_:_:precision:)``).
public struct AffineTriple: Differentiable {
    public var first: Matrix
    public var second: Matrix
    public var third: Matrix

    @differentiable(reverse)
    public init(first: Matrix, second: Matrix, third: Matrix) {
        self.first = first
        self.second = second
        self.third = third
    }
}

extension Matrix {
    /// Three dense maps of the same batch, `x Wₖ + 1 bₖ` for `k = 1, 2, 3` (layout as
    /// ``affine(_:_:_:)``) — attention's query, key and value projections.
    ///
    /// With `.double` these are three ``affine(_:_:_:)`` calls, bit for bit, and the
    /// gradient of `x` is the sum of the three. With `.single` the three weights sit side by
    /// side in one `Float` matrix and one `sgemm` multiplies `x` by all of them (as PyTorch's
    /// fused in-projection does): `x` is rounded once, and in the pullback the three incoming
    /// gradients are rounded into one matrix (their bias gradients summed in the same pass)
    /// for one product giving `x̄` — no sum of three — and one giving the three `W̄`. Each
    /// result agrees with its own ``affine(_:_:_:precision:)`` in single precision to the
    /// rounding of `Float` accumulation.
    @differentiable(reverse, wrt: (x, w1, b1, w2, b2, w3, b3))
    public static func affineTriple(
        _ x: Matrix, _ w1: Matrix, _ b1: Matrix, _ w2: Matrix, _ b2: Matrix, _ w3: Matrix, _ b3: Matrix,
        precision: ProductPrecision
    ) -> AffineTriple {
        switch precision {
        case .double:
            return AffineTriple(first: affine(x, w1, b1), second: affine(x, w2, b2), third: affine(x, w3, b3))
        case .single:
            return singleAffineTriple(x, [w1, w2, w3], [b1, b2, b3]).value
        }
    }

    @derivative(of: affineTriple, wrt: (x, w1, b1, w2, b2, w3, b3))
    public static func _vjpAffineTriple(
        _ x: Matrix, _ w1: Matrix, _ b1: Matrix, _ w2: Matrix, _ b2: Matrix, _ w3: Matrix, _ b3: Matrix,
        precision: ProductPrecision
    ) -> (
        value: AffineTriple,
        pullback: (AffineTriple.TangentVector) -> (Matrix, Matrix, Matrix, Matrix, Matrix, Matrix, Matrix)
    ) {
        switch precision {
        case .double:
            let (p1, p2, p3) = (_vjpAffine(x, w1, b1), _vjpAffine(x, w2, b2), _vjpAffine(x, w3, b3))
            return (AffineTriple(first: p1.value, second: p2.value, third: p3.value), { t in
                let (g1, g2, g3) = (p1.pullback(t.first), p2.pullback(t.second), p3.pullback(t.third))
                return (g1.0 + g2.0 + g3.0, g1.1, g1.2, g2.1, g2.2, g3.1, g3.2)
            })
        case .single:
            let (value, pullback) = singleAffineTriple(x, [w1, w2, w3], [b1, b2, b3])
            return (value, { t in
                let g = pullback([t.first, t.second, t.third])
                return (g.x, g.w[0], g.b[0], g.w[1], g.b[1], g.w[2], g.b[2])
            })
        }
    }

    /// The single-precision triple and its pullback, over the blocks of one product.
    private static func singleAffineTriple(_ x: Matrix, _ w: [Matrix], _ b: [Matrix])
        -> (value: AffineTriple, pullback: ([Matrix]) -> (x: Matrix, w: [Matrix], b: [Matrix]))
    {
        for k in 0..<3 { checkAffineShapes(x, w[k], b[k]) }
        let widths = w.map(\.columns), total = widths.reduce(0, +)
        let blocks = widths.indices.map { k in widths[..<k].reduce(0, +)..<widths[...k].reduce(0, +) }
        let sx = SingleOperand(x)
        let sw = SingleOperand.sideBySide(w, rows: x.columns, widths: widths).operand
        let (product, m, _) = BLAS.singleProduct(sx, sw)
        let outputs = (0..<3).map { k in BLAS.widened(product, rows: m, stride: total, columns: blocks[k], bias: b[k]) }
        let value = AffineTriple(first: outputs[0], second: outputs[1], third: outputs[2])
        return (value, { d in
            if d.allSatisfy(\.isZeroShape) { return (.zero, [.zero, .zero, .zero], [.zero, .zero, .zero]) }
            let (sd, biasGradients) = SingleOperand.sideBySide(d, rows: m, widths: widths, sumColumns: true)
            let xBar = BLAS.singleGemm(sd, sw, transposedB: true)
            let (wProduct, k, _) = BLAS.singleProduct(sx, transposed: true, sd)
            let wBar = (0..<3).map { j in BLAS.widened(wProduct, rows: k, stride: total, columns: blocks[j]) }
            return (xBar, wBar, biasGradients)
        })
    }
}
