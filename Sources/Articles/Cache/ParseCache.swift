import Foundation
import Parallelism

/// Parsed articles kept across runs, so that a build after one edit parses one article.
/// An article's document is decoded only when something asks for it (rendering its page).
///
/// An entry is used only for the same path and the same ``Article/sourceDigest`` (which
/// covers the file's whole text), and only by the same build of the tool (`context`, e.g.
/// the verifier's build fingerprint): a parser that changed never sees the articles of
/// another. The file is `lemma-parse-cache 1 CONTEXT\n`, then records: an article's path,
/// its digest, a checksum, and its archived form (``ArchiveWriter``). A later record for a
/// path replaces an earlier one, so that a build that changed a few articles appends their
/// records; the file is written anew (aside, then renamed) when it has no readable end or
/// more than half of it is replaced records. A damaged file, record or archive counts as
/// absent (each record carries a checksum): the article is parsed again.
public final class ParseCache: @unchecked Sendable {
    private let data: Data
    /// Path → digest, checksum and byte range of the archive (of its last record).
    private let entries: [String: (digest: String, checksum: UInt64, range: Range<Int>)]
    /// Where the last readable record ends; the file's length when all of it is readable.
    private let readableEnd: Int
    /// The bytes of the records that count (the last for each path).
    private let liveBytes: Int

    /// The cache at `url`, if it holds articles of `context`; empty otherwise.
    public init(contentsOf url: URL, context: String) {
        BackgroundWrites.shared.wait(url.path)
        let header = Array(Self.header(context).utf8)
        // Mapped, not read: the file is only ever replaced by a rename or appended to.
        guard let contents = try? Data(contentsOf: url, options: .alwaysMapped), contents.count >= header.count,
            contents.prefix(header.count).elementsEqual(header)
        else {
            data = Data()
            entries = [:]
            readableEnd = 0
            liveBytes = 0
            return
        }
        var found: [String: (digest: String, checksum: UInt64, range: Range<Int>)] = [:]
        var recordSizes: [String: Int] = [:]
        var end = header.count
        contents.withUnsafeBytes { raw in
            var r = ArchiveReader(raw, offset: header.count)
            while !r.isAtEnd {
                let start = r.offset
                guard let path = try? r.string(), let digest = try? r.string(), let checksum = try? r.int(),
                    let length = try? r.count()
                else { return }
                found[path] = (digest, UInt64(UInt(bitPattern: checksum)), r.offset..<(r.offset + length))
                r.offset += length
                recordSizes[path] = r.offset - start
                end = r.offset
            }
        }
        data = contents
        entries = found
        readableEnd = end
        liveBytes = header.count + recordSizes.values.reduce(0, +)
    }

    /// The article at `path` whose file text is `text` and digest `digest`, if the cache
    /// holds it.
    public func article(_ path: String, digest: String, text: String) -> Article? {
        guard let entry = entries[path], entry.digest == digest else { return nil }
        return data.withUnsafeBytes { raw in
            guard Self.checksum(UnsafeRawBufferPointer(rebasing: raw[entry.range])) == entry.checksum else { return nil }
            var r = ArchiveReader(UnsafeRawBufferPointer(rebasing: raw[..<entry.range.upperBound]), offset: entry.range.lowerBound)
            guard let article = try? Article(archive: &r, source: text, data: data), r.isAtEnd, article.path == path else { return nil }
            return article
        }
    }

    /// Whether the cache holds these articles and no others (nothing to write).
    public func holdsExactly(_ articles: [Article]) -> Bool {
        articles.count == entries.count && articles.allSatisfy { entries[$0.path]?.digest == $0.sourceDigest }
    }

    /// Brings the file at `url` up to date with `articles`, on another thread
    /// (``BackgroundWrites``); see ``save(_:to:context:reusing:)``.
    public static func saveInBackground(_ articles: [Article], to url: URL, context: String, reusing previous: ParseCache? = nil) {
        BackgroundWrites.shared.start(url.path) { save(articles, to: url, context: context, reusing: previous) }
    }

    /// Brings the file at `url` up to date with `articles` for `context`. With `previous`
    /// (the cache as read from `url`, of the same context) whose file is readable to its
    /// end, the records of the articles it does not hold as they are are appended;
    /// otherwise the file is written anew, copying `previous`'s records for unchanged
    /// articles as they are.
    public static func save(_ articles: [Article], to url: URL, context: String, reusing previous: ParseCache? = nil) {
        func unchanged(_ article: Article) -> Bool { previous?.entries[article.path]?.digest == article.sourceDigest }
        var appended = ArchiveWriter()
        let paths = Set(articles.map(\.path))
        // A removed article's record would stay for good: then the file is written anew.
        if let previous, !previous.data.isEmpty, previous.readableEnd == previous.data.count,
            previous.entries.keys.allSatisfy(paths.contains)
        {
            var replaced = 0
            for article in articles where !unchanged(article) {
                replaced += previous.entries[article.path].map { $0.range.count + 64 } ?? 0
                appendRecord(article, to: &appended)
            }
            let garbage = previous.data.count - previous.liveBytes + replaced
            if garbage <= (previous.data.count + appended.bytes.count) / 2, let file = FileHandle(forWritingAtPath: url.path) {
                defer { try? file.close() }
                // The file may have changed since it was read (another build): append only
                // where that read ended.
                if (try? file.seekToEnd()) == UInt64(previous.data.count) {
                    try? file.write(contentsOf: appended.bytes)
                    return
                }
            }
        }
        var w = ArchiveWriter()
        w.bytes.reserveCapacity((previous?.data.count ?? 0) + 1 << 16)
        w.bytes.append(contentsOf: header(context).utf8)
        for article in articles {
            if let previous, let entry = previous.entries[article.path], entry.digest == article.sourceDigest {
                w.string(article.path)
                w.string(article.sourceDigest)
                w.int(Int(bitPattern: UInt(entry.checksum)))
                w.int(entry.range.count)
                previous.data.withUnsafeBytes { w.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[entry.range])) }
            } else {
                appendRecord(article, to: &w)
            }
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        w.bytes.withUnsafeBytes { raw in
            // Written without copying the bytes into a `Data` first.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none)
            try? data.write(to: url, options: .atomic)
        }
    }

    /// One record: path, digest, checksum, archive.
    private static func appendRecord(_ article: Article, to w: inout ArchiveWriter) {
        var archived = ArchiveWriter()
        article.archive(&archived)
        w.string(article.path)
        w.string(article.sourceDigest)
        w.int(Int(bitPattern: UInt(archived.bytes.withUnsafeBytes(checksum))))
        w.int(archived.bytes.count)
        w.bytes.append(contentsOf: archived.bytes)
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
