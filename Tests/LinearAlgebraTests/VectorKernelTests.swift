import Foundation
@testable import LinearAlgebra
import Testing

/// The vector GELU kernel agrees with the scalar formula `x · ½ erfc(−x/√2)` and its slope
/// `Φ(x) + x φ(x)` to a few ulp, at every length (the four-lane loop, its tail and the
/// 256-entry blocks), in both tails and at the special values.
@Suite struct VectorGELUTests {
    static func scalarCDF(_ x: Double) -> Double { 0.5 * Foundation.erfc(-x * 0.7071067811865476) }

    @Test func agreesWithTheScalarFormula() {
        var rng = SeededGenerator(seed: 91)
        var values = (0..<300_000).map { _ in rng.uniform(-40, 40) }
        values += (0..<300_000).map { _ in rng.uniform(-3, 3) }
        values += [0, -0.0, 1, -1, -0.7517915, 5, -5, -38.5, -39, 39, 1e-300, -1e-17, 700, -700]
        let (value, slope) = VectorGELU.valuesAndSlopes(Matrix(rows: 1, columns: values.count, elements: values))
        let valueOnly = VectorGELU.values(Matrix(rows: 1, columns: values.count, elements: values))
        #expect(value.elements == valueOnly.elements)
        var worstValue = 0.0, worstSlope = 0.0
        for (k, x) in values.enumerated() {
            let cdf = Self.scalarCDF(x)
            let density = Foundation.exp(-0.5 * x * x) * 0.3989422804014327
            let v = x * cdf, s = cdf + x * density
            // The slope relative to the size of its terms: it crosses zero near x = −0.75.
            // Where Φ is subnormal (x < −37.5) only absolute agreement is meaningful.
            if abs(cdf) < .leastNormalMagnitude {
                #expect(abs(value.elements[k] - v) < .leastNormalMagnitude)
                #expect(abs(slope.elements[k] - s) < .leastNormalMagnitude)
                continue
            }
            worstValue = max(worstValue, abs(value.elements[k] - v) / abs(v))
            worstSlope = max(worstSlope, abs(slope.elements[k] - s) / (abs(cdf) + abs(x * density)))
        }
        #expect(worstValue <= 8 * Double.ulpOfOne)
        #expect(worstSlope <= 8 * Double.ulpOfOne)
    }

    @Test(arguments: [0, 1, 3, 4, 5, 255, 256, 257, 1029])
    func everyLengthIsCovered(count: Int) {
        let xs = (0..<count).map { Double($0 % 17) / 4 - 2 }
        let (value, slope) = VectorGELU.valuesAndSlopes(Matrix(rows: 1, columns: count, elements: xs))
        for (k, x) in xs.enumerated() {
            let cdf = Self.scalarCDF(x)
            #expect(abs(value.elements[k] - x * cdf) <= 1e-15)
            #expect(abs(slope.elements[k] - (cdf + x * Foundation.exp(-0.5 * x * x) * 0.3989422804014327)) <= 1e-15)
        }
    }

    /// On an x86-64 Linux processor with AVX-512 the eight-lane path is the one in use, with
    /// AVX2 and FMA the four-lane one (else the speed silently falls back to the scalar erfc).
    @Test func usesTheVectorPathWhereItCan() throws {
        #if arch(x86_64) && os(Linux)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? []
        if flags.contains("avx512f") {
            #expect(VectorGELU.lanes == 8)
        } else if flags.contains("avx2") && flags.contains("fma") {
            #expect(VectorGELU.lanes == 4)
        } else {
            #expect(VectorGELU.lanes == 1)
        }
        #endif
    }

    /// The kernel variant reported (which keys persisted values) is the one the processor's
    /// flags call for.
    @Test func kernelVariantFitsTheProcessor() throws {
        #if arch(x86_64) && os(Linux)
        let flags = Set((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? [])
        let v4 = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"].allSatisfy(flags.contains)
        let v3 = ["avx2", "fma", "bmi1", "bmi2", "movbe", "f16c"].allSatisfy(flags.contains)
        #expect(KernelVariant.name == (v4 && v3 ? "x86-64-v4" : v3 ? "x86-64-v3" : "baseline"))
        #endif
    }

    /// NaN stays NaN; the limits at ±∞ are 0 and x with slopes 0 and 1 (not ∞ · 0 = NaN).
    @Test func specialValues() {
        let m = Matrix(rows: 1, columns: 4, elements: [.nan, .infinity, -.infinity, -50])
        let (value, slope) = VectorGELU.valuesAndSlopes(m)
        #expect(value.elements[0].isNaN && slope.elements[0].isNaN)
        #expect(value.elements[1] == .infinity && slope.elements[1] == 1)
        #expect(value.elements[2] == 0 && slope.elements[2] == 0)
        #expect(value.elements[3] == 0 && slope.elements[3] == 0)
    }
}

/// The ReLU kernels and the Adam step: the same numbers as the formulas entry by entry.
@Suite struct ElementwiseKernelTests {
    @Test func reluAndItsPullback() {
        var rng = SeededGenerator(seed: 12)
        var xs = (0..<1_001).map { _ in rng.uniform(-2, 2) }
        xs += [0, -0.0, .nan, .infinity, -.infinity, 1e-310, -1e-310]
        let x = Matrix(rows: 1, columns: xs.count, elements: xs)
        let d = Matrix.randomNormal(1, xs.count, using: &rng)
        let y = relu(x)
        let back = VectorReLU.pullback(d, at: x)
        for k in xs.indices {
            let v = xs[k]
            if v.isNaN {
                #expect(y.elements[k].isNaN, "relu keeps NaN")
            } else {
                #expect(y.elements[k] == (v > 0 ? v : 0))
                #expect(y.elements[k].sign == .plus, "relu(−0) is +0")
            }
            #expect(back.elements[k] == (v > 0 ? d.elements[k] : 0))
        }
    }

    @Test(arguments: [1, 3, 4, 17, 1000]) func adamStepIsTheFormulaBitForBit(count: Int) {
        var rng = SeededGenerator(seed: UInt64(count))
        var p = Matrix.randomNormal(1, count, using: &rng)
        let g = Matrix.randomNormal(1, count, using: &rng)
        var m = Matrix.randomNormal(1, count, using: &rng)
        var v = exp(Matrix.randomNormal(1, count, using: &rng))
        let (b1, b2, step, c2, eps) = (0.9, 0.999, 0.0123, 0.0447, 1e-8)
        var (pe, me, ve) = (p.elements, m.elements, v.elements)
        for k in 0..<count {
            let gk = g.elements[k]
            me[k] = b1 * me[k] + (1 - b1) * gk
            ve[k] = b2 * ve[k] + (1 - b2) * gk * gk
            pe[k] -= step * me[k] / (ve[k].squareRoot() / c2 + eps)
        }
        p.adamStep(gradient: g, firstMoment: &m, secondMoment: &v, beta1: b1, beta2: b2, stepSize: step, correction2: c2, epsilon: eps)
        #expect(p.elements == pe)
        #expect(m.elements == me)
        #expect(v.elements == ve)
    }
}
