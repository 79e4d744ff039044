/// Finds the known word a mistyped one was probably meant to be, for did-you-mean hints.
///
/// Distance is the optimal-string-alignment edit distance (insertions, deletions,
/// substitutions and swaps of two neighbouring characters each count 1), so `chek`,
/// `swfit`, `hdie`, `outptu` and `tilte` are all one edit from their words.
package enum NearMatch {
    /// The candidate closest to `word` within `maxDistance` edits (and not equal to it), if any.
    package static func closest(to word: String, among candidates: [String], maxDistance: Int = 2) -> String? {
        // Words whose lengths differ by more than `maxDistance` are that many edits apart
        // at least: no table for them (most code blocks' languages are no near miss).
        let lowered = word.lowercased()
        let length = lowered.count
        let near = candidates.filter { abs($0.count - length) <= maxDistance }
        guard !near.isEmpty else { return nil }
        let best = near.map { ($0, distance(lowered, $0)) }.filter { $0.1 > 0 && $0.1 <= maxDistance }
            .min { $0.1 < $1.1 }
        return best?.0
    }

    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
