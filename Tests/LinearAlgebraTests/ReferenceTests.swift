import LinearAlgebra
import Testing

/// Results compared with numpy/scipy on the same inputs (see Scripts/make_linear_algebra_reference.py).
@Suite struct ReferenceTests {
    @Test func determinantAndLogDeterminant() throws {
        #expect(relativeError(try Reference.a.determinant(), Reference.detA) < 1e-13)
        let (sign, logAbs) = try Reference.a.signAndLogAbsDeterminant()
        #expect(sign == Reference.signDetA)
        #expect(relativeError(logAbs, Reference.logAbsDetA) < 1e-13)
    }

    @Test func solveAndInverse() throws {
        #expect(relativeError(try Reference.a.solve(Reference.rhs), Reference.solveA) < 1e-12)
        #expect(relativeError(try Reference.a.solve(Reference.b), Reference.solveAB) < 1e-12)
        #expect(relativeError(try Reference.a.inverse(), Reference.inverseA) < 1e-12)
    }

    @Test func lu() throws {
        let d = try Reference.a.lu()
        #expect(relativeError(d.l, Reference.luL) < 1e-13)
        #expect(relativeError(d.u, Reference.luU) < 1e-13)
    }

    @Test func choleskyAndSymmetricEigenvalues() throws {
        #expect(relativeError(try Reference.spd.cholesky(), Reference.choleskySPD) < 1e-13)
        #expect(relativeError(try Reference.spd.symmetricEigenvalues(), Reference.eigenvaluesSPD) < 1e-13)
        #expect(relativeError(try Reference.spd.symmetricEigen().values, Reference.eigenvaluesSPD) < 1e-13)
    }

    @Test func generalEigenvalues() throws {
        let values = try Reference.a.eigenvalues().sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }
        #expect(values.count == Reference.eigenvaluesA.count)
        for (z, (re, im)) in zip(values, Reference.eigenvaluesA) {
            #expect(abs(z.real - re) < 1e-12 && abs(z.imaginary - im) < 1e-12)
        }
        let rotation = try Reference.rotationGenerator.eigenvalues()
        #expect(relativeError(Vector(rotation.map(\.imaginary).sorted()), [-2, 2]) < 1e-14)
        #expect(rotation.allSatisfy { abs($0.real) < 1e-14 })
    }

    @Test func svdPseudoInverseLeastSquaresAndTwoNorm() throws {
        #expect(relativeError(try Reference.tall.singularValues(), Reference.singularValuesTall) < 1e-13)
        #expect(relativeError(try Reference.tall.pseudoInverse(), Reference.pinvTall) < 1e-12)
        let (x, rank) = try Reference.tall.leastSquares(Reference.tallRHS)
        #expect(rank == 4)
        #expect(relativeError(x, Reference.leastSquaresTall) < 1e-12)
        #expect(relativeError(try Reference.a.twoNorm(), Reference.twoNormA) < 1e-13)
    }

    @Test func exponential() throws {
        #expect(relativeError(try Reference.expInput.exponential(), Reference.expE) < 1e-13)
        #expect(relativeError(try Reference.rotationGenerator.exponential(), Reference.expRotation) < 1e-13)
        // Closed form: exp of [[0, -t], [t, 0]] is the rotation by t.
        let t = 2.0
        #expect(relativeError(try Reference.rotationGenerator.exponential(), [[cos(t), -sin(t)], [sin(t), cos(t)]]) < 1e-14)
    }
}

import Foundation
