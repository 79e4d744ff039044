import LinearAlgebra
import Models
import Testing

@Suite struct QuadraticFormTests {
    /// One example of every kind: (A, b, c) with the linear part written `2bᵀx`.
    static let examples: [(QuadricKind, [[Double]], [Double], Double)] = [
        (.ellipse, [[1, 0], [0, 4]], [0, 0], -4),
        (.imaginaryEllipse, [[1, 0], [0, 4]], [0, 0], 4),
        (.point, [[2, 1], [1, 2]], [0, 0], 0),
        (.hyperbola, [[1, 2], [2, 1]], [-3, 0], 1),
        (.intersectingLines, [[1, 0], [0, -1]], [0, 0], 0),
        (.parabola, [[1, -1], [-1, 1]], [1, 2], 0),
        (.parallelLines, [[1, 1], [1, 1]], [0, 0], -1),
        (.coincidentLines, [[1, 1], [1, 1]], [1, 1], 1),
        (.imaginaryParallelLines, [[0, 0], [0, 1]], [0, 0], 1),
        (.ellipsoid, [[2, 0, 0], [0, 3, 1], [0, 1, 3]], [1, 0, 0], -5),
        (.imaginaryEllipsoid, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [0, 0, 0], 1),
        (.imaginaryCone, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 1, 1], 3),
        (.hyperboloidOfOneSheet, [[1, 0, 0], [0, 1, 0], [0, 0, -1]], [0, 0, 0], -1),
        (.hyperboloidOfTwoSheets, [[1, 0, 0], [0, 1, 0], [0, 0, -1]], [0, 0, 0], 1),
        (.cone, [[0, 1, 0], [1, 0, 0], [0, 0, 1]], [0, 0, 0], 0),
        (.ellipticParaboloid, [[1, 0, 0], [0, 2, 0], [0, 0, 0]], [0, 0, -1], 0),
        (.hyperbolicParaboloid, [[0, 1, 0], [1, 0, 0], [0, 0, 0]], [0, 0, 1], 2),
        (.ellipticCylinder, [[1, 0, 0], [0, 2, 0], [0, 0, 0]], [0, 0, 0], -1),
        (.imaginaryEllipticCylinder, [[1, 0, 0], [0, 2, 0], [0, 0, 0]], [0, 0, 0], 1),
        (.imaginaryIntersectingPlanes, [[1, 0, 0], [0, 2, 0], [0, 0, 0]], [1, 0, 0], 1),
        (.hyperbolicCylinder, [[1, 0, 0], [0, -2, 0], [0, 0, 0]], [0, 0, 0], 1),
        (.intersectingPlanes, [[1, 0, 0], [0, -2, 0], [0, 0, 0]], [0, 0, 0], 0),
        (.parabolicCylinder, [[1, 1, 0], [1, 1, 0], [0, 0, 0]], [0, 1, 1], 0),
        (.parallelPlanes, [[1, 0, 0], [0, 0, 0], [0, 0, 0]], [0, 0, 0], -4),
        (.coincidentPlanes, [[1, 1, 1], [1, 1, 1], [1, 1, 1]], [0, 0, 0], 0),
        (.imaginaryParallelPlanes, [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [0, 0, 2], 5),
    ]

    @Test func everyKindIsNamedAlikeByBothMethods() throws {
        #expect(Set(Self.examples.map(\.0)) == Set(QuadricKind.allCases))
        for (kind, a, b, c) in Self.examples {
            let form = try QuadraticForm(A: Matrix(a), b: Vector(b), c: c)
            #expect(try form.canonical().kind == kind, "eigen method, \(kind)")
            #expect(QuadricInvariants(form).kind == kind, "invariants, \(kind)")
        }
    }

