import Articles
import Diagnostics
import Foundation
import Mustache
@testable import Site
import Testing
import Verifier

/// The theme's templates render exactly as swift-mustache renders them on its own: the
/// escaping pragma Lemma puts in front of each template leaves no trace, its escaping
/// gives the same entities, and templates compiled ahead (``CompiledTemplate``) give the
/// same bytes as swift-mustache.
@Suite struct ThemeTests {
    static var context: [String: TemplateValue] {
        [
            "title": "<a href=\"x\">Tom & Jerry's</a>", "plain": "no special characters", "empty": "",
            "items": [["name": "a<b"], ["name": "c\"d"]], "yes": true, "no": false,
        ]
    }

    /// `value` as swift-mustache takes it (no HTML values in these contexts).
    static func any(_ value: TemplateValue) -> Any {
        var html: [String] = []
        let converted = value.mustacheValue(html: &html, marker: { _ in "" })
        precondition(html.isEmpty)
        return converted
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
        return (theme.render("probe", Self.context), library.render(Self.any(.object(Self.context)), withTemplate: "probe") ?? "")
    }

    @Test(arguments: templates) func rendersAsSwiftMustacheDoes(source: String) throws {
        let (theme, library) = try renderedBothWays(source)
        #expect(theme == library)
    }

    /// Partials and changed delimiters are left to swift-mustache; the rest is compiled.
    @Test func compilesWhatItCovers() {
        for source in Self.templates {
            let covered = !source.contains("{{=") && !source.contains("{{>")
            #expect((CompiledTemplate(ThemeEscaping.pragma + source) != nil) == covered, "\(source)")
        }
        let theme = try! Theme()
        for name in ["layout", "article", "entry", "index", "tag", "report", "404"] {
            #expect(theme.isCompiled(name), "\(name) should render from its compiled form")
        }
    }

