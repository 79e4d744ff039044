import Foundation

/// Runs a program to its end (or its time limit) and collects what it printed.
enum Subprocess {
    struct Outcome: Sendable {
        var status: Int32
        /// Whether the process ended by a signal (a crash) rather than by exiting.
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments` in `directory`; kills it after `timeout` seconds.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL,
        environment: [String: String] = [:], timeout: Double? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice

        // Drain both pipes while the process runs, so a chatty program never blocks on a full pipe.
        let group = DispatchGroup()
        let collected = Collected()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        try process.run()
        let timer = Timer(process: process)
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { timer.fire() }
        }
        process.waitUntilExit()
        timer.cancel()
        group.wait()
        return Outcome(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timer.fired,
            stdout: String(decoding: collected.stdout, as: UTF8.self),
            stderr: String(decoding: collected.stderr, as: UTF8.self))
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stdout = Data()
        private(set) var stderr = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isError { stderr = data } else { stdout = data }
        }
    }

    /// Kills the process when its time is up, unless it ended first.
    private final class Timer: @unchecked Sendable {
        private let lock = NSLock()
        private let process: Process
        private var done = false
        private(set) var fired = false
        init(process: Process) { self.process = process }

        func fire() {
            lock.lock()
            defer { lock.unlock() }
            guard !done, process.isRunning else { return }
            fired = true
            kill(process.processIdentifier, SIGKILL)
        }

        func cancel() {
            lock.lock()
            done = true
            lock.unlock()
        }
    }
}
