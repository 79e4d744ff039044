/// `precondition` that keeps its message in optimized builds.
///
/// Claim programs link an optimized library, where Swift's own `precondition` traps
/// without its message; a shape mismatch must still say which operation or layer and both
/// shapes. This module-level function shadows `Swift.precondition` for this module's code.
@inline(__always)
func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String(),
    file: StaticString = #file, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