    /// HTML values are shown as they are by `{{name}}` too, compiled or not (a partial
    /// makes the template render with swift-mustache).
    @Test func htmlValuesAreNotEscapedEitherWay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{body}}|{{{body}}}|{{title}}".utf8).write(to: folder.appendingPathComponent("plain.mustache"))
        try Data("{{body}}|{{{body}}}|{{title}}{{> empty}}".utf8).write(to: folder.appendingPathComponent("partial.mustache"))
        try Data("".utf8).write(to: folder.appendingPathComponent("empty.mustache"))
        let theme = try Theme(overrides: folder)
        #expect(theme.isCompiled("plain") && !theme.isCompiled("partial"))
        let context: [String: TemplateValue] = ["body": .html("<p>a & b</p>"), "title": "<i>"]
        #expect(theme.render("plain", context) == "<p>a & b</p>|<p>a & b</p>|&lt;i&gt;")
        #expect(theme.render("partial", context) == "<p>a & b</p>|<p>a & b</p>|&lt;i&gt;")
    }

    /// Every page of a site (the shipped articles, and articles with tags, diagnostics,
    /// failing claims, Chinese text) is the same with the theme compiled and with
    /// swift-mustache rendering every template.
    @Test func aWholeSiteIsTheSameCompiledOrNot() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var articles = ArticleCatalog.loadAll(try ArticleCatalog.paths(root: root), root: root)
        articles.append(ArticleParser.parse("""
            ---
            title: "Tom & Jerry's <proof>"
            date: 2026-11-25
            tags: [algebra, "a & b"]
            summary: "Short <and> sweet"
            ---
            ## One $x$

            ```swift check
            check(1 < 2, "fine")
            check(false, "<script>")
            ```

            ## Two
            """, path: "articles/t.md"))
        articles.append(ArticleParser.parse("---\ntitle: 数学\nlang: zh\n---\n```swift check\ncheck(true)\n", path: "articles/z.md"))
        let results = [
            ArticleResult(path: "articles/t.md", claims: [
                ClaimRecord(line: 12, kind: .check, label: "fine", status: .pass, seconds: 0.002),
                ClaimRecord(line: 13, kind: .check, label: "<script>", status: .fail, detail: "x < y"),
            ]),
            ArticleResult(path: "articles/z.md", claims: [ClaimRecord(line: 5, kind: .check, label: "", status: .pass)]),
        ]
        let settings = SiteSettings(title: "Notes & <proofs>", author: "A. N. Author", description: "A \"site\"")
        let compiled = try SiteRenderer(settings: settings, theme: Theme()).site(articles, results: results)
        let interpreted = try SiteRenderer(settings: settings, theme: Theme(compiling: false)).site(articles, results: results)
        #expect(compiled.pages.count > 10)
        #expect(compiled.pages.keys.sorted() == interpreted.pages.keys.sorted())
        for (path, page) in compiled.pages { #expect(page == interpreted.pages[path], "\(path)") }
    }

    /// Random templates (text, whitespace, line breaks and every covered tag, nested) and
    /// random contexts: compiled and swift-mustache give the same bytes.
    @Test func randomTemplatesRenderAsSwiftMustacheDoes() throws {
        var random = TemplateFuzz(seed: 2026)
        var compared = 0
        for _ in 0..<600 {
            let source = random.template(depth: 3)
            guard let reference = try? MustacheTemplate(string: source) else { continue }
            let compiled = try #require(CompiledTemplate(source), "not compiled: \(source.debugDescription)")
            for _ in 0..<3 {
                let context = random.context(depth: 2)
                let (mine, theirs) = (compiled.render(context), reference.render(Self.any(context)))
                #expect(mine == theirs, "\(source.debugDescription)")
                if mine != theirs { return }
                compared += 1
            }
        }
        #expect(compared > 1000)
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

/// Random Mustache templates and contexts for ``ThemeTests`` (a fixed seed: the same cases
/// every run).
struct TemplateFuzz {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }

    mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }

    /// Names of the random contexts: `a`, `b`, `c` hold text, numbers or flags; `list` a
    /// list; `obj` an object. Objects below the top have one key, so that swift-mustache's
    /// description of one (`{{.}}` on an object) does not depend on dictionary order.
    static let keys = ["a", "b", "c", "list", "obj"]

    mutating func template(depth: Int) -> String {
        var out = ""
        for _ in 0..<next(7) {
            switch next(depth > 0 ? 12 : 9) {
            case 0: out += pick(["x", "a b", "<&>\"'", "数学", "{", "}", "{ {"])
            case 1: out += pick([" ", "  ", "\t", " \t"])
            case 2, 3: out += pick(["\n", "\r\n", "\n\n"])
            case 4: out += "{{\(pick(["", " "]))\(pick(["a", "b", "c", "list", "obj", "a.b", ".a", "obj.a", "obj.obj.a", "list.a"]))\(pick(["", " "]))}}"
            case 5: out += "{{{\(pick(["a", "b", "obj.a"]))}}}"
            case 6: out += "{{&\(pick(["a", "c"]))}}"
            case 7: out += "{{!\(pick([" note ", "", "a}b", "}"]))}}"
            case 8: out += pick(["{{% CONTENT_TYPE: TEXT}}", "{{% CONTENT_TYPE: HTML}}", "{{%CONTENT_TYPE:LEMMA_HTML}}", "{{#list}}{{.}}{{/list}}"])
            default:
                let name = pick(Self.keys + ["obj.list", "obj.obj", "."])
                let open = pick(["#", "^"])
                let inner = template(depth: depth - 1)
                let before = pick(["", "\n", " ", "\n  "])
                let after = pick(["", "\n", "  \n", " "])
                out += "\(before){{\(open)\(name)}}\(after)\(inner)\(pick(["", "\n", " \n"])){{/\(name)}}\(after)"
            }
        }
        return out
    }

    /// A top-level context: each name present or not.
    mutating func context(depth: Int) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        for name in Self.keys where next(4) != 0 { fields[name] = value(of: name, depth: depth) }
        return .object(fields)
    }

    mutating func value(of name: String, depth: Int) -> TemplateValue {
        switch name {
        case "list":
            guard next(4) != 0 else { return pick([.list([]), .flag(false), .text("")]) }
            return .list((0..<next(4)).map { _ in
                next(2) == 0 || depth == 0 ? value(of: "a", depth: 0) : value(of: "obj", depth: depth - 1)
            })
        case "obj":
            guard next(5) != 0 else { return pick([.flag(true), .flag(false), .number(1)]) }
            let key = depth == 0 ? "a" : pick(Self.keys)
            return .object([key: value(of: key, depth: max(0, depth - 1))])
        default:
            switch next(6) {
            case 0: return .text(pick(["", "plain", "<b>&\"'</b>", "数学"]))
            case 1: return .flag(true)
            case 2: return .flag(false)
            case 3: return .number(pick([0, 1, -3, 42]))
            default: return .text("t\(next(10))")
            }
        }
    }
}