    @Test func theCanonicalEquationAtTransformedPointsIsTheOriginal() throws {
        var rng = SeededGenerator(seed: 5)
        for (kind, a, b, c) in Self.examples {
            let form = try QuadraticForm(A: Matrix(a), b: Vector(b), c: c)
            let canonical = try form.canonical()
            let q = canonical.rotation
            #expect((q.transposed * q - Matrix.identity(form.n)).maxAbs < 1e-13)
            #expect(abs(try q.determinant() - 1) < 1e-13, "det Q for \(kind)")
            #expect(canonical.linear.filter { $0 != 0 }.count <= 1)
            for _ in 0..<20 {
                let y = Vector((0..<form.n).map { _ in rng.uniform(-3, 3) })
                #expect(abs(form.value(at: canonical.original(y)) - canonical.value(at: y)) < 1e-11, "\(kind)")
            }
        }
    }

    /// Small integer entries make many forms exactly singular; both methods must still agree.
    @Test(arguments: [2, 3]) func randomIntegerFormsAgree(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(40 + n))
        var seen: Set<QuadricKind> = []
        for _ in 0..<3000 {
            var a = Matrix(rows: n, columns: n)
            for i in 0..<n {
                for j in i..<n {
                    let v = Double(Int(rng.uniform(0, 5)) - 2)
                    a[i, j] = v
                    a[j, i] = v
                }
            }
            guard a.elements.contains(where: { $0 != 0 }) else { continue }
            let b = Vector((0..<n).map { _ in Double(Int(rng.uniform(0, 5)) - 2) })
            let form = try QuadraticForm(A: a, b: b, c: Double(Int(rng.uniform(0, 5)) - 2))
            let kind = try form.canonical().kind
            #expect(kind == QuadricInvariants(form).kind, "A = \(a), b = \(b), c = \(form.c)")
            seen.insert(kind)
        }
        #expect(seen.count >= (n == 2 ? 8 : 12))
    }

    @Test func theEpsilonRouteConvergesLinearly() throws {
        let form = try QuadraticForm(A: Matrix([[1, -1], [-1, 1]]), b: [1, 2], c: 0)
        let canonical = try form.canonical()
        let p = canonical.linear[1]
        var errors: [Double] = []
        for epsilon in [1e-2, 1e-3, 1e-4] {
            let r = try form.regularized(epsilon: epsilon)
            errors.append(max((r.vertex - canonical.shift).norm, abs(r.parameter - p)))
        }
        #expect(errors[2] < 1e-3)
        #expect(errors[0] / errors[1] > 8 && errors[0] / errors[1] < 12)
    }

    @Test func badInputIsNamed() throws {
        #expect(throws: QuadraticFormError.notSymmetric(function: "QuadraticForm", row: 0, column: 1, upper: 2, lower: 3)) {
            try QuadraticForm(A: Matrix([[1, 2], [3, 1]]), b: [0, 0], c: 0)
        }
        #expect(throws: QuadraticFormError.dimension(function: "QuadraticForm", n: 4)) {
            try QuadraticForm(A: .identity(4), b: Vector.zeros(4), c: 0)
        }
        #expect(throws: QuadraticFormError.self) { try QuadraticForm(A: .identity(2), b: [0, 0, 0], c: 0) }
        #expect(throws: QuadraticFormError.nonFinite(function: "QuadraticForm")) {
            try QuadraticForm(A: .identity(2), b: [.nan, 0], c: 0)
        }
        #expect(throws: QuadraticFormError.notQuadratic(function: "QuadraticForm")) {
            try QuadraticForm(A: Matrix(rows: 2, columns: 2), b: [1, 0], c: 0)
        }
        let ellipse = try QuadraticForm(A: .identity(2), b: [0, 0], c: -1)
        #expect(throws: QuadraticFormError.notParabolic(function: "QuadraticForm.regularized", kind: .ellipse)) {
            try ellipse.regularized(epsilon: 1e-3)
        }
        let parabola = try QuadraticForm(A: Matrix([[1, 0], [0, 0]]), b: [0, 1], c: 0)
        #expect(throws: QuadraticFormError.badEpsilon(function: "QuadraticForm.regularized", epsilon: 0)) {
            try parabola.regularized(epsilon: 0)
        }
        #expect("\(QuadraticFormError.notSymmetric(function: "QuadraticForm", row: 0, column: 1, upper: 2, lower: 3))".contains("A[0,1] = 2.0 but A[1,0] = 3.0"))
    }
}
