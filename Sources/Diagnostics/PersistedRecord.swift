/// What one `persisted(name) { … }` call did, as a claim program reports it to the
/// verifier: whether its value was computed in this run or loaded from the site's store of
/// persisted values, and how long the computation took when it ran.
///
/// The verifier tells the program where the store is and which key each top-level
/// statement's calls use through the environment (see ``directoryEnvironmentKey``,
/// ``keysEnvironmentKey``, ``refreshEnvironmentKey``); the program takes these out of its
/// environment at start.
public struct PersistedRecord: Hashable, Sendable, Codable {
    /// How the value was obtained.
    public enum Source: String, Sendable, Codable {
        /// Computed in this run and written to the store.
        case computed
        /// Read from the store; the computation did not run.
        case loaded
        /// Computed in this run and not stored (no key for this call, or writing failed);
        /// `note` says why.
        case unstored
    }

    /// Article line of the call.
    public var line: Int
    /// The name the author gave the value.
    public var name: String
    public var source: Source
    /// Seconds the computation took (in this run, or in the run that stored the value).
    public var seconds: Double
    /// When the stored value was computed (ISO 8601, UTC), for a loaded value.
    public var computedAt: String?
    /// Why the value was not stored, for an unstored one.
    public var note: String?

    public init(
        line: Int, name: String, source: Source, seconds: Double, computedAt: String? = nil, note: String? = nil
    ) {
        self.line = line
        self.name = name
        self.source = source
        self.seconds = seconds
        self.computedAt = computedAt
        self.note = note
    }

    /// The folder of the store (the site's `.build/lemma/store`).
    public static let directoryEnvironmentKey = "LEMMA_STORE_DIR"
    /// `LINE=KEY;LINE=KEY…`: for each top-level statement that reports its start (by its
    /// article line), the hash of everything its persisted values may depend on.
    public static let keysEnvironmentKey = "LEMMA_STORE_KEYS"
    /// Set to `1` to compute every persisted value again (and store it), as `--no-cache` asks.
    public static let refreshEnvironmentKey = "LEMMA_STORE_REFRESH"
}
