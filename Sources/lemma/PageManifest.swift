import Foundation
import Site

/// The record of the last build's article pages (`.build/lemma/pages.json`): which inputs
/// each was made from. It counts only for the output folder it was written for and while
/// that folder still holds that build (the build id in its marker); pages whose file is
/// gone are left out.
enum PageManifest {
    struct Stored: Codable {
        var destination: String
        var buildID: String
        var pages: [String: PageRecord]
    }

    static func file(_ root: URL) -> URL { root.appendingPathComponent(".build/lemma/pages.json") }

    static func load(root: URL, destination: URL) -> [String: PageRecord] {
        guard let data = try? Data(contentsOf: file(root)),
            let stored = try? JSONDecoder().decode(Stored.self, from: data),
            stored.destination == destination.standardizedFileURL.path,
            !stored.buildID.isEmpty, stored.buildID == SiteWriter.buildID(of: destination)
        else { return [:] }
        return stored.pages.filter { FileManager.default.fileExists(atPath: destination.appendingPathComponent($0.key).path) }
    }

    static func save(_ pages: [String: PageRecord], root: URL, destination: URL, buildID: String) {
        let stored = Stored(destination: destination.standardizedFileURL.path, buildID: buildID, pages: pages)
        guard let data = try? JSONEncoder().encode(stored) else { return }
        try? FileManager.default.createDirectory(at: file(root).deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file(root), options: .atomic)
    }
}
