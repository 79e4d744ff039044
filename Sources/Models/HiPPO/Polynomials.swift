import LinearAlgebra

/// Legendre polynomials `P_0 … P_{n−1}` on `[−1, 1]` (`P_n(1) = 1`), by the three-term
/// recurrence `(k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}`.
public enum Legendre {
    public static func values(_ n: Int, at x: Double) -> [Double] {
        var p = [Double](repeating: 0, count: n)
        if n > 0 { p[0] = 1 }
        if n > 1 { p[1] = x }
        if n > 2 {
            for k in 1..<(n - 1) { p[k + 1] = ((2 * Double(k) + 1) * x * p[k] - Double(k) * p[k - 1]) / Double(k + 1) }
        }
        return p
    }

    /// Gauss–Legendre nodes and weights on `[lower, upper]` with `count` points (exact for
    /// polynomials of degree below `2·count`), by Golub–Welsch: the nodes are the
    /// eigenvalues of the symmetric Jacobi matrix with off-diagonal `k/√(4k² − 1)`, the
    /// weights twice the squared first components of its eigenvectors (then scaled).
    public static func quadrature(_ count: Int, on lower: Double, _ upper: Double) throws -> (nodes: [Double], weights: [Double]) {
        guard count >= 1 else { throw HiPPOError.order(function: "Legendre.quadrature", n: count) }
        var jacobi = Matrix(rows: count, columns: count)
        for k in 1..<max(count, 1) {
            let beta = Double(k) / (4 * Double(k * k) - 1).squareRoot()
            jacobi[k, k - 1] = beta
            jacobi[k - 1, k] = beta
        }
        let (values, vectors) = try jacobi.symmetricEigen()
        let half = (upper - lower) / 2, middle = (upper + lower) / 2
        return (values.map { middle + half * $0 }, (0..<count).map { 2 * vectors[0, $0] * vectors[0, $0] * half })
    }
}

/// Laguerre polynomials `L_0 … L_{n−1}` (orthonormal under `e^{−x}` on `[0, ∞)`), by
/// `(k+1) L_{k+1} = (2k+1−x) L_k − k L_{k−1}`.
public enum Laguerre {
    public static func values(_ n: Int, at x: Double) -> [Double] {
        var l = [Double](repeating: 0, count: n)
        if n > 0 { l[0] = 1 }
        if n > 1 { l[1] = 1 - x }
        if n > 2 {
            for k in 1..<(n - 1) { l[k + 1] = ((2 * Double(k) + 1 - x) * l[k] - Double(k) * l[k - 1]) / Double(k + 1) }
        }
        return l
    }
}
