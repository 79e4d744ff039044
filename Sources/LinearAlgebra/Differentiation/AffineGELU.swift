import _Differentiation

extension Matrix {
    /// `gelu(x W + 1 b)`: a dense layer and its GELU as one differentiable step, the product
    /// in `precision` (layout as ``affine(_:_:_:)``).
    ///
    /// The value is exactly `gelu(affine(x, w, b, precision: precision))`, and so are the
    /// gradients with respect to `x` and `W`; the bias gradient agrees to rounding (its
    /// column sums are taken in another order). What changes is the work: with `.single`
    /// the product's `Float` result is widened, shifted by the bias and put through GELU in
    /// one pass, and the pullback scales the incoming gradient by GELU's slope, rounds it to
    /// `Float` for the two products and sums the bias gradient in one pass — three passes over
    /// a `Double` matrix fewer per layer and step.
    @differentiable(reverse, wrt: (x, w, b))
    public static func affineGELU(_ x: Matrix, _ w: Matrix, _ b: Matrix, precision: ProductPrecision) -> Matrix {
        gelu(affine(x, w, b, precision: precision))
    }

    @derivative(of: affineGELU, wrt: (x, w, b))
    public static func _vjpAffineGELU(_ x: Matrix, _ w: Matrix, _ b: Matrix, precision: ProductPrecision)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix, Matrix))
    {
        switch precision {
        case .double:
            let (pre, affinePullback) = _vjpAffine(x, w, b)
            let (value, slope) = VectorGELU.valuesAndSlopes(pre)
            return (value, zeroAware((.zero, .zero, .zero)) { d in affinePullback(d.hadamard(slope)) })
        case .single:
            checkAffineShapes(x, w, b)
            let (sx, sw) = (SingleOperand(x), SingleOperand(w))
            let (value, slope) = BLAS.singleAffineGELU(sx, sw, bias: b)
            return (value, zeroAware((.zero, .zero, .zero)) { d in
                let (sd, biasGradient) = SingleOperand.withColumnSums(d, scaledBy: slope)
                return (BLAS.singleGemm(sd, sw, transposedB: true), BLAS.singleGemm(sx, transposed: true, sd), biasGradient)
            })
        }
    }
}
