#if canImport(Glibc)
import Glibc
#endif

/// Turns the text cmark parsed from protected Markdown back into text and formulas.
///
/// ``MathProtector`` left `U+E000 k U+E001` for formula `k`, and a continuation marker
/// `U+E002` at the start of each further line of a multi-line formula. Here each
/// placeholder becomes ``Inline/math(_:)``; the line endings and indentation that a
/// formula's further lines left behind, up to its last continuation marker, are dropped
/// (they are inside the formula); a marker found anywhere else is dropped too, so that no
/// placeholder reaches a page. A placeholder whose number is not a formula's stays text.
/// Adjacent text becomes one ``Inline/text(_:)``.
///
/// Feed a container's inline children in order (``text(bytes:)`` for text, ``node(_:)`` for
/// the rest), then take ``finish()``. Works on UTF-8 bytes: the markers are `EE 80 80`,
/// `EE 80 81` and `EE 80 82`.
struct MathTextSplitter {
    let mathCount: Int
    private var out: [Inline] = []
    /// Text not yet in `out`.
    private var text: [UInt8] = []
    /// Right after a formula: the line endings and whitespace seen since it (or since its
    /// last continuation marker), dropped if another continuation marker follows.
    private var afterMath = false
    /// The held whitespace and line endings, in order: text bytes, with 0 for a soft break
    /// (cmark never leaves a NUL in text: it becomes U+FFFD).
    private var pending: [UInt8] = []

    /// Byte buffers a splitter works in, handed from one splitter to the next (their
    /// capacity kept), so that an article's containers do not each grow their own.
    struct Buffers {
        var text: [UInt8] = []
        var pending: [UInt8] = []
    }

    /// `expectedCount`: about how many inlines the container will have (room is reserved).
    init(mathCount: Int, expectedCount: Int = 0, buffers: Buffers = Buffers()) {
        self.mathCount = mathCount
        out.reserveCapacity(expectedCount)
        text = buffers.text
        pending = buffers.pending
    }

    /// A node other than text.
    mutating func node(_ inline: Inline) {
        if afterMath, inline == .softBreak {
            pending.append(0)
            return
        }
        flushPending()
        flushText()
        out.append(inline)
    }

    /// A text node's UTF-8 bytes, which may hold placeholders.
    mutating func text(bytes b: UnsafeBufferPointer<UInt8>) {
        guard afterMath || (b.baseAddress.map { memchr($0, 0xEE, b.count) != nil } ?? false) else {
            text.append(contentsOf: b)
            return
        }
        func isMarker(_ i: Int, _ kind: UInt8) -> Bool { i + 2 < b.count && b[i] == 0xEE && b[i + 1] == 0x80 && b[i + 2] == kind }
        var i = 0
        while i < b.count {
            let c = b[i]
            if afterMath {
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") {
                    pending.append(c)
                    i += 1
                    continue
                }
                if isMarker(i, 0x82) {
                    pending.removeAll(keepingCapacity: true)
                    i += 3
                    continue
                }
                flushPending()
            }
            if isMarker(i, 0x80) {
                // Digits, then the closing marker.
                var j = i + 3
                var index = 0
                while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) {
                    index = index &* 10 &+ Int(b[j] - UInt8(ascii: "0"))
                    j += 1
                }
                if j > i + 3, j - i < 12, isMarker(j, 0x81), index < mathCount {
                    flushText()
                    out.append(.math(index))
                    afterMath = true
                    i = j + 3
                    continue
                }
            }
            if isMarker(i, 0x82) {
                i += 3
                continue
            }
            // Text up to the next byte that may start a marker, at once.
            var j = i + 1
            if let base = b.baseAddress, j < b.count, let hit = memchr(base + j, 0xEE, b.count - j) {
                j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                j = b.count
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
            i = j
        }
    }

    /// The inlines, with any whitespace still held after a last formula; and the buffers,
    /// empty, for another splitter.
    mutating func finish() -> (inlines: [Inline], buffers: Buffers) {
        flushPending()
        flushText()
        return (out, Buffers(text: text, pending: pending))
    }

    private mutating func flushPending() {
        for byte in pending {
            if byte == 0 {
                flushText()
                out.append(.softBreak)
            } else {
                text.append(byte)
            }
        }
        pending.removeAll(keepingCapacity: true)
        afterMath = false
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        out.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }
}
