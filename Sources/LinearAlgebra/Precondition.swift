/// `precondition` that keeps its message in optimized builds, for every module of the
/// claim library (LinearAlgebra, Learning, Models, ClaimKit).
///
/// Claim programs link an optimized library, where Swift's own `precondition` traps
/// without its message; a shape mismatch must still say which operation or layer and both
/// shapes. Declared with `package` access, it shadows `Swift.precondition` in this
/// package's modules that import LinearAlgebra, and is invisible to claim code.
@inline(__always)
package func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String(),
    file: StaticString = #file, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
