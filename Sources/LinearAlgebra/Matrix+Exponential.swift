import RealModule

extension Matrix {
    /// The matrix exponential `e^A = Σ Aᵏ/k!`, by scaling and squaring with the [13/13]
    /// Padé approximant (Higham, 2005): `A` is scaled by `2⁻ˢ` until `‖A‖₁ ≤ θ₁₃ ≈ 5.37`,
    /// the approximant `(V − U)⁻¹(V + U)` is formed by one LU solve, and the result is
    /// squared `s` times. Relative accuracy near machine precision for well-conditioned
    /// problems; `exp(A) exp(−A) = I` to about `ε · cond`.
    ///
    /// - Throws: `notSquare`, `nonFinite`.
    public func exponential() throws -> Matrix {
        try requireSquare("exponential")
        try requireFinite("exponential")
        let n = rows
        if n == 0 { return self }
        let b: [Double] = [
            64_764_752_532_480_000, 32_382_376_266_240_000, 7_771_770_303_897_600,
            1_187_353_796_428_800, 129_060_195_264_000, 10_559_470_521_600, 670_442_572_800,
            33_522_128_640, 1_323_241_920, 40_840_800, 960_960, 16380, 182, 1,
        ]
        let theta13 = 5.371920351148152
        let norm = oneNorm
        let s = norm > theta13 ? Swift.max(0, Int(Double.log2(norm / theta13).rounded(.up))) : 0
        let a = self / Double.exp2(Double(s))
        let id = Matrix.identity(n)
        let a2 = a * a, a4 = a2 * a2, a6 = a4 * a2
        let u = a * (a6 * (b[13] * a6 + b[11] * a4 + b[9] * a2) + b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * id)
        let v = a6 * (b[12] * a6 + b[10] * a4 + b[8] * a2) + b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * id
        var result = try (v - u).solve(v + u)
        for _ in 0..<s { result = result * result }
        return result
    }
}
