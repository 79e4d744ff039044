import Foundation
import LinearAlgebra
import Models
import Testing

@Suite struct HiPPOTests {
    static func f(_ t: Double) -> Double { sin(2 * Double.pi * t) + 0.5 * cos(6 * t) }

    @Test func legSEntriesAreTheClosedForms() throws {
        let (a, b) = try HiPPOMeasure.legS.matrices(3)
        let r3 = 3.0.squareRoot(), r5 = 5.0.squareRoot()
        #expect((a - Matrix([[-1, 0, 0], [-r3, -2, 0], [-r5, -r3 * r5, -3]])).maxAbs < 1e-15)
        #expect((b - Vector([1, r3, r5])).norm < 1e-15)
    }

    /// The exact memories (LegS, LagT) match direct projections with second-order error
    /// under the bilinear and zero-order-hold steps.
    @Test(arguments: [HiPPOMeasure.legS, .lagT(tilted: false), .lagT(tilted: true)])
    func exactMemoriesMatchProjections(measure: HiPPOMeasure) throws {
        let memory = try HiPPOMemory(measure, order: 8, method: .bilinear)
        var errors: [Double] = []
        for steps in [200, 2000] {
            let delta = 3.0 / Double(steps)
            let x = try memory.run((0...steps).map { Self.f(Double($0) * delta) }, step: delta).last!
            errors.append((x - (try memory.projection(of: Self.f, at: 3))).norm)
        }
        #expect(errors[1] < 1e-4)
        #expect(errors[0] / errors[1] > 80 && errors[0] / errors[1] < 120)
    }

    @Test func bilinearIsThePadeApproximantOfTheExponential() throws {
        let (a, b) = try HiPPOMeasure.legT(window: 1).matrices(6)
        var errors: [Double] = []
        for delta in [1e-2, 1e-3] {
            let exact = try Discretization.zeroOrderHold.apply(a, b, step: delta).A
            errors.append((try Discretization.bilinear.apply(a, b, step: delta).A - exact).maxAbs)
        }
        #expect(errors[0] / errors[1] > 800 && errors[0] / errors[1] < 1200)
    }

    @Test func zeroOrderHoldNeedsNoInverse() throws {
        let (a, b) = try Discretization.zeroOrderHold.apply(Matrix(rows: 2, columns: 2), [1, 2], step: 0.5)
        #expect((a - .identity(2)).maxAbs < 1e-15)
        #expect((b - Vector([0.5, 1])).norm < 1e-15)
    }

    @Test func quadratureIsExactForLowDegrees() throws {
        let (nodes, weights) = try Legendre.quadrature(4, on: 0, 2)
        let integral = zip(nodes, weights).reduce(0) { $0 + $1.1 * pow($1.0, 7) }
        #expect(abs(integral - 256 / 8.0) < 1e-12)
    }

    @Test func badInputIsNamed() throws {
        #expect(throws: HiPPOError.order(function: "HiPPOMeasure.matrices", n: 0)) { try HiPPOMeasure.legS.matrices(0) }
        #expect(throws: HiPPOError.window(function: "HiPPOMeasure.matrices", theta: -1)) {
            try HiPPOMeasure.legT(window: -1).matrices(3)
        }
        #expect(throws: HiPPOError.step(function: "Discretization.bilinear", delta: 0)) {
            try Discretization.bilinear.apply(.identity(2), [1, 1], step: 0)
        }
        #expect(throws: HiPPOError.self) { try Discretization.bilinear.apply(Matrix(rows: 2, columns: 3), [1, 1], step: 1) }
        #expect(throws: HiPPOError.self) { try HiPPOMeasure.fouT(window: 1).matrices(8) }
        let memory = try HiPPOMemory(.legS, order: 4)
        #expect(throws: HiPPOError.step(function: "HiPPOMemory.run", delta: -1)) { try memory.run([1, 2], step: -1) }
    }
}
