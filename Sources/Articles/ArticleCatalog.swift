import Diagnostics
import Foundation
import Parallelism

/// The articles of a site folder: every `articles/*.md`, in name order.
public enum ArticleCatalog {
    /// Paths (from `root`) of the site's articles.
    public static func paths(root: URL) throws -> [String] {
        let folder = root.appendingPathComponent("articles")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CatalogError.noArticlesFolder(root.path)
        }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted()
            .map { "articles/\($0)" }
    }

    /// Warnings for Markdown files in subfolders of `articles/`, which are not articles
    /// (only `articles/*.md` are): one per file, so nothing is left out silently.
    public static func ignoredFiles(root: URL) -> [Diagnostic] {
        let folder = root.appendingPathComponent("articles")
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [Diagnostic] = []
        while let relative = walker.nextObject() as? String {
            guard relative.contains("/"), relative.hasSuffix(".md"),
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            result.append(
                Diagnostic(
                    .warning, id: "catalog.subfolder", at: SourceLocation(file: "articles/\(relative)", line: 1),
                    "articles in subfolders of articles/ are not read, so this file is not on the site",
                    explanation: "move it to articles/ (data files may stay in subfolders)"))
        }
        return result.sorted { $0.location.file < $1.location.file }
    }

    /// Reads and parses the article at `path` (from `root`). A file that cannot be read or
    /// is not UTF-8 becomes an article whose only content is that diagnostic.
    public static func load(_ path: String, root: URL, cache: ParseCache? = nil) -> Article {
        let url = root.appendingPathComponent(path, isDirectory: false)  // no `stat` to ask
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return unreadable(path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return unreadable(path, "the file is not valid UTF-8; save it as UTF-8")
        }
        guard let cache else { return ArticleParser.parse(text, path: path) }
        let digest = ArticleParser.digest(text, path: path)
        return cache.article(path, digest: digest, text: text) ?? ArticleParser.parse(text, path: path, digest: digest)
    }

    /// Loads and parses every article of `paths`, on all cores; results keep the order.
    /// Articles that `cache` holds unchanged are taken from it.
    public static func loadAll(_ paths: [String], root: URL, cache: ParseCache? = nil) -> [Article] {
        ParallelMap.map(paths) { load($0, root: root, cache: cache) }
    }

    private static func unreadable(_ path: String, _ reason: String) -> Article {
        var article = ArticleParser.parse("", path: path)
        article.diagnostics = [
            Diagnostic(.error, id: "article.unreadable", at: SourceLocation(file: path, line: 1), reason)
        ]
        return article
    }

    /// Why the catalog could not be listed.
    public enum CatalogError: Error, CustomStringConvertible {
        case noArticlesFolder(String)

        public var description: String {
            switch self {
            case let .noArticlesFolder(root):
                "\(root) has no articles/ folder; run lemma in a site folder or pass --root DIR"
            }
        }
    }
}
