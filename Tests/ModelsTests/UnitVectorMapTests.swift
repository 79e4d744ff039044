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
            let h = UnitVectorMap.householder(from: a, to: b)
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
            let r = UnitVectorMap.planeRotation(from: a, to: b)
            #expect((r * a - b).norm < 1e-13)
            #expect(orthogonalityError(r) < 1e-13)
            #expect(abs(try r.determinant() - 1) < 1e-12)
        }
    }

    @Test func equalVectorsGiveIdentity() {
        let a = Vector([0.6, 0.8, 0])
        #expect(UnitVectorMap.householder(from: a, to: a) == .identity(3))
        #expect(UnitVectorMap.planeRotation(from: a, to: a) == .identity(3))
    }

    @Test func oppositeVectorsGiveARotationByPi() throws {
        for a in [Vector([1, 0, 0]), Vector([0.6, 0.8, 0]), Vector([0, 0, 1])] {
            let r = UnitVectorMap.planeRotation(from: a, to: -a)
            #expect((r * a + a).norm < 1e-14)
            #expect(abs(try r.determinant() - 1) < 1e-14)
            #expect(abs(r.trace - (3 - 4)) < 1e-14)  // n − 2 + 2 cos π
        }
    }

    @Test func knownRotationInThePlane() {
        // e1 → e2 in R^2 is the quarter turn [[0, -1], [1, 0]].
        let r = UnitVectorMap.planeRotation(from: [1, 0], to: [0, 1])
        #expect((r - Matrix([[0, -1], [1, 0]])).maxAbs < 1e-15)
    }
}
