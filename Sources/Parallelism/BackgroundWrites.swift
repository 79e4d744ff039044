import Foundation

/// Work that writes files on another thread, by path: `wait(path)` returns once the
/// writes of that path started so far are done, `waitForAll()` once all are.
public final class BackgroundWrites: @unchecked Sendable {
    /// The process's writes: the program waits for them before it exits.
    public static let shared = BackgroundWrites()

    public init() {}

    private let lock = NSLock()
    private var groups: [String: DispatchGroup] = [:]

    public func start(_ path: String, _ work: @escaping @Sendable () -> Void) {
        lock.lock()
        let group = groups[path] ?? DispatchGroup()
        groups[path] = group
        lock.unlock()
        // One at a time per path, in order: a later write never lands before an earlier one.
        group.wait()
        DispatchQueue.global().async(group: group) { work() }
    }

    public func wait(_ path: String) {
        lock.lock()
        let group = groups[path]
        lock.unlock()
        group?.wait()
    }

    public func waitForAll() {
        lock.lock()
        let all = Array(groups.values)
        lock.unlock()
        for group in all { group.wait() }
    }
}
