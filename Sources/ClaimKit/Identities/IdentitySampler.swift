import Identities
import LinearAlgebra

/// Draws a point of an identity's domain: a value for every declared variable, as
/// ``VariableDomain`` documents. Sampled values are exact inputs (error bound 0), except
/// where a property holds only to rounding: an orthogonal matrix (QR's `Q` is orthogonal
/// to about `4n` units of rounding) and a unit vector.
enum IdentitySampler {
    static func point(_ declarations: [Declaration], using g: inout SeededGenerator) throws(Quantity.Failure) -> [String: Quantity] {
        var values: [String: Quantity] = [:]
        for declaration in declarations {
            for name in declaration.names {
                values[name] = try sample(declaration.domain, using: &g, at: declaration.offset)
            }
        }
        return values
    }

    static func sample(_ domain: VariableDomain, using g: inout SeededGenerator, at offset: Int) throws(Quantity.Failure) -> Quantity {
        switch domain {
        case let .interval(lowerBound, upperBound, closedLower, closedUpper):
            let lower = try constant(lowerBound), upper = try constant(upperBound)
            guard lower < upper else {
                throw Quantity.Failure.invalid("the interval [\(ValueFormat.number(lower)), \(ValueFormat.number(upper))] is empty", offset: offset)
            }
            var x = g.uniform(lower, upper)
            while (!closedLower && x == lower) || (!closedUpper && x == upper) { x = g.uniform(lower, upper) }
            return .scalar(x, 0)
        case let .halfLine(bound, above, _):
            let b = try constant(bound)
            let step = Double.pow(10, g.uniform(-2, 2))
            return .scalar(above ? b + step : b - step, 0)
        case .realLine:
            return .scalar(g.uniform(-10, 10), 0)
        case let .integers(values):
            return .scalar(Double(values[Int(g.uniform() * Double(values.count))]), 0)
        case let .integerRange(lower, upper):
            return .scalar(Double(lower + Int(g.uniform() * Double(upper - lower + 1))), 0)
        case let .vector(n, unit):
            var v = Matrix.randomNormal(n, 1, using: &g)
            guard unit else { return .matrix(v, Matrix.zeros(n, 1)) }
            v = v / v.frobeniusNorm
            return .matrix(v, 2 * v.map(abs))
        case let .matrix(m, n, property):
            let a = Matrix.randomNormal(m, n, using: &g)
            switch property {
            case nil:
                return .matrix(a, Matrix.zeros(m, n))
            case .symmetric?:
                return .matrix(0.5 * (a + a.transposed), Matrix.zeros(m, n))
            case .positiveDefinite?:
                let p = a.timesTransposed(a) / Double(n) + 0.1 * Matrix.identity(n)
                return .matrix(0.5 * (p + p.transposed), Matrix.zeros(m, n))
            case .orthogonal?:
                let q = Matrix.randomOrthogonal(n, using: &g)
                return .matrix(q, Double(4 * n) * q.map(abs))
            }
        }
    }

    /// A bound's value (bounds have no variables).
    private static func constant(_ e: IdentityExpression) throws(Quantity.Failure) -> Double {
        guard case let .scalar(v, _) = try IdentityEvaluator(values: [:]).evaluate(e) else {
            throw Quantity.Failure.invalid("a bound must be a number", offset: e.offset)
        }
        return v
    }
}
