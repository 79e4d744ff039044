import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process groups of the programs `lemma` is running (compilers and claim programs),
/// so that an interrupted `lemma` can end them: ``installSignalHandlers()`` makes
/// `SIGINT`, `SIGTERM` and `SIGHUP` kill every listed group before `lemma` dies of the
/// signal.
///
/// The list is a fixed array of process ids that the signal handler reads without locks
/// (only `kill` is called there, which is async-signal-safe); adding and removing take a
/// lock among threads.
public final class ProcessRegistry: @unchecked Sendable {
    public static let shared = ProcessRegistry()

    private static let capacity = 256
    private let slots: UnsafeMutablePointer<Int32>
    private let lock = NSLock()

    private init() {
        slots = .allocate(capacity: Self.capacity)
        slots.initialize(repeating: 0, count: Self.capacity)
    }

    /// Runs `spawn` (which returns its status and the new process id, 0 on failure) with the
    /// registry locked, and lists the new process, so a signal cannot slip in between.
    func spawning(_ spawn: () -> (Int32, Int32)) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let (status, pid) = spawn()
        if pid > 0, let free = (0..<Self.capacity).first(where: { slots[$0] == 0 }) {
            slots[free] = pid
        }
        return status
    }

    /// Runs `body` while no other thread starts a process.
    func exclusively<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Takes `pid` off the list once its group is dead.
    func remove(_ pid: Int32) {
        lock.lock()
        defer { lock.unlock() }
        for k in 0..<Self.capacity where slots[k] == pid { slots[k] = 0 }
    }

    /// Kills every listed process group. Safe to call from a signal handler.
    public func killAll() {
        for k in 0..<Self.capacity {
            let pid = slots[k]
            if pid > 0 { kill(-pid, SIGKILL) }
        }
    }

    /// Makes `SIGINT`, `SIGTERM` and `SIGHUP` end the listed groups, then `lemma` itself
    /// (with the signal's default action, so the exit status tells the signal) — even when
    /// the parent started `lemma` with those signals blocked or ignored (masks are
    /// inherited). Call it on the main thread before starting any other.
    public static func installSignalHandlers() {
        _ = shared
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { received in
                ProcessRegistry.shared.killAll()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}
