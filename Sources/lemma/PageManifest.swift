import Foundation
import Site

/// The record of the last build's article pages (`.build/lemma/pages.manifest`): which
/// inputs each was made from, and its search entry. It counts only for the output folder
/// it was written for and while that folder still holds that build (the build id in its
/// marker); pages whose file is gone are left out.
///
/// The format is plain and length-prefixed, because an unchanged build reads it whole:
/// a header line `lemma-pages 2`, the destination and build id on a line each, then per
/// page its path, its key and the byte length of its search entry on a line each,
/// followed by the entry's bytes and a newline. (JSON, with each entry escaped inside
/// it, took a tenth of an unchanged build of 1 000 articles to decode.)
enum PageManifest {
    static let header = "lemma-pages 2"

    static func file(_ root: URL) -> URL { root.appendingPathComponent(".build/lemma/pages.manifest") }

    static func load(root: URL, destination: URL) -> [String: PageRecord] {
        guard let data = try? Data(contentsOf: file(root)), let stored = decode(data),
            stored.destination == destination.standardizedFileURL.path,
            !stored.buildID.isEmpty, stored.buildID == SiteWriter.buildID(of: destination)
        else { return [:] }
        return stored.pages.filter { FileManager.default.fileExists(atPath: destination.appendingPathComponent($0.key).path) }
    }

    static func save(_ pages: [String: PageRecord], root: URL, destination: URL, buildID: String) {
        let data = encode(destination: destination.standardizedFileURL.path, buildID: buildID, pages: pages)
        try? FileManager.default.createDirectory(at: file(root).deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file(root), options: .atomic)
    }

    static func encode(destination: String, buildID: String, pages: [String: PageRecord]) -> Data {
        var out = Data("\(header)\n\(destination)\n\(buildID)\n".utf8)
        for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
            let entry = Data(record.searchEntry.utf8)
            out.append(Data("\(path)\n\(record.key)\n\(entry.count)\n".utf8))
            out.append(entry)
            out.append(10)
        }
        return out
    }

    /// The manifest in `data`; nil for anything malformed (the build then starts afresh).
    static func decode(_ data: Data) -> (destination: String, buildID: String, pages: [String: PageRecord])? {
        let bytes = [UInt8](data)
        var at = 0
        func line() -> String? {
            guard let end = bytes[at...].firstIndex(of: 10) else { return nil }
            defer { at = end + 1 }
            return String(decoding: bytes[at..<end], as: UTF8.self)
        }
        guard line() == header, let destination = line(), let buildID = line() else { return nil }
        var pages: [String: PageRecord] = [:]
        while at < bytes.count {
            guard let path = line(), let key = line(), let count = line().flatMap(Int.init), count >= 0,
                at + count < bytes.count, bytes[at + count] == 10 else { return nil }
            pages[path] = PageRecord(key: key, searchEntry: String(decoding: bytes[at..<(at + count)], as: UTF8.self))
            at += count + 1
        }
        return (destination, buildID, pages)
    }
}
