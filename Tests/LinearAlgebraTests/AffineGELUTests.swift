import Foundation
import LinearAlgebra
import Testing

/// The dense layer and GELU as one step: the values and the `x` and `W` gradients are the
/// composition's to the bit, in both precisions; the bias gradient to rounding; and the
/// `Double` step against central differences.
@Suite struct AffineGELUTests {
    func operands(_ seed: UInt64, _ m: Int, _ k: Int, _ n: Int) -> (Matrix, Matrix, Matrix, Matrix) {
        var rng = SeededGenerator(seed: seed)
        return (Matrix.randomNormal(m, k, using: &rng), Matrix.randomNormal(k, n, using: &rng) / 3,
                Matrix.randomNormal(1, n, using: &rng), Matrix.randomNormal(m, n, using: &rng))
    }

    @Test(arguments: ProductPrecision.allCases, [(1, 1, 1), (9, 13, 300), (40, 24, 7)])
    func equalsTheComposition(precision: ProductPrecision, shape: (Int, Int, Int)) {
        let (x, w, b, r) = operands(UInt64(shape.2), shape.0, shape.1, shape.2)
        let fused = valueWithGradient(at: x, w, b) { x, w, b in Matrix.affineGELU(x, w, b, precision: precision).dot(r) }
        let composed = valueWithGradient(at: x, w, b) { x, w, b in gelu(Matrix.affine(x, w, b, precision: precision)).dot(r) }
        #expect(Matrix.affineGELU(x, w, b, precision: precision) == gelu(Matrix.affine(x, w, b, precision: precision)))
        #expect(fused.value == composed.value)
        #expect(fused.gradient.0 == composed.gradient.0)
        #expect(fused.gradient.1 == composed.gradient.1)
        #expect(relativeError(fused.gradient.2, composed.gradient.2) < 1e-13)
        // The bias gradient is Σᵢ r ⊙ GELU′ per column, here summed in Double in both.
        #expect(fused.gradient.2.rows == 1 && fused.gradient.2.columns == shape.2)
    }

    @Test func doubleStepAgainstCentralDifferences() {
        let (x, w, b, r) = operands(5, 6, 4, 5)
        let ad = gradient(at: x, w, b) { x, w, b in Matrix.affineGELU(x, w, b, precision: .double).dot(r) }
        let fd = numericalGradient(at: Vector(w.elements)) { v in
            Matrix.affineGELU(x, Matrix(rows: 4, columns: 5, elements: v.elements), b, precision: .double).dot(r)
        }
        #expect(relativeError(Vector(ad.1.elements), fd) < 1e-7)
        let fdb = numericalGradient(at: Vector(b.elements)) { v in
            Matrix.affineGELU(x, w, Matrix(rows: 1, columns: 5, elements: v.elements), precision: .double).dot(r)
        }
        #expect(relativeError(Vector(ad.2.elements), fdb) < 1e-7)
    }
}
