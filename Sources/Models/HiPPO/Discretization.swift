import LinearAlgebra

/// Ways to turn `x' = A x + B u` into a recurrence `x_{k+1} = Ā x_k + B̄ u` with step `Δ`.
///
/// - `forwardEuler`: `Ā = I + ΔA`, `B̄ = ΔB` (uses `u_k`).
/// - `backwardEuler`: `Ā = (I − ΔA)⁻¹`, `B̄ = (I − ΔA)⁻¹ΔB` (uses `u_{k+1}`).
/// - `bilinear` (Tustin, the generalised bilinear transform at ½): `Ā = (I − ΔA/2)⁻¹(I + ΔA/2)`,
///   `B̄ = (I − ΔA/2)⁻¹ΔB` — the (1,1) Padé approximant of `e^{ΔA}`.
/// - `zeroOrderHold`: `Ā = e^{ΔA}`, `B̄ = ∫₀^Δ e^{sA} ds B`, exact when `u` is constant over
///   the step; both from one exponential of the block matrix `[[A, B], [0, 0]]·Δ`, so `A`
///   need not be invertible.
public enum Discretization: String, CaseIterable, Sendable {
    case forwardEuler, backwardEuler, bilinear, zeroOrderHold

    public func apply(_ a: Matrix, _ b: Vector, step delta: Double) throws -> (A: Matrix, B: Vector) {
        let function = "Discretization.\(rawValue)"
        guard delta > 0, delta.isFinite else { throw HiPPOError.step(function: function, delta: delta) }
        guard a.rows == a.columns, b.count == a.rows else {
            throw HiPPOError.shape(function: function, detail: "A is \(a.rows)×\(a.columns) and B has \(b.count) entries; A must be square with B of its size")
        }
        let n = a.rows
        let identity = Matrix.identity(n)
        switch self {
        case .forwardEuler:
            return (identity + delta * a, delta * b)
        case .backwardEuler:
            let m = identity - delta * a
            return (try m.inverse(), try m.solve(delta * b))
        case .bilinear:
            let m = identity - (delta / 2) * a
            return (try m.solve(identity + (delta / 2) * a), try m.solve(delta * b))
        case .zeroOrderHold:
            var block = Matrix(rows: n + 1, columns: n + 1)
            for i in 0..<n {
                for j in 0..<n { block[i, j] = delta * a[i, j] }
                block[i, n] = delta * b[i]
            }
            let e = try block.exponential()
            return (e[rows: 0..<n, columns: 0..<n], Vector((0..<n).map { e[$0, n] }))
        }
    }
}
