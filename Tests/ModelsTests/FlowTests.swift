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

@Suite struct FlowLayerTests {
    @Test func luFactorsReproduceTheMatrix() throws {
        var rng = SeededGenerator(seed: 5)
        var p = Parameters()
        let lu = try InvertibleLinear("w", features: 5, parametrization: .lu, in: &p, using: &rng)
        let w = lu.matrix(p)
        #expect((w.transposed * w - Matrix.identity(5)).maxAbs < 1e-12)  // started as a rotation
        #expect(abs(lu.logAbsDeterminant(p) - w.logAbsDeterminant()) < 1e-12)
    }

    @Test func squeezeIsAPermutationAndInverts() {
        let squeeze = Permutation.squeeze("s", height: 4, width: 4, channels: 2)
        #expect(squeeze.order.sorted() == Array(0..<32))
        var rng = SeededGenerator(seed: 6)
        let x = Matrix.randomNormal(3, 32, using: &rng)
        #expect(squeeze.inverse(squeeze.forward(x).y) == x)
    }

    @Test func masksPartitionTheFeatures() {
        let board = CouplingSplit.checkerboard(height: 4, width: 4, channels: 1, parity: 0)
        #expect(board.conditioning.count == 8 && board.transformed.count == 8)
        #expect(board.conditioning.contains(0) && board.transformed.contains(1) && board.transformed.contains(4))
        let channels = CouplingSplit.channels(positions: 3, channels: 4, flip: false)
        #expect(channels.conditioning == [0, 1, 4, 5, 8, 9])
    }

    @Test func multiScaleFlowRoundTrips() throws {
        var rng = SeededGenerator(seed: 7)
        var p = Parameters()
        var first = Flow(features: 8)
        first.append(.affine(AffineCoupling("a", split: CouplingSplit(features: 8, flip: false), hidden: [8], in: &p, using: &rng)))
        var second = Flow(features: 4)
        second.append(.affine(AffineCoupling("b", split: CouplingSplit(features: 4, flip: true), hidden: [8], in: &p, using: &rng)))
        let model = MultiScaleFlow(first: first, factored: [0, 2, 4, 6], kept: [1, 3, 5, 7], second: second)
        let x = Matrix.randomNormal(5, 8, using: &rng)
        #expect((try model.roundTrip(x, p) - x).maxAbs < 1e-12)
        #expect(try model.sample(3, p, using: &rng).columns == 8)
    }

    @Test func aSingularMixingMatrixIsNamed() throws {
        var rng = SeededGenerator(seed: 8)
        var p = Parameters()
        let w = try InvertibleLinear("mix", features: 3, parametrization: .plain, in: &p, using: &rng)
        p.set(p.id(named: "mix.weight")!, Matrix(rows: 3, columns: 3, repeating: 2))
        #expect(throws: FlowError.singular(layer: "InvertibleLinear \"mix\"")) { try w.inverse(Matrix.zeros(1, 3), p) }
    }
}
