import Diagnostics
import Foundation

/// Hooks that the verifier's generated program calls around the author's blocks.
/// Authors never call these.
public enum ClaimProgram {
    /// A `swift check` block whose first code line is `line` starts running.
    public static func beginBlock(line: Int) {
        fflush(nil)  // all streams: the author's prints land before the next event
        print(ClaimEvent.stdoutMarker(line: line))
        fflush(nil)
        ClaimRecorder.shared.record(ClaimEvent(event: .block, line: line))
    }

    /// The value of the prose's inline expression number `index` (`` `= expr` ``).
    public static func inlineValue(_ index: Int, _ value: Any) {
        ClaimRecorder.shared.record(ClaimEvent(event: .inline, text: ValueFormat.inline(value), index: index))
    }

    /// Every block ran to its end.
    public static func end() {
        fflush(nil)  // all streams: the author's prints land before the next event
        ClaimRecorder.shared.record(ClaimEvent(event: .end))
    }
}
