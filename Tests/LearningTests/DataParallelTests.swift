import Foundation
@testable import Learning
import LinearAlgebra
import Testing

/// A batch differentiated in parts, one per core, gives the whole batch's loss and
/// gradient; rows are cut in whole groups.
@Suite(.serialized) struct DataParallelTests {
    /// The largest relative difference over every parameter's gradient.
    func gradientDifference(_ a: Parameters.TangentVector, _ b: Parameters.TangentVector) -> Double {
        #expect(a.values.count == b.values.count)
        return zip(a.values, b.values).reduce(0) { worst, pair in max(worst, relativeError(pair.0, pair.1)) }
    }

    @Test func transformerPartsHoldingWholeSequencesEqualTheWholeBatch() {
        var rng = SeededGenerator(seed: 11)
        var parameters = Parameters()
        let length = 4
        let block = TransformerBlock("block", width: 8, heads: 2, normalization: .post, causal: true, in: &parameters, using: &rng)
        let x = Matrix.randomNormal(6 * length, 8, using: &rng), target = Matrix.randomNormal(6 * length, 8, using: &rng)
        let loss: @differentiable(reverse) (Parameters, @noDerivative (Matrix, Matrix)) -> Double = { p, data in
            meanSquaredError(block(data.0, sequenceLength: length, p).output, data.1)
        }
        let whole = valueWithGradient(at: parameters) { p in loss(p, (x, target)) }
        let parts = BatchPart.rowRanges(rows: x.rows, groupSize: length, count: 2).map { part in
            part.map { rows in (x.gatheringRows(Array(rows)), target.gatheringRows(Array(rows))) }
        }
        let split = valueWithGradient(at: parameters, parts: parts, of: loss)
        #expect(abs(split.value - whole.value) <= 1e-12 * abs(whole.value))
        #expect(gradientDifference(split.gradient, whole.gradient) < 1e-12)
        // Parts that cut a sequence in two are a different loss: the split must respect groups.
        let torn = BatchPart.rowRanges(rows: x.rows, groupSize: length / 2, count: 2).map { part in
            part.map { rows in (x.gatheringRows(Array(rows.dropFirst(length / 2)) + Array(rows.prefix(length / 2))),
                                target.gatheringRows(Array(rows.dropFirst(length / 2)) + Array(rows.prefix(length / 2)))) }
        }
        #expect(abs(valueWithGradient(at: parameters, parts: torn, of: loss).value - whole.value) > 1e-6)
    }

    @Test func unevenPartsAreWeightedByTheirShares() {
        var rng = SeededGenerator(seed: 3)
        var parameters = Parameters()
        let mlp = MLP("mlp", widths: [3, 5, 2], activation: .tanh, in: &parameters, using: &rng)
        let x = Matrix.randomNormal(10, 3, using: &rng), y = Matrix.randomNormal(10, 2, using: &rng)
        let ranges = BatchPart.rowRanges(rows: 10, groupSize: 2, count: 3)
        #expect(ranges.map(\.batch) == [0..<2, 2..<6, 6..<10])
        #expect(ranges.map(\.share) == [0.2, 0.4, 0.4])
        let loss: @differentiable(reverse) (Parameters, @noDerivative Range<Int>) -> Double = { p, rows in
            meanSquaredError(mlp(x.gatheringRows(Array(rows)), p), y.gatheringRows(Array(rows)))
        }
        let whole = valueWithGradient(at: parameters) { p in loss(p, 0..<10) }
        let split = valueWithGradient(at: parameters, parts: ranges, of: loss)
        #expect(abs(split.value - whole.value) <= 1e-12 * abs(whole.value))
        #expect(gradientDifference(split.gradient, whole.gradient) < 1e-12)
        // Equal weights instead of the shares would be wrong: the test can tell.
        let equal = ranges.map { BatchPart($0.batch, share: 1.0 / 3) }
        #expect(abs(valueWithGradient(at: parameters, parts: equal, of: loss).value - whole.value) > 1e-6)
    }

