import Diagnostics
import Foundation

/// What compiling and running one article's claim program produced, before any verdict is
/// drawn from it: this is what the cache keeps.
///
/// Verdicts that depend on the article beyond its claim program — the expected text of
/// `output` blocks, the claim sites that must report — are worked out from it anew on every
/// run (``ResultAssembly``), so editing an `output` block can never be answered from a
/// result computed for other expected text.
struct RunOutcome: Sendable, Codable, Hashable {
    /// Compiler errors and warnings, at article lines.
    var compileDiagnostics: [Diagnostic] = []
    /// Whether the program compiled (and so ran).
    var compiled = false
    /// The events of the process the verifier started, in order, up to and including its
    /// `end` event; events of other processes (a forked child) and after `end` are dropped.
    var events: [ClaimEvent] = []
    /// What each block printed, by its first code line.
    var outputs: [Int: BlockOutput] = [:]
    /// How the program stopped, when it did not reach its end.
    var stop: Stop?
    /// Wall-clock seconds of compiling and running.
    var seconds: Double = 0

    /// How and where a claim program stopped before its end.
    struct Stop: Sendable, Codable, Hashable {
        /// `run.crash`, `run.timeout`, `run.exit`, `run.results`.
        var id: String
        /// The article line where it stopped: the trapping line, or the statement running.
        var line: Int
        var timedOut: Bool
        /// One sentence: what happened, with the runtime's message.
        var summary: String
        /// The end of standard error when it says more than the summary.
        var explanation: String?
    }

    /// Whether the program reached its end.
    var ranToEnd: Bool { compiled && stop == nil }

    /// Whether storing this outcome is right: a complete run or a compile error, never a
    /// crash, a time-out or a failure to start something (the next run may differ).
    var isCacheable: Bool { !compiled ? compileDiagnostics.contains { $0.id == "compile.error" } : stop == nil }

    /// Keeps the events of process `pid` up to its `end` event.
    static func ownEvents(_ events: [ClaimEvent], pid: Int32) -> [ClaimEvent] {
        var kept: [ClaimEvent] = []
        for event in events where event.pid == pid {
            kept.append(event)
            if event.event == .end { break }
        }
        return kept
    }

    /// Decodes the result channel's JSON lines; a torn or foreign line is skipped.
    static func decodeChannel(_ data: Data) -> [ClaimEvent] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? decoder.decode(ClaimEvent.self, from: Data($0))
        }
    }
}
