import LinearAlgebra

/// The Nyström approximation of softmax attention (Xiong et al., "Nyströmformer", AAAI 2021).
///
/// With `m` landmarks `Q̃`, `K̃` — the means of `m` consecutive, equal segments of the rows of
/// `Q` and `K` — and `softmax` along rows,
///
///     F = softmax(Q K̃ᵀ/√d)   (n × m),   A = softmax(Q̃ K̃ᵀ/√d)   (m × m),   B = softmax(Q̃ Kᵀ/√d)   (m × n),
///
/// the n × n attention matrix `softmax(Q Kᵀ/√d)` is approximated by `F A⁺ B`, and the output
/// by `F (A⁺ (B V))`, in `O(n m d)` time and `O(n m)` memory. `A⁺` is the Moore–Penrose
/// pseudo-inverse, either exact (LAPACK's SVD) or the paper's iteration
/// (``IterativePseudoInverse``). With `m = n` the landmarks are the tokens themselves and,
/// with the exact pseudo-inverse, `F A⁺ B = S S⁺ S = S`: the approximation is exact.
public struct NystromAttention: Sendable {
    /// How `A⁺` is computed.
    public enum PseudoInverse: Sendable, Hashable {
        /// From the SVD, singular values below LAPACK's default relative tolerance dropped.
        case exact
        /// `iterations` steps of the paper's iteration from `Z₀ = Aᵀ/(‖A‖₁‖A‖_∞)` (the paper uses 6).
        case iterative(iterations: Int)
    }

    /// The number of landmarks `m`.
    public let landmarks: Int
    public let pseudoInverse: PseudoInverse

    public init(landmarks: Int, pseudoInverse: PseudoInverse = .iterative(iterations: 6)) {
        self.landmarks = landmarks
        self.pseudoInverse = pseudoInverse
    }

    /// The approximate attention output `F (A⁺ (B V))`.
    public func callAsFunction(queries q: Matrix, keys k: Matrix, values v: Matrix) throws -> Matrix {
        let (f, a, b) = try factors(queries: q, keys: k)
        guard k.rows == v.rows else {
            throw AttentionError.shape(
                function: "NystromAttention", detail: "\(k.rows) keys but \(v.rows) values; there must be one value per key")
        }
        return f * (try inverse(a) * (b * v))
    }

    /// The three softmax factors `F`, `A`, `B`.
    public func factors(queries q: Matrix, keys k: Matrix) throws -> (F: Matrix, A: Matrix, B: Matrix) {
        guard q.rows == k.rows else {
            throw AttentionError.shape(function: "NystromAttention", detail: "\(q.rows) queries but \(k.rows) keys; segment means need as many of each")
        }
        let ql = try Self.segmentMeans(q, count: landmarks), kl = try Self.segmentMeans(k, count: landmarks)
        return (
            try SoftmaxAttention.weights(queries: q, keys: kl), try SoftmaxAttention.weights(queries: ql, keys: kl),
            try SoftmaxAttention.weights(queries: ql, keys: k)
        )
    }

    /// The approximation of the full attention matrix, `F A⁺ B` (n × n; for checks, not speed).
    public func approximateWeights(queries q: Matrix, keys k: Matrix) throws -> Matrix {
        let (f, a, b) = try factors(queries: q, keys: k)
        return f * (try inverse(a) * b)
    }

    func inverse(_ a: Matrix) throws -> Matrix {
        switch pseudoInverse {
        case .exact: return try a.pseudoInverse()
        case let .iterative(iterations): return try IterativePseudoInverse.iterates(of: a, count: iterations).last!
        }
    }

    /// The means of `count` consecutive equal segments of the rows of `x`.
    ///
    /// - Throws: ``AttentionError/landmarks(function:tokens:landmarks:)`` unless
    ///   `1 ≤ count ≤ rows` and `count` divides `rows`.
    public static func segmentMeans(_ x: Matrix, count: Int) throws -> Matrix {
        guard count >= 1, count <= x.rows, x.rows % count == 0 else {
            throw AttentionError.landmarks(function: "NystromAttention.segmentMeans", tokens: x.rows, landmarks: count)
        }
        let length = x.rows / count, d = x.columns
        var means = Matrix(rows: count, columns: d)
        let scale = 1 / Double(length)
        x.withUnsafeElements { source in
            means.withUnsafeMutableElements { target in
                for segment in 0..<count {
                    let out = target.baseAddress! + segment * d
                    for r in (segment * length)..<((segment + 1) * length) {
                        let row = source.baseAddress! + r * d
                        for c in 0..<d { out[c] += row[c] }
                    }
                    for c in 0..<d { out[c] *= scale }
                }
            }
        }
        return means
    }
}

/// The iteration for the Moore–Penrose pseudo-inverse that Nyströmformer uses (Razavi et al.
/// 2014): `Z₀ = Aᵀ / (‖A‖₁ ‖A‖_∞)`, `Z_{j+1} = ¼ Z_j (13I − A Z_j (15I − A Z_j (7I − A Z_j)))`.
///
/// The starting scale makes `ρ(I − A Z₀) < 1` for every `A ≠ 0`, after which `Z_j → A⁺`
/// and the residual `I − A Z_j` shrinks at least cubically per step.
public enum IterativePseudoInverse {
    /// `Z₀, Z₁, …, Z_count`.
    public static func iterates(of a: Matrix, count: Int) throws -> [Matrix] {
        guard count >= 0 else { throw AttentionError.iterations(function: "IterativePseudoInverse.iterates", count: count) }
        guard a.rows == a.columns else {
            throw AttentionError.shape(function: "IterativePseudoInverse.iterates", detail: "needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        let n = a.rows
        let columnNorm = (0..<n).map { j in (0..<n).reduce(0) { $0 + abs(a[$1, j]) } }.max() ?? 0
        let rowNorm = (0..<n).map { i in (0..<n).reduce(0) { $0 + abs(a[i, $1]) } }.max() ?? 0
        guard columnNorm > 0 else { return [Matrix](repeating: a.transposed, count: count + 1) }
        let identity = Matrix.identity(n)
        var z = a.transposed / (columnNorm * rowNorm)
        var all = [z]
        for _ in 0..<count {
            let az = a * z
            z = 0.25 * (z * (13 * identity - az * (15 * identity - az * (7 * identity - az))))
            all.append(z)
        }
        return all
    }
}
