import Diagnostics
import Foundation

/// What claim programs did (``RunOutcome``), stored by the hash of everything that decides
/// it: the claim program's exact source (the article's path, claim code and inline
/// expressions), the ClaimKit library's build, the compiler, the `lemma` that verifies, the data files beside the
/// articles (every file under `articles/` that is not Markdown, by content) and the time
/// limit. Files elsewhere are not part of the key: an article that reads them needs
/// `--no-cache` after they change. An article
/// whose hash is unchanged is neither compiled nor run again; its verdicts are still drawn
/// anew from the stored outcome and the article as it is now (its `output` blocks and
/// claim sites), so nothing outside the key can be answered from the cache.
///
/// Only the verifying process writes entries (never a claim program), each atomically
/// (written aside, then renamed), and only for the exact source it compiled and ran.
struct VerificationCache {
    let directory: URL
    /// The library's and the compiler's identity and the data files' contents, read once
    /// per verification run: what every result and every persisted value depends on
    /// besides the article's own code.
    let context: String

    /// Bump when the stored format or what goes into the key changes.
    static let formatVersion = "4"

    init(directory: URL, library: ClaimLibrary, root: URL) {
        self.directory = directory
        context = library.fingerprint + "|" + Self.fingerprint(of: library.swiftc) + "|" + Self.dataFingerprint(root: root)
    }

    /// The running `lemma` itself: a new build may read a program's output, or the
    /// compiler's, differently, so it does not answer from an older build's outcomes.
    /// (Persisted values do not depend on it and do not use it.)
    public static let verifierFingerprint = fingerprint(of: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))

    func key(source: String, timeout: Double) -> String {
        var hash = StableHash()
        for part in [Self.formatVersion, source, context, Self.verifierFingerprint, "\(timeout)"] {
            hash.combine(part)
        }
        return hash.hex
    }

    /// How many outcomes are kept per article: undoing an edit finds the earlier version's.
    static let entriesPerArticle = 8

    func load(slug: String, key: String) -> RunOutcome? {
        let url = file(slug: slug, key: key)
        guard let data = try? Data(contentsOf: url), let outcome = try? JSONDecoder().decode(RunOutcome.self, from: data)
        else { return nil }
        // Recently used entries are the last to be dropped.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return outcome
    }

    func store(_ result: RunOutcome, slug: String, key: String) {
        let fm = FileManager.default
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(result) {
            try? data.write(to: file(slug: slug, key: key), options: .atomic)
        }
        // Keep the most recently used entries of this article, drop the rest.
        let mine = ((try? fm.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [])
            .filter { Self.isEntry($0.lastPathComponent, of: slug) }
            .map { ($0, (try? $0.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
        for (url, _) in mine.dropFirst(Self.entriesPerArticle) { try? fm.removeItem(at: url) }
    }

    /// Whether a file name is `SLUG-KEY.json` for exactly this slug (a slug `a` must not
    /// claim the entries of `a-b`).
    static func isEntry(_ name: String, of slug: String) -> Bool {
        guard name.hasPrefix(slug + "-"), name.hasSuffix(".json") else { return false }
        let key = name.dropFirst(slug.count + 1).dropLast(5)
        return key.count == 32 && key.allSatisfy(\.isHexDigit)
    }

    private func file(slug: String, key: String) -> URL {
        directory.appendingPathComponent("\(slug)-\(key).json")
    }

    /// The hash of every file under `ROOT/articles` that is not Markdown (names and
    /// contents; hidden files and folders left out): the data an article may read.
    static func dataFingerprint(root: URL) -> String {
        let folder = root.appendingPathComponent("articles")
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return "" }
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension.lowercased() != "md" {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count)))
            }
        }
        var hash = StableHash()
        for name in files.sorted() {
            hash.combine(name)
            hash.combine(bytes: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
        }
        return hash.hex
    }

    /// Path, size and modification time: changes whenever the file is replaced.
    static func fingerprint(of url: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(url.path)|\(size)|\(date)"
    }
}

extension Verifier {
    /// The running `lemma` build's identity (path, size, date of the executable): what
    /// depends on how this build reads and renders, besides the inputs, keys on it.
    public static var buildFingerprint: String { VerificationCache.verifierFingerprint }
}
