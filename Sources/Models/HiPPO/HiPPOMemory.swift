import LinearAlgebra

/// Online function approximation: the coefficients of a sampled signal's projection onto a
/// HiPPO basis, updated one sample at a time; and the same coefficients computed directly
/// by quadrature, to check the recurrence against.
///
/// **Recurrence.** Samples `u_k = u(kΔ)`, `k = 0, 1, …`. The time-invariant memories (LegT,
/// LagT, FouT) step `x_{k+1} = Ā x_k + B̄ v_k` with `(Ā, B̄)` from ``Discretization`` and
/// `v_k = u_k` (forward Euler), `u_{k+1}` (backward Euler) or `(u_k + u_{k+1})/2` (bilinear,
/// zero-order hold), starting from `x_0 = 0` (the signal is 0 before time 0). LegS is
/// scale-invariant: `x' = (A x + B u)/t`, and the step from `kΔ` to `(k+1)Δ` uses `A/(k+½)`,
/// `B/(k+½)` with unit step — `Δ` never enters, so the coefficients of a signal sampled
/// at any rate depend only on its samples. LegS starts from `x_0 = (u_0, 0, …, 0)`, the
/// projection of the signal on `[0, 0]`.
public struct HiPPOMemory: Sendable {
    public let measure: HiPPOMeasure
    /// The number of coefficients `N`.
    public let order: Int
    public let method: Discretization
    let a: Matrix
    let b: Vector

    public init(_ measure: HiPPOMeasure, order: Int, method: Discretization = .bilinear) throws {
        (a, b) = try measure.matrices(order)
        self.measure = measure
        self.order = order
        self.method = method
    }

    /// The coefficients after each sample: `states[k]` is `x` at time `kΔ`.
    public func run(_ samples: [Double], step delta: Double) throws -> [Vector] {
        guard delta > 0, delta.isFinite else { throw HiPPOError.step(function: "HiPPOMemory.run", delta: delta) }
        guard let first = samples.first else { return [] }
        var x = Vector.zeros(order)
        var fixed: (A: Matrix, B: Vector)?
        if case .legS = measure {
            x[0] = first
        } else {
            fixed = try method.apply(a, b, step: delta)
        }
        var states = [x]
        for k in 0..<(samples.count - 1) {
            let (stepA, stepB) = try fixed ?? method.apply(a / (Double(k) + 0.5), b / (Double(k) + 0.5), step: 1)
            let v: Double
            switch method {
            case .forwardEuler: v = samples[k]
            case .backwardEuler: v = samples[k + 1]
            case .bilinear, .zeroOrderHold: v = (samples[k] + samples[k + 1]) / 2
            }
            x = stepA * x + v * stepB
            states.append(x)
        }
        return states
    }

    /// The coefficients of `f` at time `t` computed directly: `∫ f(s) g_n(t, s) w(t, s) ds`
    /// over the measure's support (``HiPPOMeasure/support(t:)``), by Gauss–Legendre
    /// quadrature with `points` nodes.
    public func projection(of f: (Double) -> Double, at t: Double, points: Int = 200) throws -> Vector {
        let range = measure.support(t: t)
        guard range.upperBound > range.lowerBound else {
            var x = Vector.zeros(order)
            if case .legS = measure { x[0] = f(0) }
            return x
        }
        let (nodes, weights) = try Legendre.quadrature(points, on: range.lowerBound, range.upperBound)
        var c = Vector.zeros(order)
        for (s, w) in zip(nodes, weights) {
            let g = measure.basis(order, t: t, s: s)
            let factor = w * f(s) * measure.weight(t: t, s: s)
            for n in 0..<order { c[n] += factor * g[n] }
        }
        return c
    }

    /// The signal rebuilt from coefficients `x` taken at time `t`, at past time `s`:
    /// `Σ_n x_n g_n(t, s)`.
    public func reconstruction(_ x: Vector, at t: Double, s: Double) -> Double {
        zip(x, measure.basis(order, t: t, s: s)).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `(A, B)` of this memory (for LegS, before division by `t`).
    public var matrices: (A: Matrix, B: Vector) { (a, b) }
}
