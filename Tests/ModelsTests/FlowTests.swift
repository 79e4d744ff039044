import Foundation
import Learning
import LinearAlgebra
import Models
import Testing

@Suite struct FlowTests {
    @Test func additiveJacobian() throws {
        var rng = SeededGenerator(seed: 1)
        var p = Parameters()
        let layer = AdditiveCoupling("a", split: CouplingSplit(features: 4, flip: false), hidden: [8], in: &p, using: &rng)
        let x = Matrix.randomNormal(1, 4, using: &rng)
        let j = FlowJacobian.automatic({ layer.forward($0, p).y }, at: x)
        #expect(abs(j.logAbsDeterminant()) < 1e-12)
    }
}

/// Differentiating only one part of a layer's output sends the zero tangent (0×0) into the
/// pullbacks of the other part; every layer must accept it.
@Suite struct FlowZeroTangentTests {
    @Test func onlyTheOutputOrOnlyTheLogDeterminant() throws {
        var rng = SeededGenerator(seed: 2)
        var p = Parameters()
        let affine = AffineCoupling("a", split: CouplingSplit(features: 4, flip: true), hidden: [8], in: &p, using: &rng)
        let scaling = ElementwiseScaling("s", features: 4, withBias: true, in: &p)
        let linear = try InvertibleLinear("w", features: 4, parametrization: .lu, in: &p, using: &rng)
        let x = Matrix.randomNormal(3, 4, using: &rng)
        let maps: [@differentiable(reverse) (Matrix) -> FlowOutput] = [
            { affine.forward($0, p) }, { scaling.forward($0, p) }, { linear.forward($0, p) },
        ]
        for map in maps {
            let gy = gradient(at: x) { map($0).y.sum() }
            let gl = gradient(at: x) { map($0).logDet.sum() }
            #expect(gy.rows == 3 && gy.columns == 4)
            #expect(gl.isZeroShape || (gl.rows == 3 && gl.columns == 4))
        }
    }
}
