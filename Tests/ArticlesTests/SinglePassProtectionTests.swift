import Foundation
import Testing
@testable import Articles

/// The parser protects formulas without first asking cmark where the code blocks are,
/// and falls back to asking when that could matter. These tests hold it to the result of
/// always asking: the code lines of the original text, then protection, then cmark.
@Suite struct SinglePassProtectionTests {
    /// The two-pass reference: protected text and document.
    static func reference(_ markdown: String) -> (text: String, document: Document, math: [MathSpan]) {
        var codeLines = Set<Int>()
        for block in CMark.blocks(of: markdown) where block.kind == .codeBlock || block.kind == .htmlBlock {
            codeLines.formUnion(block.startLine...max(block.startLine, block.endLine))
        }
        let protected = MathProtector(file: "t.md", codeLines: codeLines).protect(markdown)
        return (protected.text, CMark.document(utf8: protected.bytes, math: protected.spans, columns: protected.columns).document, protected.spans)
    }

    static func expectSameAsReference(_ markdown: String, _ comment: Comment? = nil) {
        let article = ArticleParser.parse(markdown, path: "t.md", frontMatter: false)
        let expected = reference(markdown)
        #expect(article.document == expected.document, comment)
        #expect(article.math == expected.math, comment)
    }

    @Test(arguments: [
        "```swift\nlet s = \"$a$\"\n```\n\nText $x$.",  // a formula inside a fenced block
        "Text $a\n```\ncode$ more\n```\n",  // a formula that would hide a fence
        "Text $$a\n<div>\n$$ b\n",  // a display formula that would hide an HTML block
        "    indented $a$ code\n\nText $b$\n",  // indented code
        "<div>\n$a$\n</div>\n\nText $b$\n",  // an HTML block
        "```\n`\n```\n\nSome `code` and $x$\n",  // a code span opened inside a code block
        "```\n`x`\n```\n\nAnd $x$\n",  // a code span closed inside its code block
        "> quote $a$\n> ```\n> $b$\n> ```\n",  // a fence in a block quote
        "- item\n\n      code $a$\n\n  text $b$\n",  // indented code in a list item
        "Text $a\n> b$\n>\n>     code $c$\n",  // a formula that would hide a block quote marker
        "Text $a\n1. b$\n\n     code $c$\n",  // … or a list marker
        "<!--\n$a\n-->$\ntext $b$\n",  // … or the end of an HTML comment
        "Plain $x$ and $$y$$ with no code at all.\n",
    ])
    func trickyDocuments(markdown: String) {
        Self.expectSameAsReference(markdown)
    }

    /// Every CommonMark example with its `foo`s turned into formulas — in code blocks,
    /// code spans, HTML, links, lists and quotes alike.
    @Test func commonMarkExamplesWithFormulas() {
        let examples = CommonMarkExamples.all
        #expect(examples.count == 652)
        for e in examples {
            for markdown in [e.markdown, e.markdown.replacingOccurrences(of: "foo", with: "$f_1$"),
                             e.markdown.replacingOccurrences(of: "foo", with: "$$f\n$$")] {
                Self.expectSameAsReference(markdown, "example \(e.example): \(markdown.debugDescription)")
            }
        }
    }

    /// Random documents stitched from the pieces that matter here — fences, indentation,
    /// quotes, list markers, HTML, code spans, dollar signs, blank lines — against the
    /// two-pass result. Seeded: the same documents on every run.
    @Test func randomDocuments() {
        let pieces = [
            "$", "$$", "`", "``", "```", "~~~", "    ", "\t", "> ", "- ", "1. ", "* ", "<div>", "</div>", "<!--", "-->",
            "<pre>", "</pre>", "\\", "\\$", "a", "x_1", "b*c", " ", "\n", "\n", "\n", "\n\n", "swift", "=",
            "   ", "  ", "2) ", "+ ", "# ", "<script>", "</script>", "<?", "?>", "<![CDATA[", "]]>", "<!X", ">", "***", "---", "===", "[a]: /u", "\n    ", "\n> ", "\n- ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            // splitmix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var mismatches = 0
        for _ in 0..<5000 {
            let markdown = (0..<(8 + next(40))).map { _ in pieces[next(pieces.count)] }.joined()
            let article = ArticleParser.parse(markdown, path: "t.md", frontMatter: false)
            let expected = Self.reference(markdown)
            if article.document != expected.document || article.math != expected.math {
                mismatches += 1
                if mismatches <= 3 { Issue.record("differs from the two-pass result: \(markdown.debugDescription)") }
            }
        }
        #expect(mismatches == 0)
    }
}

/// Columns of formulas count Unicode scalars; the count goes eight bytes at a time.
@Suite struct ScalarCountTests {
    @Test func countsScalarsOfEveryRange() {
        let text = "a$x$ 线性 ∑ 😀 é\u{301} plain ascii text long enough for words 数学公式 end"
        let bytes = Array(text.utf8)
        for start in 0...bytes.count {
            for end in start...bytes.count {
                let expected = bytes[start..<end].count { $0 & 0xC0 != 0x80 }
                #expect(MathProtector.scalarCount(bytes, start..<end) == expected, "\(start)..<\(end)")
            }
        }
    }

