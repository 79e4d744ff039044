import Foundation
import LinearAlgebra
import Models
import Testing

@Suite struct UnitVectorMapTests {
    func orthogonalityError(_ t: Matrix) -> Double {
        (t.transposed * t - Matrix.identity(t.rows)).maxAbs
    }

    @Test(arguments: [2, 3, 8])
    func householderMapsAToBAndIsAReflection(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(n))
        for _ in 0..<10 {
            let a = Vector.randomUnit(n, using: &rng), b = Vector.randomUnit(n, using: &rng)
            let h = try UnitVectorMap.householder(from: a, to: b)
            #expect((h * a - b).norm < 1e-13)
            #expect(orthogonalityError(h) < 1e-13)
            #expect(abs(try h.determinant() + 1) < 1e-12)
        }
    }

    @Test(arguments: [2, 3, 8])
    func planeRotationMapsAToBAndIsARotation(n: Int) throws {
        var rng = SeededGenerator(seed: 100 + UInt64(n))
        for _ in 0..<10 {
            let a = Vector.randomUnit(n, using: &rng), b = Vector.randomUnit(n, using: &rng)
            let r = try UnitVectorMap.planeRotation(from: a, to: b)
            #expect((r * a - b).norm < 1e-13)
            #expect(orthogonalityError(r) < 1e-13)
            #expect(abs(try r.determinant() - 1) < 1e-12)
        }
    }

    @Test func equalVectorsGiveIdentity() throws {
        let a = Vector([0.6, 0.8, 0])
        #expect(try UnitVectorMap.householder(from: a, to: a) == .identity(3))
        #expect(try UnitVectorMap.planeRotation(from: a, to: a) == .identity(3))
    }

    @Test func oppositeVectorsGiveARotationByPi() throws {
        for a in [Vector([1, 0, 0]), Vector([0.6, 0.8, 0]), Vector([0, 0, 1])] {
            let r = try UnitVectorMap.planeRotation(from: a, to: -a)
            #expect((r * a + a).norm < 1e-14)
            #expect(abs(try r.determinant() - 1) < 1e-14)
            #expect(abs(r.trace - (3 - 4)) < 1e-14)  // n − 2 + 2 cos π
        }
    }

    @Test func knownRotationInThePlane() throws {
        // e1 → e2 in R^2 is the quarter turn [[0, -1], [1, 0]].
        let r = try UnitVectorMap.planeRotation(from: [1, 0], to: [0, 1])
        #expect((r - Matrix([[0, -1], [1, 0]])).maxAbs < 1e-15)
    }

    /// Near a = b the plain reflection loses accuracy like u/θ; the stable one does not.
    @Test func stableReflectionAvoidsTheCancellation() throws {
        var rng = SeededGenerator(seed: 21)
        let a = Vector.randomUnit(6, using: &rng)
        var w = Vector.randomNormal(6, using: &rng)
        w = (w - w.dot(a) * a).normalized
        for theta in [1e-9, 1e-6, 0.5, 2.0, 3.14159] {
            let b = (cos(theta) * a + sin(theta) * w).normalized
            let t = try UnitVectorMap.stableReflection(from: a, to: b)
            #expect((t * a - b).norm < 1e-15)
            #expect(orthogonalityError(t) < 1e-14)
        }
        let b = (cos(1e-9) * a + sin(1e-9) * w).normalized
        #expect((try UnitVectorMap.householder(from: a, to: b) * a - b).norm > 1e-10)
    }

    @Test func badInputIsNamed() {
        #expect(throws: UnitVectorMapError.lengthMismatch(function: "UnitVectorMap.householder", a: 2, b: 3)) {
            try UnitVectorMap.householder(from: [1, 0], to: [1, 0, 0])
        }
        #expect(throws: UnitVectorMapError.notUnit(function: "UnitVectorMap.planeRotation", vector: "b", norm: 2)) {
            try UnitVectorMap.planeRotation(from: [1, 0], to: [0, 2])
        }
        #expect(throws: UnitVectorMapError.nonFinite(function: "UnitVectorMap.stableReflection", vector: "a")) {
            try UnitVectorMap.stableReflection(from: [.nan, 0], to: [1, 0])
        }
        #expect(throws: UnitVectorMapError.empty(function: "UnitVectorMap.householder")) {
            try UnitVectorMap.householder(from: [], to: [])
        }
    }
}
