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

    @Test func symmetricEigenOnRandomMatrices() {
        var rng = SeededGenerator(seed: 34)
        for _ in 0..<500 {
            let g = Matrix.randomNormal(3, 3, using: &rng)
            let a = g + g.transposed
            let (values, v) = Matrix3(a).symmetricEigen
            let vm = v.matrix
            #expect(relativeError(a * vm, vm * Matrix.diagonal([values.x, values.y, values.z])) < 1e-12)
            #expect(relativeError(vm.transposed * vm, .identity(3)) < 1e-13)
            #expect(values.x <= values.y && values.y <= values.z)
        }
    }

    @Test(arguments: [
        Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]),  // triple eigenvalue
        Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 5]]),  // double eigenvalue
        Matrix([[2, 1, 0], [1, 2, 0], [0, 0, 3]]),  // 1, 3, 3
        Matrix([[1, 1e-9, 0], [1e-9, 1, 0], [0, 0, 1]]),  // nearly triple
        Matrix([[1e300, 0, 0], [0, -1e300, 0], [0, 0, 0]]),  // huge entries
        Matrix([[0, 0, 0], [0, 0, 0], [0, 0, 0]]),
    ])
    func symmetricEigenOnDegenerateMatrices(a: Matrix) throws {
        let (values, v) = Matrix3(a).symmetricEigen
        let vm = v.matrix
        let scale = max(1, a.maxAbs)
        #expect((a * vm - vm * Matrix.diagonal([values.x, values.y, values.z])).maxAbs <= 1e-13 * scale)
        #expect(relativeError(vm.transposed * vm, .identity(3)) < 1e-13)
        let lapack = try a.symmetricEigenvalues()
        #expect((Vector([values.x, values.y, values.z]) - lapack).elements.allSatisfy { abs($0) <= 1e-14 * scale })
    }
}

import Foundation
