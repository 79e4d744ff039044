import RealModule

/// A seeded pseudo-random generator (xoshiro256**, state filled by SplitMix64 from the
/// seed) that gives the same sequence for the same seed on every machine.
///
/// It conforms to `RandomNumberGenerator`, so `Int.random(in:using:)` and friends work,
/// but prefer ``uniform()`` and ``normal()``: their values are specified here, whereas the
/// standard library may change how it maps raw bits to values.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// A second normal deviate from the last Box–Muller pair, not yet returned.
    private var spareNormal: Double?

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) {
        var s = seed
        func splitMix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A double uniform in `[0, 1)`, from the top 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A double uniform in `[lower, upper)`.
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// A standard normal deviate (Box–Muller; values come in pairs).
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        // 1 − u lies in (0, 1], so the logarithm is finite.
        let radius = (-2 * Double.log(1 - uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spareNormal = radius * Double.sin(angle)
        return radius * Double.cos(angle)
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension Vector {
    /// A vector of `count` standard normal entries.
    public static func randomNormal(_ count: Int, using generator: inout SeededGenerator) -> Vector {
        Vector((0..<count).map { _ in generator.normal() })
    }

    /// A vector uniform on the unit sphere in `count` dimensions.
    public static func randomUnit(_ count: Int, using generator: inout SeededGenerator) -> Vector {
        while true {
            let v = randomNormal(count, using: &generator)
            if v.norm > 1e-8 { return v.normalized }
        }
    }
}

extension Matrix {
    /// A `rows × columns` matrix of standard normal entries.
    public static func randomNormal(_ rows: Int, _ columns: Int, using generator: inout SeededGenerator) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in generator.normal() })
    }
}

extension Matrix {
    /// A random `n × n` orthogonal matrix, distributed by Haar measure: the `Q` of the QR
    /// factorisation of a Gaussian matrix, with column signs fixed so that `R` has a
    /// positive diagonal.
    public static func randomOrthogonal(_ n: Int, using generator: inout SeededGenerator) -> Matrix {
        let g = randomNormal(n, n, using: &generator)
        // A Gaussian matrix is finite, so qr cannot throw.
        guard var (q, r) = try? g.qr() else { preconditionFailure("randomOrthogonal: QR failed") }
        for j in 0..<n where r[j, j] < 0 {
            for i in 0..<n { q[i, j] = -q[i, j] }
            r[j, j] = -r[j, j]
        }
        return q
    }
}

extension Matrix {
    /// A `rows × columns` matrix of entries uniform on `[lower, upper)`.
    public static func randomUniform(
        _ rows: Int, _ columns: Int, in lower: Double, _ upper: Double, using generator: inout SeededGenerator
    ) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in generator.uniform(lower, upper) })
    }
}
