import Diagnostics
import Foundation

/// Hooks that the verifier's generated program calls around the author's blocks.
/// Authors never call these.
public enum ClaimProgram {
    /// A `swift check` block whose first code line is `line` starts running.
    public static func beginBlock(line: Int) {
        fflush(nil)  // all streams: the author's prints land before the next event
        ClaimRecorder.shared.record(ClaimEvent(event: .block, line: line))
    }

    /// Every block ran to its end.
    public static func end() {
        fflush(nil)  // all streams: the author's prints land before the next event
        ClaimRecorder.shared.record(ClaimEvent(event: .end))
    }
}
