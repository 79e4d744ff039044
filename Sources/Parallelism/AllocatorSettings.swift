#if canImport(Glibc)
import Glibc
#endif

/// Settings of the C allocator for a process that parses and renders many articles on all
/// cores: millions of small, short-lived allocations, freed on threads other than the
/// ones that made them.
///
/// glibc keeps freed small blocks in "fast bins" and merges them all (`malloc_consolidate`)
/// whenever a larger block is asked for; with pages of tens of kilobytes built between
/// small allocations, that merge ran constantly (3 % of a site render in `perf`). With the
/// fast bins off (`M_MXFAST` 0) small blocks still come from glibc's per-thread caches,
/// and the render of `Benchmarks/site_render.py`'s corpus took about 8 % less time.
/// Elsewhere (not glibc) this does nothing.
public enum AllocatorSettings {
    /// Applies the settings; call once, early in `main`, before other threads start.
    public static func applyForBuilds() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not export.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mxfast: Int32 = 1  // M_MXFAST
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mxfast, 0)
        #endif
    }
}
