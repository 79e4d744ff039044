import Foundation

/// Writes a built site to disk atomically: everything goes into a fresh folder beside the
/// target, which then replaces the target in one rename. A build that fails half-way
/// leaves the previous site as it was.
public struct SiteWriter {
    /// The folder the site ends up in, e.g. `site/public`.
    public var destination: URL

    public init(destination: URL) { self.destination = destination }

    /// Writes `pages` (path → HTML), copies `files` (path in the site → source file), then
    /// swaps the result in.
    public func write(pages: [String: String], files: [String: URL]) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent)-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(destination.lastPathComponent)-old-\(getpid())")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: retired)
        do {
            for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(html.utf8).write(to: url)
            }
            for (path, source) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Copy what a symlink points at (Debian links katex.min.js to katex.js).
                try fm.copyItem(at: source.resolvingSymlinksInPath(), to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        if fm.fileExists(atPath: destination.path) {
            try fm.moveItem(at: destination, to: retired)
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            // Put the previous site back.
            try? fm.moveItem(at: retired, to: destination)
            throw error
        }
        try? fm.removeItem(at: retired)
    }
}
