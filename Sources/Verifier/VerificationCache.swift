import Foundation

/// What claim programs did (``RunOutcome``), stored by the hash of everything that decides
/// it: the claim program's exact source (the article's path, claim code and inline
/// expressions), the ClaimKit library's build, the compiler and the time limit. An article
/// whose hash is unchanged is neither compiled nor run again; its verdicts are still drawn
/// anew from the stored outcome and the article as it is now (its `output` blocks and
/// claim sites), so nothing outside the key can be answered from the cache.
///
/// Only the verifying process writes entries (never a claim program), each atomically
/// (written aside, then renamed), and only for the exact source it compiled and ran.
struct VerificationCache {
    let directory: URL
    /// The library's and the compiler's identity, read once per verification run.
    let toolchain: String

    /// Bump when the stored format or what goes into the key changes.
    static let formatVersion = "3"

    init(directory: URL, library: ClaimLibrary) {
        self.directory = directory
        toolchain = library.fingerprint + "|" + Self.fingerprint(of: library.swiftc)
    }

    func key(source: String, timeout: Double) -> String {
        var hash = StableHash()
        for part in [Self.formatVersion, source, toolchain, "\(timeout)"] {
            hash.combine(part)
        }
        return hash.hex
    }

    func load(slug: String, key: String) -> RunOutcome? {
        guard let data = try? Data(contentsOf: file(slug: slug, key: key)) else { return nil }
        return try? JSONDecoder().decode(RunOutcome.self, from: data)
    }

    func store(_ result: RunOutcome, slug: String, key: String) {
        let fm = FileManager.default
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        // One entry per article: drop the stale ones.
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(slug + "-") {
            try? fm.removeItem(at: directory.appendingPathComponent(name))
        }
        if let data = try? JSONEncoder().encode(result) {
            try? data.write(to: file(slug: slug, key: key), options: .atomic)
        }
    }

    private func file(slug: String, key: String) -> URL {
        directory.appendingPathComponent("\(slug)-\(key).json")
    }

    /// Path, size and modification time: changes whenever the file is replaced.
    static func fingerprint(of url: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(url.path)|\(size)|\(date)"
    }
}

/// 128-bit FNV-1a over UTF-8 (two 64-bit lanes with different offsets): stable across
/// runs and machines, unlike `Hasher`; enough to tell cache entries apart.
struct StableHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func combine(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0xFF)  // separator, so ("ab", "c") and ("a", "bc") differ
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
        b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 ^ (b >> 29)
    }

    var hex: String { String(format: "%016llx%016llx", a, b) }
}
