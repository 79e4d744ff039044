import Synchronization

/// Whether LinearAlgebra's kernels may spread one operation over the machine's cores.
///
/// By default a large matrix product runs on every thread OpenBLAS started with (see
/// `BLASThreads`) and a large element-wise loop on one block of rows per core. A caller
/// that already keeps every core busy with work of its own — training on several parts
/// of a batch at once, say — wants the opposite: each kernel on the thread that called it.
/// Nested splitting there costs more than it brings: two parts of a transformer step, each
/// with two-threaded products, took 38 ms where the same parts with one-threaded products
/// took 13 ms (`TrainingBenchmark`).
public enum KernelThreads {
    private static let confinedDepth = Atomic<Int>(0)

    /// Whether kernels are confined to their calling thread now.
    public static var isConfined: Bool { confinedDepth.load(ordering: .acquiring) > 0 }

    /// Runs `body` with every kernel started anywhere in the process — on any thread —
    /// confined to the thread that starts it, until `body` returns. Calls may nest; the
    /// setting is process-wide, as OpenBLAS's own thread count is.
    public static func confined<R>(_ body: () throws -> R) rethrows -> R {
        if confinedDepth.add(1, ordering: .acquiringAndReleasing).newValue == 1 {
            BLASThreads.confine()
        }
        defer { confinedDepth.subtract(1, ordering: .acquiringAndReleasing) }
        return try body()
    }
}
