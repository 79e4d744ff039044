import Testing
@testable import Articles

@Suite struct ByteRewriterTests {
    @Test func withoutReplacementsTheTextComesBackUnchanged() {
        for text in ["", "plain", "线性代数 and ascii", "emoji 🙂 at the end 🙂"] {
            var rewriter = ByteRewriter(text)
            #expect(rewriter.finish() == text)
        }
    }

    @Test func replacementsAtTheStartMiddleAndEnd() {
        var rewriter = ByteRewriter("<a>中<b>文<c>")
        let source = rewriter.source
        // Replace every `<x>` by `[X]`.
        var i = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "<") {
                let letter = source[i + 1] - 32
                rewriter.replace(i..<(i + 3)) { $0.append(contentsOf: [UInt8(ascii: "["), letter, UInt8(ascii: "]")]) }
                i += 3
            } else {
                i += 1
            }
        }
        #expect(rewriter.finish() == "[A]中[B]文[C]")
    }

    @Test func flushAndSkipLetTheCallerWriteDirectly() {
        var rewriter = ByteRewriter("keep DROP keep")
        rewriter.flush(upTo: 5)
        rewriter.output.append(contentsOf: "new".utf8)
        rewriter.skip(to: 9)
        rewriter.flush(upTo: 5)  // already copied: nothing happens
        #expect(rewriter.finish() == "keep new keep")
    }

    @Test func containsUTF8Byte() {
        #expect(!"".containsUTF8Byte(UInt8(ascii: "$")))
        #expect("a $x$ b".containsUTF8Byte(UInt8(ascii: "$")))
        #expect(!"线性代数".containsUTF8Byte(UInt8(ascii: "\r")))
        #expect(String("xx\r\nyy".dropFirst()).containsUTF8Byte(UInt8(ascii: "\r")))
        #expect("a&b".containsUTF8Byte(where: { $0 == UInt8(ascii: "&") }))
        #expect(!"ab".containsUTF8Byte(where: { $0 == UInt8(ascii: "&") }))
    }
}
