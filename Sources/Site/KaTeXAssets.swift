import Foundation

/// KaTeX's stylesheet and fonts, copied from Debian's `libjs-katex` into every site so no
/// page requests anything from the network. (Formulas are typeset at build: pages load no
/// KaTeX script.)
public enum KaTeXAssets {
    /// Where Debian's `libjs-katex` puts KaTeX.
    public static let directory = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// KaTeX is not installed.
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "KaTeX is not installed (\(path) is missing); install the Debian package libjs-katex (apt-get install libjs-katex)"
        }
    }

    /// Site path → source file: the script, the stylesheet and the fonts.
    public static func files() throws -> [String: URL] {
        var files: [String: URL] = [:]
        let fm = FileManager.default
        for name in ["katex.min.css"] {
            let url = directory.appendingPathComponent(name, isDirectory: false)
            guard fm.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
            files["katex/\(name)"] = url
        }
        let fonts = directory.appendingPathComponent("fonts")
        for name in (try? fm.contentsOfDirectory(atPath: fonts.path)) ?? [] where name.hasSuffix(".woff2") {
            files["katex/fonts/\(name)"] = fonts.appendingPathComponent(name, isDirectory: false)
        }
        return files
    }
}
