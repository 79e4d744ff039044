import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program in a process group of its own, reads what it writes while it runs, and
/// makes sure nothing it started outlives it.
///
/// - The child starts with no blocked signals and every signal at its default action (a
///   thread of `lemma` may have blocked some; a child must still die of `SIGTERM`).
/// - Its standard input is `/dev/null`; standard output goes to a ``Sink`` as it arrives;
///   standard error is kept up to ``Limits/stderrBytes`` (its start and its end); the
///   optional result channel (a pipe at descriptor 3) up to ``Limits/channelBytes``.
/// - When the program exits, or its time is up, its whole process group is killed (a
///   forked child holding the pipes open cannot keep `lemma` waiting), and reading stops
///   at most ``Limits/drainSeconds`` later.
/// - While it runs its group is listed in ``ProcessRegistry``, so an interrupted `lemma`
///   ends it.
struct ChildProcess {
    /// Bounds on what is kept of a run.
    struct Limits {
        /// Standard error kept: the first quarter and the last three quarters of this many bytes.
        var stderrBytes = 1 << 20
        /// Result channel bytes; beyond this the run is marked ``Outcome/channelOverflowed``.
        var channelBytes = 64 << 20
        /// How long to go on reading after the program ended.
        var drainSeconds = 1.0
    }

    /// Receives standard output as it arrives.
    typealias Sink = (UnsafeRawBufferPointer) -> Void

    struct Outcome: Sendable {
        /// Exit status, or the signal number when ``signaled``.
        var status: Int32
        /// Whether the process ended by a signal (a crash, or the kill at its time limit).
        var signaled: Bool
        var timedOut: Bool
        var stderr: String
        /// Everything read from the result channel (empty without one).
        var channel: Data
        /// Whether the channel carried more than ``Limits/channelBytes``.
        var channelOverflowed: Bool
        /// The process id, which is also the process group id.
        var pid: Int32
    }

    var executable: String
    var arguments: [String] = []
    var directory: String
    /// Added to (or replacing entries of) this process's environment.
    var environment: [String: String] = [:]
    /// Seconds before the process group is killed; nil for no limit.
    var timeout: Double?
    /// Whether to open the result channel at descriptor 3.
    var channel = false
    var limits = Limits()

    /// The descriptor number the result channel has in the child.
    static let channelDescriptor: Int32 = 3

