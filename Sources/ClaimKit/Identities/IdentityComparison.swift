import LinearAlgebra

/// The comparison of two sides of an identity at one point.
///
/// Entry by entry, the sides agree when `|left − right| ≤ 16·u·(eₗ + eᵣ)` — sixteen times
/// the sum of their rounding bounds (``Quantity``, `u = 2⁻⁵³`). A point *decides*
/// something only when that allowance is at most a millionth of the sides' size
/// (`max(1, |left|, |right|)`): where rounding could hide more than that (an overflow, a
/// nearly singular matrix, a cancellation of huge terms), the point is undecided and is
/// neither a pass nor a counterexample.
enum IdentityComparison {
    static let safety = 16.0
    static let unitRoundoff = 0x1p-53
    /// The largest allowance, relative to the sides' size, at which a point decides.
    static let decisiveness = 1e-6

    enum Outcome: Equatable {
        /// The sides agree within rounding; the largest difference and its allowance.
        case agree(difference: Double, allowed: Double)
        /// They differ: the entry (row, column from 1; nil for numbers), both values,
        /// the difference and what rounding allows.
        case differ(entry: (Int, Int)?, left: Double, right: Double, difference: Double, allowed: Double)
        /// Rounding could hide too much at this point to decide.
        case undecided(String)

        static func == (a: Outcome, b: Outcome) -> Bool { String(describing: a) == String(describing: b) }
    }

    static func compare(_ left: Quantity, _ right: Quantity, at offset: Int) throws(Quantity.Failure) -> Outcome {
        guard left.isFinite, right.isFinite else { return .undecided("a value overflowed") }
        let pairs: [(Double, Double, Double, Double, (Int, Int)?)]
        switch (left, right) {
        case let (.scalar(l, el), .scalar(r, er)), let (.identity(l, el), .identity(r, er)):
            pairs = [(l, el, r, er, nil)]
        case (.matrix(let m, _), .matrix), (.matrix(let m, _), .identity), (.identity, .matrix(let m, _)):
            guard let (l, el) = left.materialised(m.rows), let (r, er) = right.materialised(m.rows),
                  l.rows == r.rows, l.columns == r.columns else {
                throw Quantity.Failure.invalid("the left side is \(left.kindDescription), the right side \(right.kindDescription)", offset: offset)
            }
            var all: [(Double, Double, Double, Double, (Int, Int)?)] = []
            for i in 0..<l.rows {
                for j in 0..<l.columns { all.append((l[i, j], el[i, j], r[i, j], er[i, j], (i + 1, j + 1))) }
            }
            pairs = all
        default:
            throw Quantity.Failure.invalid("the left side is \(left.kindDescription), the right side \(right.kindDescription)", offset: offset)
        }
        let size = max(1, left.magnitude, right.magnitude)
        var largest = 0.0, largestAllowed = 0.0
        var worst: (entry: (Int, Int)?, left: Double, right: Double, difference: Double, allowed: Double)?
        var loosest = 0.0
        for (l, el, r, er, entry) in pairs {
            let difference = abs(l - r)
            let allowed = safety * unitRoundoff * (el + er)
            loosest = max(loosest, allowed)
            // A difference beyond the rounding bound is real however loose the bound is.
            if difference > allowed {
                if worst == nil || difference > worst!.difference { worst = (entry, l, r, difference, allowed) }
            } else if difference >= largest {
                largest = difference
                largestAllowed = allowed
            }
        }
        if let worst {
            return .differ(entry: worst.entry, left: worst.left, right: worst.right, difference: worst.difference, allowed: worst.allowed)
        }
        if loosest > decisiveness * size {
            return .undecided("rounding could account for differences up to \(ValueFormat.number(loosest))")
        }
        return .agree(difference: largest, allowed: largestAllowed)
    }
}