    @Test func rowRangesCoverEveryRowOnceInWholeGroups() {
        for (rows, group, count) in [(12, 3, 2), (12, 3, 4), (12, 3, 9), (7, 1, 3), (5, 5, 2)] {
            let parts = BatchPart.rowRanges(rows: rows, groupSize: group, count: count)
            #expect(parts.count == min(count, rows / group))
            #expect(parts.flatMap { Array($0.batch) } == Array(0..<rows))
            #expect(parts.allSatisfy { !$0.batch.isEmpty && $0.batch.lowerBound % group == 0 && $0.batch.count % group == 0 })
            #expect(abs(parts.reduce(0) { $0 + $1.share } - 1) < 1e-15)
        }
    }

    @Test func trainingOnPartsFollowsTrainingOnTheWholeBatch() throws {
        var rng = SeededGenerator(seed: 5)
        var parameters = Parameters()
        let mlp = MLP("mlp", widths: [2, 16, 1], activation: .gelu, in: &parameters, using: &rng)
        let x = Matrix.randomNormal(64, 2, using: &rng), y = Matrix.randomNormal(64, 1, using: &rng)
        let loss: @differentiable(reverse) (Parameters, @noDerivative (Matrix, Matrix)) -> Double = { p, data in
            meanSquaredError(mlp(data.0, p), data.1)
        }
        let split: ((Matrix, Matrix)) -> [BatchPart<(Matrix, Matrix)>] = { data in
            BatchPart.rowRanges(rows: data.0.rows, count: 2).map { part in
                part.map { (data.0.gatheringRows(Array($0)), data.1.gatheringRows(Array($0))) }
            }
        }
        var whole = parameters, parted = parameters
        var adamWhole = Adam(learningRate: 1e-2), adamParted = Adam(learningRate: 1e-2)
        let a = try train(&whole, optimizer: &adamWhole, steps: 5, batch: { _ in (x, y) }, loss: loss)
        let b = try train(&parted, optimizer: &adamParted, steps: 5, batch: { _ in (x, y) }, split: split, loss: loss)
        #expect(a.losses.count == 5 && b.losses.count == 5)
        #expect(zip(a.losses, b.losses).allSatisfy { abs($0 - $1) <= 1e-10 * abs($0) })
        #expect(a.losses.last! < a.losses.first!)
        #expect(zip(whole.values, parted.values).allSatisfy { relativeError($0, $1) < 1e-9 })
    }

    @Test func confinementNestsAndEnds() {
        #expect(!KernelThreads.isConfined)
        var rng = SeededGenerator(seed: 1)
        let a = Matrix.randomNormal(256, 256, using: &rng)
        let outside = a * a
        KernelThreads.confined {
            #expect(KernelThreads.isConfined)
            KernelThreads.confined { #expect(KernelThreads.isConfined) }
            #expect(KernelThreads.isConfined)
            #expect(relativeError(a * a, outside) < 1e-13)
        }
        #expect(!KernelThreads.isConfined)
    }
}

/// The groups of parameters updated at once: every index once, in order, contiguous, with
/// entry counts about equal.
@Suite struct ParameterGroupTests {
    @Test func groupsCoverEveryParameterOnceAndBalanceTheEntries() {
        let sizes = [4096, 64, 16384, 64, 16384, 64, 4096, 64, 4096]
        for count in 1...4 {
            let ranges = ParameterGroups.ranges(sizes: sizes, count: count)
            #expect(ranges.flatMap { Array($0) } == Array(sizes.indices), "\(count) groups")
            #expect(ranges.count == min(count, sizes.count) && ranges.allSatisfy { !$0.isEmpty })
            let loads = ranges.map { $0.reduce(0) { $0 + sizes[$1] } }
            // No group holds more than its share plus the largest single parameter.
            #expect(loads.max()! <= sizes.reduce(0, +) / count + sizes.max()!, "\(count) groups: \(loads)")
        }
        #expect(ParameterGroups.ranges(sizes: [10], count: 2) == [0..<1])
        #expect(ParameterGroups.ranges(sizes: [], count: 2) == [0..<0])
    }
}
