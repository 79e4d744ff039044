import Foundation
import Learning
import LinearAlgebra
import Testing

@Suite struct OptimizerTests {
    /// With `m̂ = g` and `v̂ = g²` after one step, Adam moves each entry by `η g/(|g| + ε)`.
    @Test func adamFirstStepIsSignedLearningRate() {
        var p = Parameters()
        let id = p.add("w", Matrix([[0.5, -2, 3e-3]]))
        let g = Matrix([[4, -0.25, 1e-6]])
        var adam = Adam(learningRate: 0.01)
        adam.update(&p, along: .init([g]))
        let expected = Matrix([[0.5 - 0.01 * 4 / (4 + 1e-8), -2 + 0.01 * 0.25 / (0.25 + 1e-8), 3e-3 - 0.01 * 1e-6 / (1e-6 + 1e-8)]])
        #expect(relativeError(p[id], expected) < 1e-15)
    }

    /// A constant gradient keeps the bias-corrected moments equal to it: every step moves by
    /// the same `η g/(|g| + ε)`. Without bias correction the first steps would be 10× smaller.
    @Test func adamBiasCorrectionUnderConstantGradient() {
        var p = Parameters()
        let id = p.add("w", Matrix([[1.0]]))
        var adam = Adam(learningRate: 0.1)
        for _ in 0..<5 { adam.update(&p, along: .init([Matrix([[2.0]])])) }
        #expect(abs(p[id][0, 0] - (1 - 5 * 0.1 * 2 / (2 + 1e-8))) < 1e-12)
        #expect(adam.step == 5)
    }

    /// A store large enough for Adam to update its parameters in groups on all cores gives
    /// the same bits as one parameter at a time, for every parameter (none skipped or done
    /// twice), a zero gradient leaving its parameter alone.
    @Test func adamOnGroupsEqualsAdamOneParameterAtATime() {
        var rng = SeededGenerator(seed: 41)
        var p = Parameters()
        let shapes = [(200, 100), (1, 7), (64, 256), (3, 3), (128, 64)]
        let ids = shapes.enumerated().map { k, s in p.add("w\(k)", Matrix.randomNormal(s.0, s.1, using: &rng)) }
        let gradients = (0..<3).map { step in
            Parameters.TangentVector(shapes.enumerated().map { k, s in
                k == 3 && step == 1 ? Matrix.zero : Matrix.randomNormal(s.0, s.1, using: &rng)
            })
        }
        var together = p, adam = Adam(learningRate: 0.01)
        for g in gradients { adam.update(&together, along: g) }
        for (k, id) in ids.enumerated() {
            // The same parameter alone in a store of its own: below the size that splits.
            var alone = Parameters()
            let single = alone.add("w", p[id])
            var adamAlone = Adam(learningRate: 0.01)
            for g in gradients { adamAlone.update(&alone, along: .init([g.values[k]])) }
            #expect(together[id] == alone[single], "parameter \(k)")
            #expect(together[id] != p[id], "parameter \(k) moved")
        }
    }

    @Test func sgdWithMomentumAndZeroGradientsSkipped() {
        var p = Parameters()
        let a = p.add("a", Matrix([[1.0, 2.0]])), b = p.add("b", Matrix([[5.0]]))
        var sgd = SGD(learningRate: 0.5, momentum: 0.9)
        sgd.update(&p, along: .init([Matrix([[1.0, -1.0]]), .zero]))
        sgd.update(&p, along: .init([Matrix([[1.0, -1.0]]), .zero]))
        // v₁ = g, v₂ = 0.9 g + g = 1.9 g; total step 0.5 (1 + 1.9) g.
        #expect(relativeError(p[a], Matrix([[1 - 1.45, 2 + 1.45]])) < 1e-15)
        #expect(p[b] == Matrix([[5.0]]), "a parameter without gradient is left alone")
    }

