/// A rewritten copy of UTF-8 text, for the single-pass rewrites of pages (placeholders
/// filled, headings anchored, raw HTML spliced).
///
/// Scanning code finds what to replace and says so with ``flush(upTo:)`` and
/// ``skip(to:)``; the untouched bytes between replacements are copied in one piece
/// each, not byte by byte (appending single bytes cost a capacity and uniqueness check
/// each and was the main cost of these passes).
public struct ByteRewriter {
    /// The text being rewritten.
    public let source: [UInt8]
    /// The rewritten text so far; replacements are appended here directly.
    public var output: [UInt8] = []
    /// `source[copied...]` has not been copied or skipped yet.
    private var copied = 0

    /// A rewriter of `text`, its output sized for the text plus `extraCapacity` bytes.
    public init(_ text: String, extraCapacity: Int = 0) {
        source = Array(text.utf8)
        output.reserveCapacity(source.count + extraCapacity)
    }

    /// Copies the pending source bytes before `index`.
    public mutating func flush(upTo index: Int) {
        if index > copied { output.append(contentsOf: source[copied..<index]) }
        copied = Swift.max(copied, index)
    }

    /// Marks the source before `index` as handled: it will not be copied.
    public mutating func skip(to index: Int) {
        copied = Swift.max(copied, index)
    }

    /// Replaces `source[range]` by what `write` appends.
    public mutating func replace(_ range: Range<Int>, _ write: (inout [UInt8]) -> Void) {
        flush(upTo: range.lowerBound)
        write(&output)
        skip(to: range.upperBound)
    }

    /// The rewritten text, with the rest of the source copied.
    public mutating func finish() -> String {
        flush(upTo: source.count)
        return String(decoding: output, as: UTF8.self)
    }
}
