internal import CKernels
internal import CLAPACK
import Foundation

/// Which of OpenBLAS's kernel families this process runs, and a way to get the right one
/// when OpenBLAS guessed wrong.
///
/// OpenBLAS picks its kernels once, when it is loaded, from the processor's model number.
/// A release older than the processor does not know the number and falls back to its
/// SSE3-only "Prescott" kernels. Debian 12's OpenBLAS 0.3.21 does so on a Xeon of family 6,
/// model 207, which has AVX-512: there a transformer training step took 41 ms instead of
/// 23 ms (`TrainingBenchmark transformer`). The choice can only be changed before the
/// library is loaded, through the `OPENBLAS_CORETYPE` environment variable, so
/// ``relaunchIfGeneric()`` sets it and starts the program again.
public enum BLASKernels {
    /// The kernel family OpenBLAS chose for this process ("SkylakeX", "Haswell",
    /// "Prescott", …).
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// The family this processor's instruction set calls for: "SkylakeX" with AVX-512,
    /// "Haswell" with AVX2 and FMA (what OpenBLAS chooses for the processors it knows
    /// with those features, for double precision), `nil` for older or other processors.
    public static var processorCore: String? {
        lemma_blas_core_for_processor().map { String(cString: $0) }
    }

    /// The family to ask for, or `nil` to keep OpenBLAS's choice: only when OpenBLAS fell
    /// back to "Prescott" although the processor has newer vector units, and only when
    /// the user has not chosen (`userChoice`, the value of `OPENBLAS_CORETYPE`, is `nil`).
    public static func replacement(chosen: String, processor: String?, userChoice: String?) -> String? {
        guard userChoice == nil, chosen.lowercased() == "prescott" else { return nil }
        return processor
    }

    /// Replaces this process with a fresh start of the same executable, with the same
    /// arguments and `OPENBLAS_CORETYPE` set, when ``replacement(chosen:processor:userChoice:)``
    /// names a family; otherwise returns at once. Call it first thing in `main`, before
    /// any thread or file is opened that the new start would not expect. A start that has
    /// the variable set never relaunches again, and if `execv` fails the process goes on
    /// with the kernels it has.
    public static func relaunchIfGeneric() {
        #if os(Linux)
        let userChoice = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        guard let core = replacement(chosen: coreName, processor: processorCore, userChoice: userChoice) else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // Only reached when exec failed: stay on the kernels already loaded.
        unsetenv("OPENBLAS_CORETYPE")
        for pointer in argv { free(pointer) }
        #endif
    }
}
