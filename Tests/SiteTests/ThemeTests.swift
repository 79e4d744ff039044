import Foundation
import Mustache
@testable import Site
import Testing

/// The theme's templates render exactly as swift-mustache renders them on its own: the
/// escaping pragma Lemma puts in front of each template leaves no trace, and its escaping
/// gives the same entities.
@Suite struct ThemeTests {
    static var context: [String: Any] {
        [
            "title": "<a href=\"x\">Tom & Jerry's</a>", "plain": "no special characters", "empty": "",
            "items": [["name": "a<b"], ["name": "c\"d"]], "yes": true, "no": false,
        ]
    }

    static let templates = [
        "{{title}}|{{{title}}}|{{&title}}|{{plain}}",
        "\n{{title}}\n",
        "  \n{{#items}}\n{{name}}\n{{/items}}\n",
        "{{#yes}}\nshown {{title}}\n{{/yes}}\n{{^no}}also{{/no}}",
        "{{! a comment }}\n{{#items}}{{name}},{{/items}}",
        "{{% CONTENT_TYPE: TEXT}}\n{{title}}",
        "{{=<% %>=}}\n<% title %>|<%& title %>",
        "line one\n  {{> part}}\nline three",
        "",
    ]

    func renderedBothWays(_ source: String) throws -> (theme: String, library: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let part = "{{title}}\n{{#items}}\n- {{name}}\n{{/items}}\n"
        try Data(source.utf8).write(to: folder.appendingPathComponent("probe.mustache"))
        try Data(part.utf8).write(to: folder.appendingPathComponent("part.mustache"))
        let theme = try Theme(overrides: folder)
        var library = MustacheLibrary()
        try library.register(source, named: "probe")
        try library.register(part, named: "part")
        return (theme.render("probe", Self.context), library.render(Self.context, withTemplate: "probe") ?? "")
    }

    @Test(arguments: templates) func rendersAsSwiftMustacheDoes(source: String) throws {
        let (theme, library) = try renderedBothWays(source)
        #expect(theme == library)
    }

    @Test func escapesTheSameEntities() {
        let text = "<a href=\"x\">Tom & Jerry's</a> ≮ 数学 plain"
        #expect(ThemeEscaping().escapeText(text) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ≮ 数学 plain")
        #expect(ThemeEscaping().escapeText("nothing to do") == "nothing to do")
    }

    /// A template that does not parse is reported with its own line, not one shifted by the pragma.
    @Test func aBrokenTemplateNamesItsOwnLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = "one\ntwo\n{{#open}}\nnever closed\n"
        try Data(source.utf8).write(to: folder.appendingPathComponent("broken.mustache"))
        var reference = ""
        do { _ = try MustacheTemplate(string: source) } catch { reference = "\(error)" }
        #expect(!reference.isEmpty)
        #expect(throws: Theme.Problem.self) { try Theme(overrides: folder) }
        do {
            _ = try Theme(overrides: folder)
        } catch let Theme.Problem.template(file, reason) {
            #expect(file.hasSuffix("broken.mustache"))
            #expect(reason == reference)
        }
    }
}
