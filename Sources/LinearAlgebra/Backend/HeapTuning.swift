#if canImport(Glibc)
import Glibc
#endif

/// Keeps freed matrix storage in the process for reuse.
///
/// By default glibc serves every block above 128 KiB with its own `mmap` and returns it
/// to the kernel on `free`, so each new 256×256 result (512 KiB) pays its page faults
/// again — measured here, 0.43 ms of a 1.0 ms product, which numpy does not pay. With
/// blocks up to 32 MiB (glibc's largest setting; a 2048×2048 matrix) taken from the heap
/// and the heap trimmed only when 512 MiB are free at its top, a loop of matrix
/// operations reuses its memory. It is process-wide and applied once, at the first
/// `Matrix`; a claim program is a process of its own, so nothing else is affected.
enum HeapTuning {
    /// Evaluated once; reading it applies the settings.
    static let applied: Void = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module leaves out, so it
        // is looked up by name; the parameter numbers are glibc's stable ABI.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD
        _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
        #endif
    }()

    /// Asks the kernel to back a fresh buffer of more than 32 MiB (glibc maps those on their
    /// own) with 2 MiB pages before it is first written: one fault per 2 MiB instead of one
    /// per 4 KiB. For a 4096 × 4096 result this saved about half of the time spent
    /// faulting the pages in. A no-op for smaller buffers and where the kernel declines.
    static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
        #if canImport(Glibc)
        let bytes = buffer.count * MemoryLayout<Double>.stride
        guard bytes > 32 << 20, let base = buffer.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 14)  // MADV_HUGEPAGE
        #endif
    }
}
