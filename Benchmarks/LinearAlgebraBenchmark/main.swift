// Times LinearAlgebra on the cases of Benchmarks/linear_algebra.py, printing one JSON
// object per line: {"case": ..., "seconds": median seconds per operation}.
// Build in release mode; run through Benchmarks/linear_algebra.py for the comparison.
import Foundation
import LinearAlgebra

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Median over `repeats` runs of the time of one call of `body`.
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()  // warm-up
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        try body()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

BLASKernels.relaunchIfGeneric()  // OpenBLAS's own kernels for this processor
/// Cases whose name contains the first argument, or all.
let filter = CommandLine.arguments.dropFirst().first ?? ""
func wanted(_ name: String) -> Bool { filter.isEmpty || name.contains(filter) }

func report(_ name: String, _ seconds: @autoclosure () throws -> Double) rethrows {
    guard wanted(name) else { return }
    let seconds = try seconds()
    print("{\"case\": \"\(name)\", \"seconds\": \(seconds)}")
    fflush(nil)
}

var rng = SeededGenerator(seed: 1)
var sink = 0.0

for n in [256, 512, 1024] {
    let a = Matrix.randomNormal(n, n, using: &rng), b = Matrix.randomNormal(n, n, using: &rng)
    report("matmul \(n)", median(n == 1024 ? 7 : 15) { sink += (a * b)[0, 0] })
}
let n = 512
let a = Matrix.randomNormal(n, n, using: &rng)
let rhs = Vector.randomNormal(n, using: &rng)
let spd = a * a.transposed + Double(n) * Matrix.identity(n)
try report("solve 512", try median(15) { sink += try a.solve(rhs)[0] })
try report("slogdet 512", try median(15) { sink += try a.signAndLogAbsDeterminant().logAbs })
try report("cholesky 512", try median(15) { sink += try spd.cholesky()[0, 0] })
try report("eigh 512", try median(7) { sink += try spd.symmetricEigen().values[0] })
let a256 = Matrix.randomNormal(256, 256, using: &rng)
try report("svd 256", try median(7) { sink += try a256.svd().s[0] })

// 100 000 small matrices, as numpy handles them batched.
let count = 100_000
let smalls: [Matrix3] = (0..<count).map { _ in Matrix3(Matrix.randomNormal(3, 3, using: &rng)) }
let symmetric: [Matrix3] = smalls.map { m in
    let t = m.transposed
    return Matrix3(m.r0 + t.r0, m.r1 + t.r1, m.r2 + t.r2)
}
/// Median seconds per matrix of `value` called on each of `matrices` in turn.
@MainActor func perMatrix(_ matrices: [Matrix3], _ value: (Matrix3) -> Double) -> Double {
    median(9) {
        var s = 0.0
        for m in matrices { s += value(m) }
        sink += s
    } / Double(matrices.count)
}
report("3x3 det (per matrix)", perMatrix(smalls) { $0.determinant })
report("3x3 inverse (per matrix)", perMatrix(smalls) { $0.inverse.r0.x })
report("3x3 eigh (per matrix)", median(9) {
    sink += Matrix3.symmetricEigen(of: symmetric)[count / 2].values.x
} / Double(count))
report("3x3 eigh, one call each", perMatrix(symmetric) { $0.symmetricEigen.values.x })
FileHandle.standardError.write(Data("checksum \(sink)\n".utf8))
