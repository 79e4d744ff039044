import Testing
@testable import Site

@Suite struct HighlighterTests {
    @Test func keywordsTypesNumbersStringsComments() {
        let html = SwiftHighlighter.html("let x: Matrix = f(1.5e-3) // note <b>\n\"a\\\"b\"")
        #expect(html == "<span class=\"hl-kw\">let</span> x: <span class=\"hl-type\">Matrix</span> = f(<span class=\"hl-num\">1.5e-3</span>) "
            + "<span class=\"hl-com\">// note &lt;b&gt;</span>\n<span class=\"hl-str\">&quot;a\\&quot;b&quot;</span>")
    }

    @Test func slugsKeepChineseAndLowerCaseASCII() {
        #expect(Slug.make("A Rotation, in 3-D!") == "a-rotation-in-3-d")
        #expect(Slug.make("线性代数") == "线性代数")
        var used: Set<String> = []
        #expect(Slug.unique("x", &used) == "x")
        #expect(Slug.unique("x", &used) == "x-2")
    }
}
