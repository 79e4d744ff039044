import Articles
import Diagnostics
import Testing

@Suite struct FrontMatterTests {
    @Test func readsAllFields() {
        let article = ArticleParser.parse("""
            ---
            title: "Flows: NICE & RealNVP"
            date: 2026-11-25
            tags: [flows, jacobians]
            lang: zh
            summary: One line.
            timeout: 300
            ---
            Body.
            """, path: "articles/flows.md")
        #expect(article.diagnostics.isEmpty)
        #expect(article.title == "Flows: NICE & RealNVP")
        #expect(article.frontMatter.date == "2026-11-25")
        #expect(article.frontMatter.tags == ["flows", "jacobians"])
        #expect(article.frontMatter.lang == "zh")
        #expect(article.frontMatter.summary == "One line.")
        #expect(article.frontMatter.timeout == 300)
        #expect(article.slug == "flows")
    }

    @Test func commaSeparatedTagsAndDefaultLanguage() {
        let article = ArticleParser.parse("---\ntitle: T\ntags: a, b ,c\n---\n", path: "articles/t.md")
        #expect(article.frontMatter.tags == ["a", "b", "c"])
        // No language of its own: the page takes the site's (see SiteRendererTests).
        #expect(article.frontMatter.lang == nil)
        #expect(ArticleParser.parse("---\ntitle: T\nlang: zh\n---\n", path: "articles/t.md").frontMatter.lang == "zh")
    }

    @Test func missingTitleIsAnErrorAtLineOne() {
        let article = ArticleParser.parse("---\ndate: 2026-01-01\n---\nText\n", path: "articles/x.md")
        #expect(article.diagnostics.map(\.id) == ["frontmatter.title"])
        #expect(article.diagnostics[0].location == SourceLocation(file: "articles/x.md", line: 1))
        #expect(article.diagnostics[0].severity == .error)
        #expect(article.title == "x")  // falls back to the slug
    }

    @Test func noFrontMatterAtAll() {
        let article = ArticleParser.parse("# Hello\n", path: "articles/h.md")
        #expect(article.diagnostics.map(\.id) == ["frontmatter.missing"])
    }

    @Test func unclosedFrontMatter() {
        let article = ArticleParser.parse("---\ntitle: T\n\nBody\n", path: "articles/u.md")
        #expect(article.diagnostics.map(\.id) == ["frontmatter.unclosed"])
    }

    @Test func invalidYAMLPointsAtItsLine() {
        let article = ArticleParser.parse("---\ntitle: T\ntags: [a, b\n---\n", path: "articles/y.md")
        let d = article.diagnostics.first
        #expect(d?.id == "frontmatter.yaml")
        #expect((d?.location.line ?? 0) >= 3)
    }

    @Test func badTimeout() {
        let article = ArticleParser.parse("---\ntitle: T\ntimeout: soon\n---\n", path: "articles/t.md")
        #expect(article.diagnostics.map(\.id) == ["frontmatter.timeout"])
        #expect(article.diagnostics.first?.location.line == 3)
    }

    @Test func frontMatterKeepsBodyLineNumbers() {
        let article = ArticleParser.parse("---\ntitle: T\n---\n\n## Section\n", path: "articles/t.md")
        #expect(article.headings == [Heading(level: 2, text: "Section", line: 5)])
    }
}
