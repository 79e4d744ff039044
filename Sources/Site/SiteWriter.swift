import Foundation

/// Writes a built site to disk atomically: everything goes into a fresh folder beside the
/// target, which then replaces the target in one rename. A build that fails half-way
/// leaves the previous site as it was.
///
/// The target is only ever a folder that Lemma owns: one that does not exist, is empty,
/// or holds a previous build (its ``marker`` file). Anything else — the site folder, its
/// `articles/`, a folder holding them, a folder with other files — is refused with a
/// ``SiteWriterError`` before anything is touched. Staging folders that a killed build
/// left beside the target are removed at the next build; builds of one target take turns.
public struct SiteWriter {
    /// The folder the site ends up in, e.g. `site/public`.
    public var destination: URL
    /// The site folder, whose own files must never be replaced (nil: no such check).
    public var root: URL?

    /// The file that marks a folder as a Lemma build.
    public static let marker = ".lemma-build"

    public init(destination: URL, root: URL? = nil) {
        self.destination = destination
        self.root = root
    }

    /// Writes `pages` (path → HTML), copies `files` (path in the site → source file), keeps
    /// the previous build's files at the paths in `reused` (linked, not copied), then swaps
    /// the result in. `buildID` goes into the marker file (see ``buildID(of:)``).
    public func write(pages: [String: String], files: [String: URL], reused: Set<String> = [], buildID: String = "") throws {
        try OutputFolderPolicy.check(destination, root: root)
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = destination.lastPathComponent
        let lock = try FolderLock(parent)
        defer { lock.release() }
        removeAbandonedStaging(in: parent, name: name)
        // The check again, now that no other build of this target is between its check and its swap.
        try OutputFolderPolicy.check(destination, root: root)

        let staging = parent.appendingPathComponent(".\(name)-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name)-old-\(getpid())")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: retired)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("Written by `lemma build`; this folder is replaced by every build.\n\(Self.buildIDPrefix)\(buildID)\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
            let previous = fm.fileExists(atPath: destination.appendingPathComponent(Self.marker).path) ? destination : nil
            var madeFolders = Set<String>()
            // Each folder is made once (a thousand reused pages share one).
            func makeFolder(of url: URL) throws {
                let folder = url.deletingLastPathComponent().path
                if madeFolders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
            // Paths are joined as files (`isDirectory: false`): the plain
            // `appendingPathComponent` asks the file system, one `stat` per page.
            for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path, isDirectory: false)
                try makeFolder(of: url)
                // A page identical to the previous build's is linked, not written again.
                if let old = previous?.appendingPathComponent(path, isDirectory: false), Self.sameBytes(html, old),
                    link(old.path, url.path) == 0
                {
                    continue
                }
                try Self.write(html, to: url)
            }
            for path in reused.sorted() {
                let url = staging.appendingPathComponent(path, isDirectory: false)
                try makeFolder(of: url)
                let old = destination.appendingPathComponent(path, isDirectory: false)
                if link(old.path, url.path) != 0 { try fm.copyItem(at: old, to: url) }
            }
            for (path, source) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path, isDirectory: false)
                try makeFolder(of: url)
                // Copy what a symlink points at (Debian links katex.min.js to katex.js),
                // unless the previous build's copy holds the same bytes: then link that.
                let real = source.resolvingSymlinksInPath()
                if let old = previous?.appendingPathComponent(path, isDirectory: false), Self.sameFile(real, old),
                    link(old.path, url.path) == 0
                {
                    continue
                }
                try fm.copyItem(at: real, to: url)
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

    /// Writes the UTF-8 bytes of `text` to a new file at `url`, without copying them first.
    static func write(_ text: String, to url: URL) throws {
        var text = text
        try text.withUTF8 { bytes in
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!),
                            count: bytes.count, deallocator: .none)
            try data.write(to: url)
        }
    }

    private static let buildIDPrefix = "build: "

    /// The build id written into the marker of the site at `destination` (empty: none).
    public static func buildID(of destination: URL) -> String {
        guard let text = try? String(contentsOf: destination.appendingPathComponent(marker), encoding: .utf8) else { return "" }
        for line in text.split(separator: "\n") where line.hasPrefix(buildIDPrefix) {
            return String(line.dropFirst(buildIDPrefix.count))
        }
        return ""
    }

    /// Whether the file at `url` holds exactly the UTF-8 bytes of `text` (compared through a
    /// memory map: no copy of the file).
    static func sameBytes(_ text: String, _ url: URL) -> Bool {
        var attributes = stat()
        guard stat(url.path, &attributes) == 0, Int(attributes.st_size) == text.utf8.count else { return false }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            data.withUnsafeBytes { old in old.count == bytes.count && memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        }
    }

    /// Whether two files hold the same bytes (sizes first, then a memory-mapped compare).
    static func sameFile(_ a: URL, _ b: URL) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a.path, &sa) == 0, stat(b.path, &sb) == 0, sa.st_size == sb.st_size else { return false }
        guard let da = try? Data(contentsOf: a, options: .alwaysMapped), let db = try? Data(contentsOf: b, options: .alwaysMapped) else {
            return false
        }
        return da == db
    }

    /// Removes `.NAME-new-PID` and `.NAME-old-PID` folders of builds whose process is gone.
    private func removeAbandonedStaging(in parent: URL, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for kind in ["-new-", "-old-"] {
                let prefix = ".\(name)\(kind)"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
                if kill(pid, 0) != 0, errno == ESRCH {
                    try? fm.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }
}

/// An exclusive `flock` on a folder (its own descriptor: no lock file is left behind),
/// held until ``release()``.
struct FolderLock {
    private let descriptor: Int32

    init(_ url: URL) throws {
        descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteWriterError.cannotLock(url.path) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { close(descriptor); throw SiteWriterError.cannotLock(url.path) }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