    /// A formula after CJK text and an emoji gets its column in scalars.
    @Test func formulaColumnsAfterWideCharacters() {
        let article = ArticleParser.parse("线性代数 😀 and more text before it: $x^2$ here", path: "t.md", frontMatter: false)
        #expect(article.math.first?.location.column == 1 + "线性代数 😀 and more text before it: ".unicodeScalars.count)
    }
}

/// Runs of ordinary text end at the first newline, `$`, backslash or backtick, found
/// eight bytes at a time.
@Suite struct RunStopTests {
    @Test func findsTheFirstStopFromEveryStart() {
        let stopBytes: Set<UInt8> = [0x0A, 0x24, 0x5C, 0x60]
        var state: UInt64 = 12345
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 40, 200] {
            for _ in 0..<20 {
                // Mostly letters, some stop bytes, some bytes one away from a stop (0x23, 0x25, 0x0B, 0x5D, 0x5F, 0x61), some high bytes.
                let bytes: [UInt8] = (0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let r = Int(state >> 33) % 40
                    let pool: [UInt8] = [0x0A, 0x24, 0x5C, 0x60, 0x23, 0x25, 0x0B, 0x5D, 0x5F, 0x61, 0xE4, 0x80, 0xFF, 0x00]
                    return r < pool.count ? pool[r] : UInt8(0x61 + r % 26)
                }
                for start in 0...length {
                    let expected = (start..<length).first { stopBytes.contains(bytes[$0]) } ?? length
                    #expect(MathProtector.nextStop(bytes, from: start) == expected)
                }
            }
        }
    }
}

/// Line starts, found eight bytes at a time, against a byte loop.
@Suite struct LineStartTests {
    @Test func everyPlacementOfNewlines() {
        for length in 0...20 {
            for pattern in 0..<64 {
                let bytes: [UInt8] = (0..<length).map { k in (pattern >> (k % 6)) & 1 == 1 ? 0x0A : (k % 3 == 0 ? 0x8A : 0x61) }
                let text = String(decoding: bytes, as: UTF8.self)
                let utf8 = Array(text.utf8)
                let expected = [0] + utf8.indices.filter { utf8[$0] == 0x0A }.map { $0 + 1 }
                #expect(text.lineStarts() == expected, "\(text.debugDescription)")
            }
        }
    }
}

/// A formula's placeholder: the open marker, its number in decimal, the close marker.
@Suite struct PlaceholderTests {
    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 100_000])
    func placeholderBytes(index: Int) {
        var out: [UInt8] = [0x61]
        MathPlaceholder.appendToken(index, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a\(MathPlaceholder.open)\(index)\(MathPlaceholder.close)")
    }
}

/// The word tests of ``ByteWord`` mark exactly the bytes a byte test marks, in words with
/// bytes at and around every boundary that matters.
@Suite struct ByteWordTests {
    @Test func masksAreExact() {
        let near: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x3C, 0x3E,
                             0x5B, 0x5C, 0x5D, 0x5F, 0x60, 0x61, 0x7F, 0x80, 0x81, 0x8A, 0x9F, 0xA0, 0xDC, 0xE2, 0xFF]
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            let bytes: [UInt8] = (0..<8).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return near[Int(state >> 33) % near.count]
            }
            let w = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            func mask(_ test: (UInt8) -> Bool) -> UInt64 {
                bytes.enumerated().reduce(UInt64(0)) { test($1.element) ? $0 | 0x80 << (8 * UInt64($1.offset)) : $0 }
            }
            #expect(ByteWord.zero(w) == mask { $0 == 0 })
            for target in [UInt8(0x0A), 0x22, 0x24, 0x26, 0x5C, 0x60, 0x80, 0xFF] {
                #expect(ByteWord.equal(w, target) == mask { $0 == target })
            }
            for bound in [UInt8(0x01), 0x20, 0x21, 0x7F, 0x80] {
                #expect(ByteWord.below(w, bound) == mask { $0 < bound })
            }
        }
    }
}
