import Foundation

/// A private working folder for one compile-and-run of one article:
/// `ROOT/.build/lemma/runs/PID.RANDOM/`, holding the generated source, the binary and the
/// program's `TMPDIR`. No two runs share one, so two `lemma` processes on the same site
/// folder never read each other's files; it is removed when the run is over, and folders
/// left by a process that no longer exists (a `kill -9`) are removed by the next run.
struct RunDirectory {
    let url: URL

    var source: URL { url.appendingPathComponent("main.swift") }
    var hooks: URL { url.appendingPathComponent("hooks.swift") }
    var binary: URL { url.appendingPathComponent("claims") }
    var temporary: URL { url.appendingPathComponent("tmp") }

    /// Creates a new folder under `parent`.
    init(in parent: URL) throws {
        var generator = SystemRandomNumberGenerator()
        let name = "\(getpid()).\(String(generator.next(), radix: 36))"
        url = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Removes the folders under `parent` whose process has ended.
    static func removeAbandoned(in parent: URL) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let pid = Int32(name.prefix { $0 != "." }), pid != getpid(), !isAlive(pid) else { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Whether a process with this id exists.
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
