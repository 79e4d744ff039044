import Diagnostics
import Foundation
import LinearAlgebra

/// Hooks that the verifier's generated program calls around the author's blocks.
///
/// They are SPI (`@_spi(LemmaVerifier)`), not API: claim code that imports ClaimKit the
/// ordinary way cannot call them, so no claim can declare the program finished
/// (``end()``) and hide the failures after it.
@_spi(LemmaVerifier)
public enum ClaimProgram {
    /// Connects the program to the verifier: takes the result channel out of the
    /// environment and ends the program if the verifier that started it goes away.
    /// The generated program calls it before any block.
    public static func start() {
        // Before anything is opened: this may start the program again with the right
        // OpenBLAS kernels.
        BLASKernels.relaunchIfGeneric()
        ClaimRecorder.shared.connect()
        PersistedStore.shared.connect()
        ParentWatch.start()
    }

    /// A `swift check` block whose first code line is `line` starts running.
    public static func beginBlock(line: Int) {
        fflush(nil)  // all streams: the author's prints land before the marker
        FileHandle.standardOutput.write(Data(ClaimEvent.stdoutMarker(line: line).utf8))
        PersistedStore.shared.enterStatement(nil)
        ClaimRecorder.shared.record(ClaimEvent(event: .block, line: line))
    }

    /// The top-level statement that starts at article line `line` is about to run.
    public static func statement(_ line: Int) {
        PersistedStore.shared.enterStatement(line)
        ClaimRecorder.shared.record(ClaimEvent(event: .statement, line: line))
    }

    /// The blocks are done; the prose's inline expressions are evaluated next (they belong
    /// to no top-level statement of a block).
    public static func beginInlineValues() {
        PersistedStore.shared.enterStatement(nil)
    }

    /// The value of the prose's inline expression number `index` (`` `= expr` ``).
    public static func inlineValue(_ index: Int, _ value: Any) {
        ClaimRecorder.shared.record(ClaimEvent(event: .inline, text: ValueFormat.inline(value), index: index))
    }

    /// Every block ran to its end. Claims recorded after this are not counted.
    public static func end() {
        fflush(nil)  // all streams: the author's prints land before the end
        ClaimRecorder.shared.record(ClaimEvent(event: .end))
    }
}

/// Ends the claim program when the process that started it is gone (a `kill -9` of
/// `lemma`), so no claim program outlives its verifier.
enum ParentWatch {
    static func start() {
        guard ClaimRecorder.shared.isConnected else { return }
        let parent = getppid()
        let thread = Thread {
            while true {
                usleep(200_000)
                if getppid() != parent { _exit(137) }
            }
        }
        thread.start()
    }
}
