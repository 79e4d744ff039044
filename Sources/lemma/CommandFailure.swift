/// A failure the user can act on, reported as `lemma: <message>` with exit status 1 (no
/// usage text: the command line itself was fine).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
