// Times softmax attention and its Nyström approximation (Models/Attention) for
// Benchmarks/attention.py, which runs the same cases in numpy in the same run.
// Prints one JSON line per case: {"case": ..., "seconds": median of the repeats}.
import Foundation
import LinearAlgebra
import Models

func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

BLASKernels.relaunchIfGeneric()  // OpenBLAS's own kernels for this processor
let arguments = CommandLine.arguments.dropFirst()
let n = arguments.first.flatMap(Int.init) ?? 4096
let d = 64, m = 64
var rng = SeededGenerator(seed: 1)
let q = Matrix.randomNormal(n, d, using: &rng), k = Matrix.randomNormal(n, d, using: &rng), v = Matrix.randomNormal(n, d, using: &rng)
var sink = 0.0
let full = try median(5) { sink += try SoftmaxAttention.attention(queries: q, keys: k, values: v)[0, 0] }
print("{\"case\": \"full n=\(n) d=\(d)\", \"seconds\": \(full)}")
let nystrom = try median(21) { sink += try NystromAttention(landmarks: m)(queries: q, keys: k, values: v)[0, 0] }
print("{\"case\": \"nystrom n=\(n) d=\(d) m=\(m)\", \"seconds\": \(nystrom)}")
if sink.isNaN { print("unreachable") }
