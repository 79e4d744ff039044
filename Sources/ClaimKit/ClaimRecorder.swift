import Diagnostics
import Foundation

/// Collects the verdicts of one claim program and streams them to the verifier.
///
/// Every event is written at once as one JSON line to the result channel, a pipe that the
/// verifier opened for this process (its descriptor number is in the environment at
/// start, see ``ClaimEvent/channelEnvironmentKey``; ``connect()`` takes it out of the
/// environment and closes it on `exec`, so programs started by claim code do not inherit
/// it). Verdicts recorded before a crash therefore survive it. Each event carries the
/// writer's process id, so the verifier can ignore what a forked child reports. Without a
/// channel (a claim program run by hand) verdicts are printed to standard error instead.
final class ClaimRecorder: @unchecked Sendable {
    static let shared = ClaimRecorder()

    private let lock = NSLock()
    private var channel: Int32 = -1
    private let encoder: JSONEncoder
    /// When the last claim finished or the current block started.
    private var lastMark = Date()

    private init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    var isConnected: Bool { lock.withLock { channel >= 0 } }

    /// Takes the channel's descriptor from the environment (once).
    func connect() {
        lock.withLock {
            guard channel < 0, let text = getenv(ClaimEvent.channelEnvironmentKey),
                let fd = Int32(String(cString: text)), fd > 2, fcntl(fd, F_GETFD) >= 0
            else { return }
            unsetenv(ClaimEvent.channelEnvironmentKey)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            channel = fd
        }
    }

    /// Records a claim's verdict, timing it from the previous mark.
    func claim(
        line: Int, column: Int, kind: ClaimKind, label: String, passed: Bool,
        actual: String? = nil, expected: String? = nil, detail: String? = nil
    ) {
        claim(
            line: line, column: column, kind: kind, label: label, status: passed ? .pass : .fail,
            actual: actual, expected: expected, detail: detail)
    }

    /// Records a claim with any status (an identity that cannot be decided is an error).
    func claim(
        line: Int, column: Int, kind: ClaimKind, label: String, status: ClaimStatus,
        actual: String? = nil, expected: String? = nil, detail: String? = nil
    ) {
        let now = Date()
        let seconds = now.timeIntervalSince(lock.withLock { lastMark })
        record(
            ClaimEvent(
                event: .claim,
                claim: ClaimRecord(
                    line: line, column: column, kind: kind, label: label, status: status,
                    actual: actual, expected: expected, detail: detail, seconds: seconds)))
        lock.withLock { lastMark = Date() }
    }

    func record(_ event: ClaimEvent) {
        var event = event
        event.pid = getpid()
        lock.lock()
        defer { lock.unlock() }
        if event.event == .block { lastMark = Date() }
        guard channel >= 0 else {
            if let claim = event.claim {
                let mark = claim.status == .pass ? "PASS" : claim.status.rawValue.uppercased()
                FileHandle.standardError.write(Data("line \(claim.line): \(mark) \(claim.label) \(claim.detail ?? "")\n".utf8))
            }
            return
        }
        guard var data = try? encoder.encode(event) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(channel, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
