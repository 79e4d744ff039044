import Foundation

/// The folder of persisted values (`ROOT/.build/lemma/store`), seen from the verifier: it
/// only ever trims it. Claim programs write and read the entries (see ClaimKit's
/// `persisted`); reading an entry touches its modification time.
struct PersistedStoreFolder {
    let url: URL

    /// Removes the least recently used entries until the folder holds at most `limit`
    /// bytes. Only `*.json` entries directly in the folder are considered.
    func trim(toBytes limit: Int) {
        let fm = FileManager.default
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        guard let names = try? fm.contentsOfDirectory(at: url, includingPropertiesForKeys: keys) else { return }
        var entries = names.filter { $0.pathExtension == "json" }.compactMap { file -> (URL, Int, Date)? in
            guard let values = try? file.resourceValues(forKeys: Set(keys)) else { return nil }
            return (file, values.fileSize ?? 0, values.contentModificationDate ?? .distantPast)
        }
        var total = entries.reduce(0) { $0 + $1.1 }
        entries.sort { $0.2 < $1.2 }
        for (file, size, _) in entries where total > limit {
            try? fm.removeItem(at: file)
            total -= size
        }
    }
}
