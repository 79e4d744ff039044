import LinearAlgebra
import Testing

@Suite struct Matrix3Tests {
    @Test func determinantAndInverseMatchLAPACK() throws {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<200 {
            let a = Matrix.randomNormal(3, 3, using: &rng)
            let m = Matrix3(a)
            let (sign, logAbs) = try a.signAndLogAbsDeterminant()  // LAPACK path
            #expect(relativeError(m.determinant, sign * exp(logAbs)) < 1e-13)
            #expect(relativeError((m * m.inverse).matrix, .identity(3)) < 1e-11)
        }
    }
}

import Foundation
