import Foundation
import Parallelism

/// Parsed articles kept across runs, so that a build after one edit parses one article.
///
/// An entry is used only for the same path and the same ``Article/sourceDigest`` (which
/// covers the file's whole text), and only by the same build of the tool (`context`, e.g.
/// the verifier's build fingerprint): a parser that changed never sees the articles of
/// another. The file is `lemma-parse-cache 1 CONTEXT\n`, then per article its path, its
/// digest, a checksum, and its archived form (``ArchiveWriter``). A damaged file, entry or archive
/// counts as absent (each entry carries a checksum): the article is parsed again.
/// Written aside, then renamed.
public final class ParseCache: @unchecked Sendable {
    private let data: Data
    /// Path → digest, checksum and byte range of the archive.
    private let entries: [String: (digest: String, checksum: UInt64, range: Range<Int>)]

    /// The cache at `url`, if it holds articles of `context`; empty otherwise.
    public init(contentsOf url: URL, context: String) {
        BackgroundWrites.shared.wait(url.path)
        let header = Array(Self.header(context).utf8)
        guard let contents = FileManager.default.contents(atPath: url.path), contents.count >= header.count,
            contents.prefix(header.count).elementsEqual(header)
        else {
            data = Data()
            entries = [:]
            return
        }
        let bytes = contents
        var found: [String: (digest: String, checksum: UInt64, range: Range<Int>)] = [:]
        bytes.withUnsafeBytes { raw in
            var r = ArchiveReader(raw, offset: header.count)
            while !r.isAtEnd {
                guard let path = try? r.string(), let digest = try? r.string(), let checksum = try? r.int(),
                    let length = try? r.count()
                else { return }
                found[path] = (digest, UInt64(UInt(bitPattern: checksum)), r.offset..<(r.offset + length))
                r.offset += length
            }
        }
        data = bytes
        entries = found
    }

    /// The article at `path` whose file text is `text` and digest `digest`, if the cache
    /// holds it.
    public func article(_ path: String, digest: String, text: String) -> Article? {
        guard let entry = entries[path], entry.digest == digest else { return nil }
        return data.withUnsafeBytes { raw in
            guard Self.checksum(UnsafeRawBufferPointer(rebasing: raw[entry.range])) == entry.checksum else { return nil }
            var r = ArchiveReader(UnsafeRawBufferPointer(rebasing: raw[..<entry.range.upperBound]), offset: entry.range.lowerBound)
            guard let article = try? Article(archive: &r, source: text), r.isAtEnd, article.path == path else { return nil }
            return article
        }
    }

    /// Whether the cache holds these articles and no others (nothing to write).
    public func holdsExactly(_ articles: [Article]) -> Bool {
        articles.count == entries.count && articles.allSatisfy { entries[$0.path]?.digest == $0.sourceDigest }
    }

    /// Writes `articles` to `url` for `context` on another thread (``BackgroundWrites``).
    /// The entries of `previous` (a cache of the same context) for unchanged articles are
    /// copied as they are.
    public static func saveInBackground(_ articles: [Article], to url: URL, context: String, reusing previous: ParseCache? = nil) {
        BackgroundWrites.shared.start(url.path) { save(articles, to: url, context: context, reusing: previous) }
    }

    /// Writes `articles` to `url` for `context`; entries of `previous` (a cache of the same
    /// context) for unchanged articles are copied as they are.
    public static func save(_ articles: [Article], to url: URL, context: String, reusing previous: ParseCache? = nil) {
        var w = ArchiveWriter()
        w.bytes.reserveCapacity((previous?.data.count ?? 0) + 1 << 16)
        w.bytes.append(contentsOf: header(context).utf8)
        for article in articles {
            w.string(article.path)
            w.string(article.sourceDigest)
            if let previous, let entry = previous.entries[article.path], entry.digest == article.sourceDigest {
                w.int(Int(bitPattern: UInt(entry.checksum)))
                w.int(entry.range.count)
                previous.data.withUnsafeBytes { w.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[entry.range])) }
            } else {
                var archived = ArchiveWriter()
                article.archive(&archived)
                w.int(Int(bitPattern: UInt(archived.bytes.withUnsafeBytes(checksum))))
                w.int(archived.bytes.count)
                w.bytes.append(contentsOf: archived.bytes)
            }
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        w.bytes.withUnsafeBytes { raw in
            // Written without copying the bytes into a `Data` first.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none)
            try? data.write(to: url, options: .atomic)
        }
    }

    private static func header(_ context: String) -> String { "lemma-parse-cache 1 \(context)\n" }

    /// A 64-bit checksum of an entry's bytes (FNV-1a over 8-byte words, then mixed), so
    /// that a damaged entry is parsed again rather than read.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h ^= UInt64(bytes.count)
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }
}
