import Foundation
import Testing
@testable import Site

@Suite struct HighlighterTests {
    @Test func keywordsTypesNumbersStringsComments() {
        let html = SwiftHighlighter.html("let x: Matrix = f(1.5e-3) // note <b>\n\"a\\\"b\"")
        #expect(html == "<span class=\"hl-kw\">let</span> x: <span class=\"hl-type\">Matrix</span> = f(<span class=\"hl-num\">1.5e-3</span>) "
            + "<span class=\"hl-com\">// note &lt;b&gt;</span>\n<span class=\"hl-str\">&quot;a\\&quot;b&quot;</span>")
    }

    /// Highlighting only adds spans: the text of its HTML is the code, with non-ASCII
    /// identifiers, strings, comments and combining marks.
    @Test func theTextOfTheHTMLIsTheCode() {
        let codes = [
            "let 矩阵 = Matrix(rows: 2) // 注释 é\u{301}\nvar Δx = \"😀 <&>\" + \"\"\"\n多行\n\"\"\"\n/* 块 */ let ω₁ = 1_000.5e+3",
            "", "x", "\"unterminated", "/* open", "a.b.c(1...2)",
        ]
        for code in codes {
            let html = SwiftHighlighter.html(code)
            var stripped = ""
            var inTag = false
            for c in html {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { stripped.append(c) }
            }
            let decoded = stripped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(decoded == code, "\(code.debugDescription)")
        }
    }

    @Test func slugsKeepChineseAndLowerCaseASCII() {
        #expect(Slug.make("A Rotation, in 3-D!") == "a-rotation-in-3-d")
        #expect(Slug.make("线性代数") == "线性代数")
        var used: Set<String> = []
        #expect(Slug.unique("x", &used) == "x")
        #expect(Slug.unique("x", &used) == "x-2")
    }
}
