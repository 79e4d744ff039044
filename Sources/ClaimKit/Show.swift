import Diagnostics

/// Puts a value on the page below its block: a number, a complex number, a vector (as a
/// column) or a matrix (as a `bmatrix`), typeset with KaTeX, with an optional label.
public func show(_ value: Any, label: String = "", line: Int = #line) {
    ClaimRecorder.shared.record(
        ClaimEvent(event: .show, line: line, text: ValueFormat.tex(value), label: label))
}
