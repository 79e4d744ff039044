import _Differentiation

/// The arithmetic of a matrix product.
///
/// - ``double``: `dgemm`, the default everywhere — what every identity and claim check
///   relies on.
/// - ``single``: the operands are rounded to `Float` (24-bit significand), `sgemm`
///   multiplies and accumulates in `Float`, and the result is widened back to `Double`
///   (a bias row is added in `Double`). Each entry of a product with inner size `k` is then
///   off by roughly `√k · 2⁻²⁴` relative to the size of its terms (about 1e-6 for `k` in the
///   hundreds) — the precision PyTorch trains in by default, at about half the time of a
///   `Double` product. For training layers only (``Matrix/affine(_:_:_:precision:)``,
///   ``Matrix/times(_:precision:)``), never for checking a claim to tight tolerance.
public enum ProductPrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case double
    case single
}

extension Matrix {
    /// `x W + 1 b` with the products in the given precision (see ``affine(_:_:_:)`` for the
    /// layout; `.double` is exactly that function). The pullback's two products use the
    /// same precision; the bias gradient (column sums) stays in `Double`, summed in row order.
    @differentiable(reverse, wrt: (x, w, b))
    public static func affine(_ x: Matrix, _ w: Matrix, _ b: Matrix, precision: ProductPrecision) -> Matrix {
        switch precision {
        case .double:
            return affine(x, w, b)
        case .single:
            checkAffineShapes(x, w, b)
            return BLAS.singleGemm(SingleOperand(x), SingleOperand(w), bias: b)
        }
    }

    @derivative(of: affine(_:_:_:precision:), wrt: (x, w, b))
    public static func _vjpAffine(_ x: Matrix, _ w: Matrix, _ b: Matrix, precision: ProductPrecision)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix, Matrix))
    {
        switch precision {
        case .double:
            return _vjpAffine(x, w, b)
        case .single:
            // x and W are rounded once, for the value and the pullback; Ȳ once for both products.
            checkAffineShapes(x, w, b)
            let (sx, sw) = (SingleOperand(x), SingleOperand(w))
            return (BLAS.singleGemm(sx, sw, bias: b), zeroAware((.zero, .zero, .zero)) { d in
                // Ȳ rounded for both products, its column sums (b̄) taken in the same pass.
                let (sd, biasGradient) = SingleOperand.withColumnSums(d)
                return (BLAS.singleGemm(sd, sw, transposedB: true), BLAS.singleGemm(sx, transposed: true, sd), biasGradient)
            })
        }
    }

    /// `self · other` with the product in the given precision (`.double` is `self * other`);
    /// the pullback's two products use the same precision.
    @differentiable(reverse, wrt: (self, other))
    public func times(_ other: Matrix, precision: ProductPrecision) -> Matrix {
        switch precision {
        case .double:
            return self * other
        case .single:
            checkInnerSizes(other)
            return BLAS.singleGemm(SingleOperand(self), SingleOperand(other))
        }
    }

    @derivative(of: times(_:precision:), wrt: (self, other))
    public func _vjpTimes(_ other: Matrix, precision: ProductPrecision)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix))
    {
        switch precision {
        case .double:
            return Matrix._vjpMatmul(self, other)
        case .single:
            checkInnerSizes(other)
            let (sa, sb) = (SingleOperand(self), SingleOperand(other))
            return (BLAS.singleGemm(sa, sb), zeroAware((.zero, .zero)) { d in
                let sd = SingleOperand(d)
                return (BLAS.singleGemm(sd, sb, transposedB: true), BLAS.singleGemm(sa, transposed: true, sd))
            })
        }
    }

    private func checkInnerSizes(_ other: Matrix) {
        precondition(columns == other.rows, "Matrix.times: inner sizes differ (\(shapeText) times \(other.shapeText))")
    }
}
