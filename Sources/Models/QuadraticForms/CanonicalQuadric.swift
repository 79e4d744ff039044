import Foundation
import LinearAlgebra

/// A quadratic form in its simplest position: new coordinates `y` with `x = Q y + t`, in
/// which the equation reads
///
///     Σᵢ λᵢ yᵢ² + 2 p y_k + d = 0,
///
/// with `Q` a rotation (orthogonal, `det Q = +1`, its columns the principal axes), `t` the
/// new origin (the centre, or a vertex when there is no centre), the `λᵢ` the eigenvalues of
/// `A`, and at most one of `p` (the linear term, on an axis whose `λ_k = 0`, then `d = 0`)
/// and `d` (the constant) non-zero. Axes with `λᵢ ≠ 0` come first.
///
/// Made by ``QuadraticForm/canonical(tolerance:)`` with one method for every case: rotate
/// to the eigenvectors of `A`, then complete the square along each axis whose eigenvalue is
/// not zero; if a linear term remains on the axes with zero eigenvalue, turn those axes so
/// it lies along one of them and move the origin along it to remove the constant.
public struct CanonicalQuadric: Sendable, Hashable {
    /// `Q`: the principal axes as columns, orthogonal with determinant +1.
    public let rotation: Matrix
    /// `t`: the origin of the new coordinates, in the old ones.
    public let shift: Vector
    /// `λᵢ`, the coefficient of `yᵢ²` (exactly 0 on axes judged to have none).
    public let squares: Vector
    /// The coefficient vector of the linear part, halved: `2 Σ linear[i] yᵢ`. At most one
    /// entry is non-zero, positive, on an axis with `λ = 0`.
    public let linear: Vector
    /// `d`, the constant.
    public let constant: Double
    /// What the equation describes.
    public let kind: QuadricKind

    /// `Σ λᵢ yᵢ² + 2 Σ pᵢ yᵢ + d`: equal to the original form at `x = Q y + t`.
    public func value(at y: Vector) -> Double {
        var sum = constant
        for i in 0..<y.count { sum += squares[i] * y[i] * y[i] + 2 * linear[i] * y[i] }
        return sum
    }

    /// The old coordinates of the point with new coordinates `y`: `Q y + t`.
    public func original(_ y: Vector) -> Vector { rotation * y + shift }

    /// The number of axes with a square term (the rank of `A`).
    public var rank: Int { squares.filter { $0 != 0 }.count }

    /// The simplified equation in TeX, with `y₁, y₂, y₃` as `x', y', z'` and coefficients to
    /// `digits` significant digits, e.g. `x'^{2} + 6y'^{2} - 12 = 0`.
    public func tex(digits: Int = 4) -> String { equation(digits: digits, tex: true) }

    /// The simplified equation as plain text, e.g. `x′² + 6y′² − 12 = 0`.
    public func text(digits: Int = 4) -> String { equation(digits: digits, tex: false) }

    private func equation(digits: Int, tex: Bool) -> String {
        let names = tex ? ["x'", "y'", "z'"] : ["x′", "y′", "z′"]
        let square = tex ? "^{2}" : "²"
        let minus = tex ? "-" : "−"
        var terms: [(Double, String)] = []
        for i in 0..<squares.count where squares[i] != 0 { terms.append((squares[i], names[i] + square)) }
        for i in 0..<linear.count where linear[i] != 0 { terms.append((2 * linear[i], names[i])) }
        if constant != 0 || terms.isEmpty { terms.append((constant, "")) }
        var text = ""
        for (k, (value, name)) in terms.enumerated() {
            var magnitude = Self.format(abs(value), digits: digits)
            if !tex { magnitude = magnitude.replacingOccurrences(of: " \\times 10^{", with: "e").replacingOccurrences(of: "}", with: "") }
            let shown = name.isEmpty ? magnitude : (magnitude == "1" ? name : magnitude + name)
            text += k == 0 ? (value < 0 ? minus : "") + shown : (value < 0 ? " \(minus) " : " + ") + shown
        }
        return text + " = 0"
    }

    static func format(_ x: Double, digits: Int) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var text = String(format: "%.\(digits)g", x)
        if text.contains("e") {
            let parts = text.split(separator: "e")
            text = "\(parts[0]) \\times 10^{\(Int(parts[1]) ?? 0)}"
        }
        return text
    }
}

