internal import CKernels

/// Which build of LinearAlgebra's C kernels (`exp`, GELU, softmax, layer norm, Adam, the
/// conversions of single-precision products) this processor runs: "x86-64-v4" with
/// AVX-512, "x86-64-v3" with AVX2 and FMA, "baseline" otherwise. The choice is made when
/// the library loads. The row kernels add in the same order in every variant; `exp` (and
/// what uses it) may differ in the last bit between variants, so values kept across runs
/// are keyed by it (ClaimKit's `persisted`).
public enum KernelVariant {
    public static var name: String { String(cString: lemma_kernel_variant()) }
}