    /// Starts the program and waits for it; `stdout` receives its standard output.
    ///
    /// - Throws: ``ChildProcessError`` when the program cannot be started.
    func run(stdout: Sink) throws -> Outcome {
        var pipes: [(read: Int32, write: Int32)] = []
        defer { for p in pipes { close(p.read); if p.write >= 0 { close(p.write) } } }
        // Pipes are made close-on-exec while no other thread spawns (the registry's lock),
        // so no other child inherits them and keeps them open.
        let made: Int32 = ProcessRegistry.shared.exclusively {
            for _ in 0..<(channel ? 3 : 2) {
                var fds: [Int32] = [0, 0]
                guard pipe(&fds) == 0 else { return errno }
                _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
                pipes.append((fds[0], fds[1]))
            }
            return 0
        }
        guard made == 0 else { throw ChildProcessError.pipe(made) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[0].write, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[1].write, 2)
        if channel { posix_spawn_file_actions_adddup2(&actions, pipes[2].write, Self.channelDescriptor) }
        guard SpawnChdir.add(&actions, directory) else { throw ChildProcessError.chdir }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env[ClaimEvent.channelEnvironmentKey] = channel ? String(Self.channelDescriptor) : nil
        let argv = [executable] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnv in
                ProcessRegistry.shared.spawning {
                    let r = posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnv)
                    return (r, r == 0 ? pid : 0)
                }
            }
        }
        guard spawned == 0 else { throw ChildProcessError.spawn(executable, spawned) }
        defer { ProcessRegistry.shared.remove(pid) }
        for k in pipes.indices {
            close(pipes[k].write)
            pipes[k].write = -1
        }
        return wait(pid: pid, pipes: pipes.map(\.read), stdout: stdout)
    }

    /// Reads the pipes until the program has ended and they are closed (or the drain time
    /// is over), killing the process group at the program's end or its time limit.
    private func wait(pid: pid_t, pipes: [Int32], stdout: Sink) -> Outcome {
        var open = pipes.map { _ in true }
        var stderr = HeadTail(limit: limits.stderrBytes)
        var channelData = Data()
        var overflowed = false
        let started = Date()
        var timedOut = false
        var ended: (status: Int32, signaled: Bool)?
        var drainUntil: Date?
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }

        while true {
            if ended == nil {
                if let status = Self.exitStatus(pid, block: false) {
                    ended = status
                } else if let timeout, Date().timeIntervalSince(started) >= timeout {
                    killpg(pid, SIGKILL)
                    timedOut = true
                    ended = Self.exitStatus(pid, block: true)
                }
                if ended != nil {
                    killpg(pid, SIGKILL)  // whatever the program left behind in its group
                    Self.reap(pid)
                    drainUntil = Date().addingTimeInterval(limits.drainSeconds)
                }
            }
            if ended != nil, !open.contains(true) || Date() >= drainUntil! { break }

            var fds = pipes.indices.map { pollfd(fd: open[$0] ? pipes[$0] : -1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 25)
            guard ready > 0 else { continue }
            for k in fds.indices where open[k] && fds[k].revents != 0 {
                let n = read(pipes[k], buffer.baseAddress, buffer.count)
                if n < 0, errno == EINTR || errno == EAGAIN { continue }
                if n <= 0 { open[k] = false; continue }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                switch k {
                case 0: stdout(bytes)
                case 1: stderr.append(bytes)
                default:
                    if channelData.count + n <= limits.channelBytes {
                        channelData.append(contentsOf: bytes)
                    } else {
                        overflowed = true
                    }
                }
            }
        }
        return Outcome(
            status: ended!.status, signaled: ended!.signaled, timedOut: timedOut, stderr: stderr.text,
            channel: channelData, channelOverflowed: overflowed, pid: pid)
    }

    /// The exit status of `pid` once it has ended, without reaping it (so its process
    /// group id cannot be reused before the group is killed); nil while it runs.
    private static func exitStatus(_ pid: pid_t, block: Bool) -> (status: Int32, signaled: Bool)? {
        var info = siginfo_t()
        while true {
            let r = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | (block ? 0 : WNOHANG))
            if r < 0, errno == EINTR { continue }
            guard r == 0, info._sifields._sigchld.si_pid == pid else { return nil }
            let code = info.si_code
            let status = info._sifields._sigchld.si_status
            return (status, code == CLD_KILLED || code == CLD_DUMPED)
        }
    }

    private static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }
}

/// Why a program could not be started.
enum ChildProcessError: Error, CustomStringConvertible {
    case pipe(Int32)
    case spawn(String, Int32)
    case chdir

    var description: String {
        switch self {
        case let .pipe(code): "cannot create a pipe: \(String(cString: strerror(code)))"
        case let .spawn(path, code): "cannot start \(path): \(String(cString: strerror(code)))"
        case .chdir: "this C library cannot start a program in another folder (posix_spawn_file_actions_addchdir_np)"
        }
    }
}

/// Keeps the start and the end of a stream that may be too long to keep whole.
struct HeadTail {
    let limit: Int
    private var head = Data()
    private var tail = Data()
    private var dropped = 0

    init(limit: Int) { self.limit = limit }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let headLimit = limit / 4
        var rest = bytes[...]
        if head.count < headLimit {
            let n = min(headLimit - head.count, rest.count)
            head.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest.prefix(n)))
            rest = rest.dropFirst(n)
        }
        guard !rest.isEmpty else { return }
        tail.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest))
        let tailLimit = limit - headLimit
        if tail.count > 2 * tailLimit {
            dropped += tail.count - tailLimit
            tail = tail.suffix(tailLimit)
        }
    }

    var text: String {
        var t = tail
        var skipped = dropped
        let tailLimit = limit - limit / 4
        if t.count > tailLimit {
            skipped += t.count - tailLimit
            t = t.suffix(tailLimit)
        }
        let middle = skipped > 0 ? "\n[… \(skipped) bytes left out …]\n" : ""
        return String(decoding: head, as: UTF8.self) + middle + String(decoding: t, as: UTF8.self)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for p in pointers { free(p) } }
    return body(pointers)
}

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29 and later), looked up at run time:
/// Swift does not see GNU extensions of the C headers.
private enum SpawnChdir {
    typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let function: Function? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np")
        else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()

    static func add(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ directory: String) -> Bool {
        guard let function else { return false }
        return function(actions, directory) == 0
    }
}
