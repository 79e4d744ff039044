/// The contents of every fenced block of `text` that opens with the line `opening` and
/// ends at the next line `closing`, in order (for tests that run examples from docs).
func fencedBlocks(in text: String, opening: String, closing: String) -> [String] {
    var found: [String] = []
    var rest = text[...]
    while let start = rest.range(of: opening + "\n") {
        guard let end = rest.range(of: "\n" + closing + "\n", range: start.upperBound..<rest.endIndex) else { break }
        found.append(String(rest[start.upperBound..<end.lowerBound]) + "\n")
        rest = rest[end.upperBound...]
    }
    return found
}
