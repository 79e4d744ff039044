import Foundation

/// Which folders `lemma build` may replace with a site.
///
/// A build replaces its output folder whole, so the folder must hold nothing but a previous
/// build. Allowed: a folder that does not exist yet, an empty one, one with Lemma's marker
/// file (``SiteWriter/marker``), and — for sites built before the marker existed — one that
/// holds the pages every Lemma build writes (`index.html`, `report.html`, `404.html`,
/// `feed.xml`, `sitemap.xml`). Refused whatever it holds: the site folder itself, its
/// `articles/` and `site/` folders and anything inside `articles/`, and any folder that
/// contains the site folder. Paths are compared with symbolic links resolved.
public enum OutputFolderPolicy {
    public static func check(_ destination: URL, root: URL?) throws {
        let target = canonical(destination)
        if let root {
            let site = canonical(root)
            let protected = [site, site.appendingPathComponent("articles"), site.appendingPathComponent("site")]
            if protected.contains(where: { $0.path == target.path }) || isAncestor(target, of: site)
                || isAncestor(site.appendingPathComponent("articles"), of: target)
            {
                throw SiteWriterError.protectedFolder(destination.path)
            }
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw SiteWriterError.notAFolder(destination.path) }
        let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty || entries.contains(SiteWriter.marker) { return }
        let everyBuildWrites: Set = ["index.html", "report.html", "404.html", "feed.xml", "sitemap.xml"]
        if everyBuildWrites.isSubset(of: Set(entries)) { return }
        throw SiteWriterError.foreignFolder(destination.path, entries.sorted().prefix(3).joined(separator: ", "))
    }

    private static func canonical(_ url: URL) -> URL {
        // Resolve the longest existing prefix, then add the rest.
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for part in rest { result.appendPathComponent(part) }
        return result.standardizedFileURL
    }

    /// Whether `folder` strictly contains `path`.
    private static func isAncestor(_ folder: URL, of path: URL) -> Bool {
        let a = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        return path.path.hasPrefix(a) || folder.path == "/" && path.path != "/"
    }
}

/// Why `lemma build` will not write a site where it was asked to.
public enum SiteWriterError: Error, CustomStringConvertible, Equatable {
    case protectedFolder(String)
    case notAFolder(String)
    case foreignFolder(String, String)
    case cannotLock(String)

    public var description: String {
        switch self {
        case let .protectedFolder(path):
            "refusing to write the site to \(path): it is (or holds) the site folder, articles/ or site/, "
                + "which a build would replace; choose an output folder of its own, e.g. --out site/public"
        case let .notAFolder(path):
            "refusing to write the site to \(path): it is a file, not a folder"
        case let .foreignFolder(path, sample):
            "refusing to write the site to \(path): it holds files that no Lemma build wrote (\(sample), …) "
                + "and a build replaces the whole folder; empty it yourself or choose another folder"
        case let .cannotLock(path):
            "cannot lock \(path) to write the site; check that its folder is writable"
        }
    }
}