extension QuadraticForm {
    /// The form in principal axes (see ``CanonicalQuadric``).
    ///
    /// **Zero tests.** An eigenvalue, the remaining linear term and the final constant count
    /// as zero when their magnitude is at most `tolerance` times the form's scale (the
    /// largest of 1 and the absolute entries of `A`, `b`, `c`). With small integer entries
    /// exact singularity is found reliably; a nearly singular form within the tolerance is
    /// treated as singular.
    public func canonical(tolerance: Double = 1e-9) throws -> CanonicalQuadric {
        let zero = tolerance * scale
        let (values, vectors) = try A.symmetricEigen()
        // Non-zero eigenvalues first (in LAPACK's ascending order), zero ones last.
        let order = (0..<n).filter { abs(values[$0]) > zero } + (0..<n).filter { abs(values[$0]) <= zero }
        var q = Matrix(rows: n, columns: n)
        var lambda = Vector.zeros(n)
        for (k, i) in order.enumerated() {
            for r in 0..<n { q[r, k] = vectors[r, i] }
            lambda[k] = abs(values[i]) > zero ? values[i] : 0
        }
        if try q.determinant() < 0 {
            for r in 0..<n { q[r, n - 1] = -q[r, n - 1] }
        }
        let rank = lambda.filter { $0 != 0 }.count

        // In y = Qᵀx: Σ λ y² + 2 βᵀy + c. Complete squares where λ ≠ 0.
        let beta = q.transposed * b
        var s = Vector.zeros(n)  // the new origin, in y coordinates
        var d = c
        for k in 0..<rank {
            s[k] = -beta[k] / lambda[k]
            d -= beta[k] * beta[k] / lambda[k]
        }
        var linear = Vector.zeros(n)
        let rest = (rank..<n).map { beta[$0] }
        let restNorm = Vector(rest).norm
        if rank < n, restNorm > zero {
            // Turn the zero-eigenvalue axes so that the linear term lies along the first.
            if n - rank == 2 {
                let u0 = rest[0] / restNorm, u1 = rest[1] / restNorm
                for r in 0..<n {
                    let c0 = q[r, rank], c1 = q[r, rank + 1]
                    q[r, rank] = u0 * c0 + u1 * c1
                    q[r, rank + 1] = -u1 * c0 + u0 * c1
                }
            } else if rest[0] < 0 {
                // One axis: point it along the linear term (negate it and one more axis to
                // keep det Q = +1).
                for r in 0..<n {
                    q[r, rank] = -q[r, rank]
                    q[r, 0] = -q[r, 0]
                }
                s[0] = -s[0]
            }
            linear[rank] = restNorm
            s[rank] = -d / (2 * restNorm)
            d = 0
        }
        if abs(d) <= zero { d = 0 }
        let kind = Self.kind(n: n, squares: Array(lambda.prefix(rank)), parabolic: linear[min(rank, n - 1)] != 0, constant: d)
        return CanonicalQuadric(
            rotation: q, shift: q * s, squares: lambda, linear: linear, constant: d, kind: kind)
    }

    /// The kind from the signs of the canonical coefficients.
    static func kind(n: Int, squares: [Double], parabolic: Bool, constant: Double) -> QuadricKind {
        let positive = squares.filter { $0 > 0 }.count
        // Scale the equation by ±1 so that most squares are positive; the constant follows.
        let flip = positive * 2 < squares.count || (positive * 2 == squares.count && squares.first.map { $0 < 0 } == true)
        let d = flip ? -constant : constant
        let sameSign = positive == 0 || positive == squares.count
        switch (n, squares.count) {
        case (2, 2):
            if sameSign { return d < 0 ? .ellipse : d > 0 ? .imaginaryEllipse : .point }
            return d != 0 ? .hyperbola : .intersectingLines
        case (2, _):
            if parabolic { return .parabola }
            return d < 0 ? .parallelLines : d > 0 ? .imaginaryParallelLines : .coincidentLines
        case (3, 3):
            if sameSign { return d < 0 ? .ellipsoid : d > 0 ? .imaginaryEllipsoid : .imaginaryCone }
            return d < 0 ? .hyperboloidOfOneSheet : d > 0 ? .hyperboloidOfTwoSheets : .cone
        case (3, 2):
            if parabolic { return sameSign ? .ellipticParaboloid : .hyperbolicParaboloid }
            if sameSign { return d < 0 ? .ellipticCylinder : d > 0 ? .imaginaryEllipticCylinder : .imaginaryIntersectingPlanes }
            return d != 0 ? .hyperbolicCylinder : .intersectingPlanes
        default:
            if parabolic { return .parabolicCylinder }
            return d < 0 ? .parallelPlanes : d > 0 ? .imaginaryParallelPlanes : .coincidentPlanes
        }
    }
}
