import Diagnostics
import Foundation

/// Collects the verdicts of one claim program and streams them to the verifier.
///
/// Every event is written and flushed as one JSON line at once, so the verdicts recorded
/// before a crash survive it. Without `LEMMA_RESULTS` in the environment (a claim program
/// run by hand) verdicts are printed to standard error instead.
final class ClaimRecorder: @unchecked Sendable {
    static let shared = ClaimRecorder()

    private let lock = NSLock()
    private let sink: UnsafeMutablePointer<FILE>?
    private let encoder: JSONEncoder
    /// When the last claim finished or the current block started.
    private var lastMark = Date()

    private init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let path = ProcessInfo.processInfo.environment[ClaimEvent.resultsEnvironmentKey] {
            sink = fopen(path, "a")
        } else {
            sink = nil
        }
    }

    /// Records a claim's verdict, timing it from the previous mark.
    func claim(
        line: Int, kind: String, label: String, passed: Bool,
        actual: String? = nil, expected: String? = nil, detail: String? = nil
    ) {
        let now = Date()
        let seconds = now.timeIntervalSince(lock.withLock { lastMark })
        record(
            ClaimEvent(
                event: .claim,
                claim: ClaimRecord(
                    line: line, kind: kind, label: label, status: passed ? .pass : .fail,
                    actual: actual, expected: expected, detail: detail, seconds: seconds)))
        lock.withLock { lastMark = Date() }
    }

    func record(_ event: ClaimEvent) {
        lock.lock()
        defer { lock.unlock() }
        if event.event == .block { lastMark = Date() }
        guard let sink else {
            if let claim = event.claim {
                let mark = claim.status == .pass ? "PASS" : claim.status.rawValue.uppercased()
                FileHandle.standardError.write(Data("line \(claim.line): \(mark) \(claim.label) \(claim.detail ?? "")\n".utf8))
            }
            return
        }
        guard let data = try? encoder.encode(event) else { return }
        data.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, sink) }
        fputc(0x0A, sink)
        fflush(sink)
    }
}
