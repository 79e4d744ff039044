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
    private(set) var failures = 0

    private init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let path = ProcessInfo.processInfo.environment[ClaimEvent.resultsEnvironmentKey] {
            sink = fopen(path, "a")
        } else {
            sink = nil
        }
    }

    func record(_ event: ClaimEvent) {
        lock.lock()
        defer { lock.unlock() }
        if let claim = event.claim, claim.status != .pass { failures += 1 }
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
