import LinearAlgebra
import Testing

/// Reverse-mode gradients and Jacobians against central finite differences.
@Suite struct DerivativeTests {
    @Test func gradientOfQuadraticPlusTanh() {
        var rng = SeededGenerator(seed: 11)
        let x = Vector.randomNormal(6, using: &rng)
        let f: @differentiable(reverse) (Vector) -> Double = { v in v.dot(v) + tanh(v).sum() }
        let ad = gradient(at: x, of: f)
        // Exact: 2x + (1 − tanh²x).
        let exact = Vector(x.elements.map { 2 * $0 + 1 - Foundation.tanh($0) * Foundation.tanh($0) })
        #expect(relativeError(ad, exact) < 1e-14)
        #expect(relativeError(ad, numericalGradient(at: x, of: { f($0) })) < 1e-8)
    }

    @Test func gradientThroughMatrixProductsAndComponents() {
        var rng = SeededGenerator(seed: 12)
        let w1 = Matrix.randomNormal(8, 4, using: &rng), w2 = Matrix.randomNormal(3, 8, using: &rng)
        let b1 = Vector.randomNormal(8, using: &rng)
        let x = Vector.randomNormal(4, using: &rng)
        // A two-layer network with a branch on a component.
        let f: @differentiable(reverse) (Vector) -> Double = { v in
            let h = tanh(w1 * v + b1)
            let out = w2 * h
            if out.component(0) > 0 {
                return out.dot(out) + exp(out).sum()
            }
            return out.norm + 3 * out.component(2)
        }
        #expect(relativeError(gradient(at: x, of: f), numericalGradient(at: x, of: { f($0) })) < 1e-7)
    }

    @Test func jacobianOfLinearAndNonlinearMaps() {
        var rng = SeededGenerator(seed: 13)
        let a = Matrix.randomNormal(5, 3, using: &rng)
        let x = Vector.randomNormal(3, using: &rng)
        #expect(relativeError(jacobian(at: x) { a * $0 }, a) < 1e-15)
        let g: @differentiable(reverse) (Vector) -> Vector = { v in tanh(a * v).hadamard(a * v) - 0.5 * v.dot(v) * (a * v) }
        #expect(relativeError(jacobian(at: x, of: g), numericalJacobian(at: x, of: { g($0) })) < 1e-7)
    }

    /// A coupling layer splits its input with `slice` and joins with `concatenating`; its
    /// Jacobian is block triangular with log-determinant Σ s.
    @Test func sliceAndConcatenatingDifferentiate() {
        var rng = SeededGenerator(seed: 15)
        let w = Matrix.randomNormal(3, 3, using: &rng), v = Matrix.randomNormal(3, 3, using: &rng)
        let x = Vector.randomNormal(6, using: &rng)
        let coupling: @differentiable(reverse) (Vector) -> Vector = { x in
            let a = x.slice(0..<3), b = x.slice(3..<6)
            return a.concatenating(b.hadamard(exp(tanh(w * a))) + v * a)
        }
        let j = jacobian(at: x, of: coupling)
        #expect(relativeError(j, numericalJacobian(at: x, of: { coupling($0) })) < 1e-8)
        #expect(abs(j.logAbsDeterminant() - tanh(w * x.slice(0..<3)).sum()) < 1e-12)
        // Only part of the input reaches the output: the rest gets a zero gradient.
        let g = gradient(at: x) { x in x.slice(1..<3).sum() }
        #expect(g == Vector([0, 1, 1, 0, 0, 0]))
    }

    @Test func gradientOfLogAbsDeterminantIsInverseTranspose() throws {
        var rng = SeededGenerator(seed: 14)
        let m = Matrix.randomNormal(4, 4, using: &rng)
        let ad = _Differentiation.gradient(at: m) { $0.logAbsDeterminant() }
        #expect(relativeError(ad, try m.inverse().transposed) < 1e-12)
        // Finite differences entry by entry.
        let flat = numericalGradient(at: Vector(m.elements)) { v in
            Matrix(rows: 4, columns: 4, elements: v.elements).logAbsDeterminant()
        }
        // Central differences of log|det| carry O(h²) error scaled by ‖A⁻¹‖³.
        #expect(relativeError(Vector(ad.elements), flat) < 1e-7)
    }

    @Test func gradientWithRespectToAMatrixParameter() {
        var rng = SeededGenerator(seed: 15)
        let w = Matrix.randomNormal(3, 3, using: &rng)
        let x = Matrix.randomNormal(3, 2, using: &rng)
        let ad = _Differentiation.gradient(at: w) { w in exp(w * x).sum() + (w.transposed * w).hadamard(w).sum() }
        let fd = numericalGradient(at: Vector(w.elements)) { v in
            let w = Matrix(rows: 3, columns: 3, elements: v.elements)
            return exp(w * x).sum() + (w.transposed * w).hadamard(w).sum()
        }
        #expect(relativeError(Vector(ad.elements), fd) < 1e-7)
    }

    @Test func outerProductAndScalingDerivatives() {
        let x: Vector = [0.3, -1.2, 2.0]
        let f: @differentiable(reverse) (Vector) -> Double = { v in (v.outer(v) * v).sum() / 2 + (v * 3).norm }
        #expect(relativeError(gradient(at: x, of: f), numericalGradient(at: x, of: { f($0) })) < 1e-8)
    }
}

import Foundation
