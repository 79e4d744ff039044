import Diagnostics

/// Puts a value on the page below its block: a number, a complex number, a vector (as a
/// column), a matrix (as a `bmatrix`) or a ``TeX`` formula, typeset with KaTeX, with an
/// optional label. Any other value is shown as text.
public func show(_ value: Any, label: String = "", line: Int = #line) {
    ClaimRecorder.shared.record(
        ClaimEvent(event: .show, line: line, text: ValueFormat.tex(value), label: label))
}

/// A formula written in TeX, for ``show(_:label:line:)``: `show(TeX("x'^2 + 6y'^2 = 12"))`
/// typesets it instead of showing the characters as text.
public struct TeX: Sendable, Hashable, CustomStringConvertible {
    /// The TeX source.
    public let source: String

    public init(_ source: String) { self.source = source }

    public var description: String { source }
}