    @Test func clippingScalesOnlyLargeGradients() {
        let g = Parameters.TangentVector([Matrix([[3.0, 0]]), Matrix([[4.0]])])
        #expect(abs(g.norm - 5) < 1e-15)
        #expect(abs(g.clipped(toNorm: 1).norm - 1) < 1e-6)
        #expect(g.clipped(toNorm: 10).values == g.values)
    }

    @Test func adamTrainsARegressionToSmallLoss() throws {
        var rng = SeededGenerator(seed: 31)
        var p = Parameters()
        let mlp = MLP("net", widths: [1, 32, 1], activation: .tanh, in: &p, using: &rng)
        let x = Matrix.randomUniform(128, 1, in: -2, 2, using: &rng)
        let y = x.map { Foundation.sin(2 * $0) }
        var adam = Adam(learningRate: 0.01)
        let history = try train(&p, optimizer: &adam, steps: 1500, batch: { _ in (x, y) }) { p, batch in
            meanSquaredError(mlp(batch.0, p), batch.1)
        }
        #expect(history.losses.count == 1500)
        #expect(history.losses[0] > 0.1)
        #expect(history.recentLoss(20) < 2e-3)
    }

    @Test func divergenceStopsWithStepAndLastFiniteLoss() {
        var p = Parameters()
        let w = p.add("w", Matrix([[1.0]]))
        var sgd = SGD(learningRate: 1)
        // The loss log(w) turns NaN once w < 0: w goes 1 → 0 → (log 0 = −∞).
        #expect(throws: TrainingError.nonFinite(step: 1, loss: -.infinity, lastFiniteLoss: 0)) {
            try train(&p, optimizer: &sgd, steps: 5, batch: { _ in () }) { p, _ in log(p[w]).sum() }
        }
        #expect(p[w] == Matrix([[0.0]]), "the parameters keep the values of the last finite step")
        let message = TrainingError.nonFinite(step: 1, loss: .nan, lastFiniteLoss: 0).description
        #expect(message.contains("step 1") && message.contains("last finite loss was 0"))
    }

    @Test func minibatchesCoverEachEpochOnceAndRepeatWithTheSeed() {
        var a = MinibatchSampler(count: 10, batchSize: 4, seed: 7)
        var b = MinibatchSampler(count: 10, batchSize: 4, seed: 7)
        let epoch = [a.next(), a.next(), a.next()]
        #expect(epoch.map(\.count) == [4, 4, 2])
        #expect(epoch.flatMap { $0 }.sorted() == Array(0..<10))
        #expect([b.next(), b.next(), b.next()] == epoch)
        let second = [a.next(), a.next(), a.next()].flatMap { $0 }
        #expect(second.sorted() == Array(0..<10) && second != epoch.flatMap { $0 })
        #expect(a.epoch == 1)
    }
}

/// A trained model's store survives encoding (what `persisted` keeps) bit for bit.
@Suite struct ParametersCodingTests {
    @Test func parametersRoundTripExactly() throws {
        var rng = SeededGenerator(seed: 11)
        var parameters = Parameters()
        let mlp = MLP("net", widths: [3, 5, 2], activation: .tanh, in: &parameters, using: &rng)
        var changed = parameters
        changed.set(changed.ids[0], changed.values[0].map { $0 * 1.000_000_1 + 1e-300 })
        let data = try JSONEncoder().encode(Trained(parameters: changed, model: mlp))
        let back = try JSONDecoder().decode(Trained.self, from: data)
        #expect(back.parameters.names == changed.names)
        #expect(back.parameters.values == changed.values)
        #expect(back.model == mlp)
    }

    @Test func aCorruptStoreIsRejected() {
        let text = #"{"names":["a","a"],"values":[{"rows":1,"columns":1,"elements":[1]},{"rows":1,"columns":1,"elements":[2]}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Parameters.self, from: Data(text.utf8)) }
        let matrix = #"{"rows":2,"columns":2,"elements":[1,2,3]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: Data(matrix.utf8)) }
    }

    struct Trained: Codable {
        var parameters: Parameters
        var model: MLP
    }
}
