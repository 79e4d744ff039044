/// Problems that stop verification as a whole (not one article's problems: those are
/// diagnostics in its ``ArticleResult``).
public enum VerifierError: Error, Equatable, CustomStringConvertible {
    /// `libClaimKit` was not found in the given folder.
    case libraryMissing(String)
    /// No `swiftc` on PATH.
    case compilerMissing

    public var description: String {
        switch self {
        case let .libraryMissing(directory):
            "the ClaimKit library is not in \(directory); build it with `make` (or "
                + "`swift build -c release --product ClaimKit`) in the Lemma package, or set LEMMA_LIBRARY_DIR "
                + "to the folder holding libClaimKit"
        case .compilerMissing:
            "no swiftc found on PATH; install Swift or set SWIFTC to the compiler's path"
        }
    }
}
