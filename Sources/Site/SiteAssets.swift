import Foundation

/// Files every site carries besides its pages: the theme's stylesheet and KaTeX, copied
/// from Debian's `libjs-katex` so that no page requests anything from the network.
public enum SiteAssets {
    /// Where Debian's `libjs-katex` puts KaTeX.
    public static let katexDirectory = URL(fileURLWithPath: "/usr/share/javascript/katex")

    /// Problems locating assets.
    public enum Missing: Error, CustomStringConvertible {
        case katex(String)
        case theme(String)

        public var description: String {
            switch self {
            case let .katex(path):
                "KaTeX is not installed (\(path) is missing); install the Debian package libjs-katex (apt-get install libjs-katex)"
            case let .theme(name):
                "the default theme file \(name) is missing from Lemma's resources; rebuild Lemma"
            }
        }
    }

    /// Site path → source file, for the stylesheet and KaTeX (script, styles and fonts).
    public static func files() throws -> [String: URL] {
        var files: [String: URL] = [:]
        guard let css = Bundle.module.url(forResource: "lemma", withExtension: "css", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "lemma", withExtension: "css")
        else { throw Missing.theme("lemma.css") }
        files["assets/lemma.css"] = css

        let fm = FileManager.default
        for name in ["katex.min.js", "katex.min.css"] {
            let url = katexDirectory.appendingPathComponent(name)
            guard fm.fileExists(atPath: url.path) else { throw Missing.katex(url.path) }
            files["katex/\(name)"] = url
        }
        let fonts = katexDirectory.appendingPathComponent("fonts")
        for name in (try? fm.contentsOfDirectory(atPath: fonts.path)) ?? [] where name.hasSuffix(".woff2") {
            files["katex/fonts/\(name)"] = fonts.appendingPathComponent(name)
        }
        return files
    }
}
