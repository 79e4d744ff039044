// Training speed of Lemma's Learning toolkit, one JSON line per run (see
// Benchmarks/training.py, which runs the same cases in PyTorch in the same session).
//
//   TrainingBenchmark realnvp SEED [P]         the two-moons RealNVP of ../shared/bench/bench_realnvp.py
//   TrainingBenchmark transformer SEED N [P] [double|single]
//                                              N training steps of two transformer layers,
//                                              the dense layers' products in that precision
// P > 1 differentiates each batch in P parts at once (Learning's DataParallel); default 1.
import Foundation
import Learning
import LinearAlgebra

/// What a coupling layer returns: the transformed batch and each row's log-determinant.
struct CouplingOutput: Differentiable {
    var z: Matrix
    var logDet: Matrix

    @differentiable(reverse)
    init(z: Matrix, logDet: Matrix) {
        self.z = z
        self.logDet = logDet
    }
}

/// An affine coupling layer as the reference script builds it: the masked input goes
/// through an MLP 2→64→64→2 whose outputs are a log-scale (through tanh) and a shift for
/// the free coordinate.
struct Coupling {
    let mask: Matrix, free: Matrix
    let net: MLP

    /// The transformed batch and each row's log-determinant (`m × 1`).
    @differentiable(reverse, wrt: (x, parameters))
    func callAsFunction(_ x: Matrix, _ parameters: Parameters) -> CouplingOutput {
        let kept = x.multiplying(row: mask)
        let st = net(kept, parameters)
        let s = tanh(st.slicingColumns(0..<1)), t = st.slicingColumns(1..<2)
        let z = kept + x.multiplying(column: exp(s)).adding(column: t).multiplying(row: free)
        return CouplingOutput(z: z, logDet: s)
    }
}

struct RealNVP {
    let layers: [Coupling]

    init(in parameters: inout Parameters, using rng: inout SeededGenerator) {
        let masks = [Matrix([[1, 0]]), Matrix([[0, 1]]), Matrix([[1, 0]]), Matrix([[0, 1]])]
        layers = masks.enumerated().map { i, mask in
            Coupling(mask: mask, free: 1 - mask, net: MLP("coupling\(i + 1)", widths: [2, 64, 64, 2], in: &parameters, using: &rng))
        }
    }

    /// The mean negative log-likelihood of the rows of `x` under the flow.
    @differentiable(reverse, wrt: parameters)
    func negativeLogLikelihood(_ x: Matrix, _ parameters: Parameters) -> Double {
        var z = x
        var logDet = Matrix.zeros(withoutDerivative(at: x.rows), 1)
        for i in withoutDerivative(at: 0..<layers.count) {
            let step = layers[i](z, parameters)
            z = step.z
            logDet = logDet + step.logDet
        }
        return -(standardNormalLogDensity(z) + logDet).mean()
    }
}

func realNVP(seed: UInt64, parts: Int) throws -> [String: Any] {
    var rng = SeededGenerator(seed: seed)
    var parameters = Parameters()
    let flow = RealNVP(in: &parameters, using: &rng)
    let test = twoMoons(10_000, using: &rng)
    var adam = Adam(learningRate: 1e-3)
    let start = Date()
    let split: ((Matrix) -> [BatchPart<Matrix>])? = parts == 1 ? nil : { x in
        BatchPart.rowRanges(rows: x.rows, count: parts).map { $0.map { x.gatheringRows(Array($0)) } }
    }
    let history = try train(&parameters, optimizer: &adam, steps: 1000, batch: { _ in twoMoons(256, using: &rng) }, split: split) { p, x in
        flow.negativeLogLikelihood(x, p)
    }
    let seconds = Date().timeIntervalSince(start)
    return [
        "seed": seed, "parts": parts, "train_s": seconds, "ms_per_step": seconds, // 1000 steps: seconds = ms per step
        "nll_last_batch": history.losses.last!,
        "nll_test": flow.negativeLogLikelihood(test, parameters),
    ]
}

func transformer(seed: UInt64, steps: Int, parts: Int, precision: ProductPrecision) throws -> [String: Any] {
    var rng = SeededGenerator(seed: seed)
    var parameters = Parameters()
    let (batch, length, width) = (32, 32, 64)
    let blocks = (1...2).map {
        TransformerBlock("layer\($0)", width: width, heads: 4, normalization: .post, precision: precision,
                         in: &parameters, using: &rng)
    }
    let x = Matrix.randomNormal(batch * length, width, using: &rng)
    let target = Matrix.randomNormal(batch * length, width, using: &rng)
    var adam = Adam(learningRate: 1e-3)
    // The batch is the pair (inputs, targets); parts hold whole sequences.
    let loss: @differentiable(reverse) (Parameters, @noDerivative (Matrix, Matrix)) -> Double = { p, data in
        var h = data.0
        for i in withoutDerivative(at: 0..<blocks.count) { h = blocks[i](h, sequenceLength: length, p).output }
        return meanSquaredError(h, data.1)
    }
    let split: (((Matrix, Matrix)) -> [BatchPart<(Matrix, Matrix)>])? = parts == 1 ? nil : { data in
        BatchPart.rowRanges(rows: data.0.rows, groupSize: length, count: parts).map { part in
            part.map { rows in (data.0.gatheringRows(Array(rows)), data.1.gatheringRows(Array(rows))) }
        }
    }
    // One warm-up step, then the timed ones.
    try train(&parameters, optimizer: &adam, steps: 1, batch: { _ in (x, target) }, split: split, loss: loss)
    let start = Date()
    let history = try train(&parameters, optimizer: &adam, steps: steps, batch: { _ in (x, target) }, split: split, loss: loss)
    let seconds = Date().timeIntervalSince(start)
    return ["seed": seed, "steps": steps, "parts": parts, "precision": precision.rawValue, "ms_per_step": seconds / Double(steps) * 1000, "loss_last": history.losses.last!]
}

BLASKernels.relaunchIfGeneric()  // OpenBLAS's own kernels for this processor
let arguments = CommandLine.arguments
guard arguments.count >= 3, let seed = UInt64(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: TrainingBenchmark realnvp SEED [PARTS] | transformer SEED STEPS [PARTS] [double|single]\n".utf8))
    exit(2)
}
var result: [String: Any]
switch arguments[1] {
case "realnvp":
    result = try realNVP(seed: seed, parts: arguments.count > 3 ? max(1, Int(arguments[3]) ?? 1) : 1)
case "transformer":
    result = try transformer(
        seed: seed, steps: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20,
        parts: arguments.count > 4 ? max(1, Int(arguments[4]) ?? 1) : 1,
        precision: arguments.count > 5 ? ProductPrecision(rawValue: arguments[5]) ?? .double : .double)
default:
    FileHandle.standardError.write(Data("unknown case \(arguments[1])\n".utf8))
    exit(2)
}
result["blas_core"] = BLASKernels.coreName
print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))

