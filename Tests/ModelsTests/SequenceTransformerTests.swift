import Learning
import LinearAlgebra
import Models
import Testing

@Suite struct SequenceTransformerTests {
    @Test func tasksHaveTheirTargets() {
        var rng = SeededGenerator(seed: 1)
        let r = SequenceTasks.reversal(count: 5, length: 6, vocabulary: 7, using: &rng)
        #expect(zip(r.inputs, r.targets).allSatisfy { Array($0.reversed()) == $1 })
        let s = SequenceTasks.sorting(count: 5, length: 6, vocabulary: 7, using: &rng)
        #expect(zip(s.inputs, s.targets).allSatisfy { $0.sorted() == $1 && $0.allSatisfy { (0..<7).contains($0) } })
    }

    /// The loss's gradient matches central differences on a few entries of every parameter,
    /// for each variant (residual attention included).
    @Test(arguments: SequenceTransformer.Variant.allCases)
    func gradientMatchesFiniteDifferences(variant: SequenceTransformer.Variant) {
        var rng = SeededGenerator(seed: 3)
        var p = Parameters()
        let model = SequenceTransformer(variant, vocabulary: 5, length: 4, width: 8, heads: 2, layers: 2, in: &p, using: &rng)
        let batch = SequenceTasks.sorting(count: 3, length: 4, vocabulary: 5, using: &rng)
        let g = gradient(at: p) { model.loss(batch.inputs, targets: batch.targets, $0) }
        let h = 1e-5
        for id in p.ids {
            for entry in [0, p.values[id.index].elements.count - 1] {
                var plus = p, minus = p
                var up = p.values[id.index], down = up
                up.withUnsafeMutableElements { $0[entry] += h }
                down.withUnsafeMutableElements { $0[entry] -= h }
                plus.set(id, up)
                minus.set(id, down)
                let numeric = (model.loss(batch.inputs, targets: batch.targets, plus) - model.loss(batch.inputs, targets: batch.targets, minus)) / (2 * h)
                let analytic = g.values[id.index].isZeroShape ? 0 : g.values[id.index].elements[entry]
                #expect(abs(numeric - analytic) < 1e-6 * max(1, abs(numeric)), "\(variant) \(id.name)[\(entry)]")
            }
        }
    }

    @Test func realFormerScoresAreARunningSum() {
        var rng = SeededGenerator(seed: 4)
        var p = Parameters()
        let model = SequenceTransformer(.realFormer, vocabulary: 5, length: 4, width: 8, heads: 2, layers: 3, in: &p, using: &rng)
        let inputs = SequenceTasks.reversal(count: 2, length: 4, vocabulary: 5, using: &rng).inputs
        let scores = model.attention(inputs, p).scores
        var h = model.embedded(inputs, p)
        var total = Matrix.zero
        for (l, block) in model.blocks.enumerated() {
            let own = block.attention(h, sequenceLength: 4, previousScores: .zero, p).scores
            total = l == 0 ? own : total + own
            #expect((scores[l] - total).maxAbs < 1e-12)
            h = block(h, sequenceLength: 4, previousScores: l == 0 ? .zero : scores[l - 1], p).output
        }
    }
}
