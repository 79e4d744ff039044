import Foundation
import Mustache

/// The look of a site: Mustache templates, a stylesheet and scripts. The default theme
/// ships inside Lemma (`Resources/theme/`); a file of the same name in the site's
/// `site/theme/` replaces it, file by file.
public struct Theme: @unchecked Sendable {
    /// Template names (file names without `.mustache`) → Mustache source.
    public private(set) var templates: [String: String] = [:]
    /// Static theme files (stylesheet, scripts) → their location on disk.
    public private(set) var assets: [String: URL] = [:]
    private var library = MustacheLibrary()

    /// Why a theme could not be loaded.
    public enum Problem: Error, CustomStringConvertible {
        case missingDefault
        case template(file: String, reason: String)

        public var description: String {
            switch self {
            case .missingDefault: "the default theme is missing from Lemma's resources; rebuild Lemma"
            case let .template(file, reason): "\(file): the template does not parse: \(reason)"
            }
        }
    }

    /// The default theme with the overrides found in `overrides` (usually `ROOT/site/theme`).
    public init(overrides: URL? = nil) throws {
        guard let base = Bundle.module.url(forResource: "theme", withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "theme", withExtension: nil)
        else { throw Problem.missingDefault }
        try load(folder: base)
        if let overrides, FileManager.default.fileExists(atPath: overrides.path) { try load(folder: overrides) }
    }

    private mutating func load(folder: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            if name.hasSuffix(".mustache") {
                let source = try String(contentsOf: url, encoding: .utf8)
                let key = String(name.dropLast(".mustache".count))
                do {
                    try library.register(source, named: key)
                } catch {
                    throw Problem.template(file: url.path, reason: "\(error)")
                }
                templates[key] = source
            } else {
                assets[name] = url
            }
        }
    }

    /// Renders template `name` with `context` (dictionaries and arrays of them).
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
