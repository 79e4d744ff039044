import Diagnostics
import Foundation
import Articles
import Mustache

/// The look of a site: Mustache templates, a stylesheet and scripts. The default theme
/// ships inside Lemma (`Resources/theme/`); a file of the same name in the site's
/// `site/theme/` replaces it, file by file.
public struct Theme: @unchecked Sendable {
    /// Static theme files (stylesheet, scripts) → their location on disk.
    public private(set) var assets: [String: URL] = [:]
    /// A digest of every template's source (defaults and overrides): pages depend on it.
    public private(set) var digest = ""
    private var library = MustacheLibrary()
    /// The templates that ``CompiledTemplate`` covers, by name (the others render with `library`).
    private var compiled: [String: CompiledTemplate] = [:]
    private let compiling: Bool

    /// Whether template `name` renders from its compiled form.
    func isCompiled(_ name: String) -> Bool { compiled[name] != nil }

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
        try self.init(overrides: overrides, compiling: true)
    }

    /// `compiling: false` renders every template with swift-mustache (for tests that
    /// compare the two).
    init(overrides: URL? = nil, compiling: Bool) throws {
        self.compiling = compiling
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
                var hash = StableHash()
                hash.combine(digest)
                hash.combine(name)
                hash.combine(source)
                digest = hash.hex
                do {
                    // Parsed as written first, so that an error names the template's own lines.
                    _ = try MustacheTemplate(string: source)
                    try library.register(ThemeEscaping.pragma + source, named: key)
                    compiled[key] = compiling ? CompiledTemplate(ThemeEscaping.pragma + source) : nil
                } catch {
                    throw Problem.template(file: url.path, reason: "\(error)")
                }
            } else {
                assets[name] = url
            }
        }
    }

    /// Renders template `name` with `context`: compiled when the theme loaded
    /// (``CompiledTemplate``), or by swift-mustache for a template that uses more than
    /// the compiled form covers. ``TemplateValue/html(_:)`` values are shown as they are
    /// wherever they appear.
    func render(_ name: String, _ context: [String: TemplateValue]) -> String {
        if let template = compiled[name] { return template.render(.object(context)) }
        // swift-mustache copies strings character by character: large HTML goes in as a
        // short marker, spliced in after rendering.
        var html: [String] = []
        let marker = { (k: Int) in "\u{E010}raw\(k)\u{E011}" }
        let value = TemplateValue.object(context).mustacheValue(html: &html, marker: marker)
        let rendered = library.render(value, withTemplate: name) ?? ""
        guard !html.isEmpty else { return rendered }
        return Self.splice(rendered, html.indices.map { (marker($0), html[$0]) })
    }

    /// Replaces each marker by its HTML, in one pass over the UTF-8 bytes.
    static func splice(_ text: String, _ markers: [(marker: String, html: String)]) -> String {
        var rewriter = ByteRewriter(text, extraCapacity: markers.reduce(0) { $0 + $1.html.utf8.count })
        let bytes = rewriter.source
        let patterns = markers.map { (Array($0.marker.utf8), $0.html) }
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xEE, let hit = patterns.first(where: { p in
                i + p.0.count <= bytes.count && bytes[i..<(i + p.0.count)].elementsEqual(p.0)
            }) {
                rewriter.replace(i..<(i + hit.0.count)) { $0.append(contentsOf: hit.1.utf8) }
                i += hit.0.count
            } else {
                i += 1
            }
        }
        return rewriter.finish()
    }
}

/// The HTML escaping of `{{name}}` in theme templates: the same entities as swift-mustache's
/// own (`& < > " '`), on UTF-8 bytes and without a copy when there is nothing to escape
/// (the library's default looks each `Character` up in a dictionary, which took a fifth of
/// the template time).
///
/// Each template is registered with ``pragma`` in front: a line of its own that selects
/// this escaping and, being a standalone tag, leaves no trace in the output.
struct ThemeEscaping: MustacheContentType {
    static let name = "LEMMA_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(ThemeEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String { text.htmlEscaped }
}
