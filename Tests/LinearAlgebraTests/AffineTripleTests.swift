import Foundation
import LinearAlgebra
import Testing

/// Three dense maps of one batch in one step: in `Double` exactly three `affine` calls; in
/// single precision one product that agrees with each map to `Float` accuracy, whose
/// pullback gives every gradient — also when only some of the three are used.
@Suite struct AffineTripleTests {
    struct Operands {
        var x: Matrix, w: [Matrix], b: [Matrix], r: [Matrix]
    }

    func operands(seed: UInt64, m: Int = 24, k: Int = 16, widths: [Int] = [16, 8, 12]) -> Operands {
        var rng = SeededGenerator(seed: seed)
        let x = Matrix.randomNormal(m, k, using: &rng)
        let w = widths.map { Matrix.randomNormal(k, $0, using: &rng) }
        let b = widths.map { Matrix.randomNormal(1, $0, using: &rng) }
        let r = widths.map { Matrix.randomNormal(m, $0, using: &rng) }
        return Operands(x: x, w: w, b: b, r: r)
    }

    func triple(_ o: Operands, _ precision: ProductPrecision) -> AffineTriple {
        Matrix.affineTriple(o.x, o.w[0], o.b[0], o.w[1], o.b[1], o.w[2], o.b[2], precision: precision)
    }

    /// The seven inputs, as one differentiable value.
    struct Inputs: Differentiable {
        var x, w1, b1, w2, b2, w3, b3: Matrix
    }

    func inputs(_ o: Operands) -> Inputs {
        Inputs(x: o.x, w1: o.w[0], b1: o.b[0], w2: o.w[1], b2: o.b[1], w3: o.w[2], b3: o.b[2])
    }

    func flat(_ g: Inputs.TangentVector) -> [Matrix] { [g.x, g.w1, g.b1, g.w2, g.b2, g.w3, g.b3] }

    /// The gradient of `Σₖ ⟨Yₖ, Rₖ⟩` over the maps picked, for all seven inputs.
    func loss(_ o: Operands, _ precision: ProductPrecision, using: [Bool]) -> (Double, [Matrix]) {
        let (r0, r1, r2) = (o.r[0], o.r[1], o.r[2])
        let (value, g) = valueWithGradient(at: inputs(o)) { i in
            let t = Matrix.affineTriple(i.x, i.w1, i.b1, i.w2, i.b2, i.w3, i.b3, precision: precision)
            var total = 0.0
            if using[0] { total += t.first.dot(r0) }
            if using[1] { total += t.second.dot(r1) }
            if using[2] { total += t.third.dot(r2) }
            return total
        }
        return (value, flat(g))
    }

    /// The same with three separate `affine` calls.
    func separateLoss(_ o: Operands, _ precision: ProductPrecision, using: [Bool]) -> [Matrix] {
        let (r0, r1, r2) = (o.r[0], o.r[1], o.r[2])
        let g = gradient(at: inputs(o)) { i in
            var total = 0.0
            if using[0] { total += Matrix.affine(i.x, i.w1, i.b1, precision: precision).dot(r0) }
            if using[1] { total += Matrix.affine(i.x, i.w2, i.b2, precision: precision).dot(r1) }
            if using[2] { total += Matrix.affine(i.x, i.w3, i.b3, precision: precision).dot(r2) }
            return total
        }
        return flat(g)
    }

    @Test func doubleIsThreeAffineMaps() {
        let o = operands(seed: 61)
        let t = triple(o, .double)
        #expect(t.first == Matrix.affine(o.x, o.w[0], o.b[0]))
        #expect(t.second == Matrix.affine(o.x, o.w[1], o.b[1]))
        #expect(t.third == Matrix.affine(o.x, o.w[2], o.b[2]))
        let fused = loss(o, .double, using: [true, true, true]).1, separate = separateLoss(o, .double, using: [true, true, true])
        #expect(relativeError(fused[0], separate[0]) < 1e-14)
        for i in 1..<7 { #expect(fused[i] == separate[i], "input \(i)") }
    }

    @Test(arguments: [[true, true, true], [true, false, true], [false, true, false]])
    func singleFollowsTheSeparateMaps(using: [Bool]) {
        let o = operands(seed: 62)
        let t = triple(o, .single)
        let exact = [Matrix.affine(o.x, o.w[0], o.b[0]), Matrix.affine(o.x, o.w[1], o.b[1]), Matrix.affine(o.x, o.w[2], o.b[2])]
        for (k, y) in [t.first, t.second, t.third].enumerated() {
            #expect(relativeError(y, exact[k]) < 1e-5 && y != exact[k], "output \(k)")
        }
        let fused = loss(o, .single, using: using).1
        let separate = separateLoss(o, .double, using: using)
        #expect(relativeError(fused[0], separate[0]) < 1e-5)
        for k in 0..<3 {
            let (w, b) = (fused[1 + 2 * k], fused[2 + 2 * k])
            if using[k] {
                #expect(relativeError(w, separate[1 + 2 * k]) < 1e-5 && w != separate[1 + 2 * k], "W̄ \(k)")
                // b̄ = Σᵢ Rᵢ, in Double.
                #expect(relativeError(b, separate[2 + 2 * k]) < 1e-14, "b̄ \(k)")
            } else {
                #expect(w.elements.allSatisfy { $0 == 0 } && b.elements.allSatisfy { $0 == 0 }, "unused map \(k)")
            }
        }
    }
}
