import Foundation
import Parallelism
import Site

/// The record of the last build's article pages (`.build/lemma/pages.manifest`): which
/// inputs each was made from, and its search entry. It counts only for the output folder
/// it was written for and while that folder still holds that build (the build id in its
/// marker); pages whose file is gone are left out.
///
/// The format is plain and length-prefixed, because an unchanged build reads it whole:
/// a header line `lemma-pages 3`, the destination and build id on a line each, then per
/// page its path and its key on a line each, then its search entry, list entry and
/// nested list entry, each as its byte length on a line, its bytes and a newline. (JSON, with each entry escaped inside
/// it, took a tenth of an unchanged build of 1 000 articles to decode.)
enum PageManifest {
    static let header = "lemma-pages 3"

    static func file(_ root: URL) -> URL { root.appendingPathComponent(".build/lemma/pages.manifest") }

    static func load(root: URL, destination: URL) -> [String: PageRecord] {
        // A build in this process (`lemma serve`) may still be writing it.
        BackgroundWrites.shared.wait(file(root).path)
        guard let data = try? Data(contentsOf: file(root), options: .alwaysMapped), let stored = decode(data),
            stored.destination == destination.standardizedFileURL.path,
            !stored.buildID.isEmpty, stored.buildID == SiteWriter.buildID(of: destination)
        else { return [:] }
        // Each folder listed once, rather than a file system call per page.
        var listings: [String: Set<String>] = [:]
        return stored.pages.filter { path, _ in
            let folder = (path as NSString).deletingLastPathComponent
            if listings[folder] == nil {
                let url = folder.isEmpty ? destination : destination.appendingPathComponent(folder)
                listings[folder] = Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            }
            return listings[folder]!.contains((path as NSString).lastPathComponent)
        }
    }

    static func save(_ pages: [String: PageRecord], root: URL, destination: URL, buildID: String) {
        let bytes = encode(destination: destination.standardizedFileURL.path, buildID: buildID, pages: pages)
        try? FileManager.default.createDirectory(at: file(root).deletingLastPathComponent(), withIntermediateDirectories: true)
        bytes.withUnsafeBytes { raw in
            // Written without copying the bytes into a `Data` first.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none)
            try? data.write(to: file(root), options: .atomic)
        }
    }

    static func encode(destination: String, buildID: String, pages: [String: PageRecord]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + pages.reduce(0) {
            $0 + $1.key.utf8.count + $1.value.key.utf8.count + $1.value.searchEntry.utf8.count + $1.value.listEntry.utf8.count
                + $1.value.nestedListEntry.utf8.count + 40
        })
        out.append(contentsOf: "\(header)\n\(destination)\n\(buildID)\n".utf8)
        for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: "\(path)\n\(record.key)\n".utf8)
            for text in [record.searchEntry, record.listEntry, record.nestedListEntry] {
                out.append(contentsOf: "\(text.utf8.count)\n".utf8)
                out.append(contentsOf: text.utf8)
                out.append(10)
            }
        }
        return out
    }

    /// The manifest in `data`; nil for anything malformed (the build then starts afresh).
    static func decode(_ data: Data) -> (destination: String, buildID: String, pages: [String: PageRecord])? {
        data.withUnsafeBytes { decode(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> (destination: String, buildID: String, pages: [String: PageRecord])? {
        var at = 0
        func line() -> String? {
            guard let end = bytes[at...].firstIndex(of: 10) else { return nil }
            defer { at = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self)
        }
        guard line() == header, let destination = line(), let buildID = line() else { return nil }
        var pages: [String: PageRecord] = [:]
        while at < bytes.count {
            guard let path = line(), let key = line() else { return nil }
            var texts: [String] = []
            for _ in 0..<3 {
                guard let count = line().flatMap(Int.init), count >= 0, at + count < bytes.count, bytes[at + count] == 10 else { return nil }
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + count)]), as: UTF8.self))
                at += count + 1
            }
            pages[path] = PageRecord(key: key, searchEntry: texts[0], listEntry: texts[1], nestedListEntry: texts[2])
        }
        return (destination, buildID, pages)
    }
}
