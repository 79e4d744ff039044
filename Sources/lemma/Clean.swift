import ArgumentParser
import Foundation

/// `lemma clean`: forget cached verdicts and persisted values.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove Lemma's cache of verdicts and its store of persisted values.",
        discussion: """
            Lemma keeps its working files in .build/lemma/ under the site folder: cache/ \
            (what each article's claim program did, a few versions per article), store/ \
            (values kept by persisted, up to 1 GB, least recently used dropped first) and \
            runs/ (private folders of runs in progress). This removes cache/ and store/; \
            the next check compiles and runs everything and computes persisted values again. \
            Nothing else is touched.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let work = global.rootURL.appendingPathComponent(".build/lemma")
        let fm = FileManager.default
        var removed: [String] = []
        for name in ["cache", "store"] {
            let folder = work.appendingPathComponent(name)
            guard fm.fileExists(atPath: folder.path) else { continue }
            let bytes = Self.size(of: folder)
            try fm.removeItem(at: folder)
            removed.append(".build/lemma/\(name) (\(ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)))")
        }
        print(removed.isEmpty ? "nothing to remove" : "removed " + removed.joined(separator: ", "))
    }

    static func size(of folder: URL) -> Int {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        var total = 0
        while let url = walker?.nextObject() as? URL {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]))?.fileSize ?? 0
        }
        return total
    }
}
