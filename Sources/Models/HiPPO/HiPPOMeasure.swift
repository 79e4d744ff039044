import Foundation
import LinearAlgebra

/// The four HiPPO memories: a measure on the past of a signal and an orthonormal basis for
/// it, whose projection coefficients `x(t)` obey a linear ODE `x' = A(t) x + B(t) u`.
///
/// **Sign convention.** This code writes `x' = A x + B u` with the spectrum of `A` in the
/// left half-plane, as most code does; the HiPPO paper (Gu, Dao, Ermon, Rudra, Ré 2020)
/// writes `c' = −A c + B f`, so its `A` is the negative of the one here.
///
/// - ``legS``: the uniform measure on `[0, t]` (all history, scaled), basis
///   `√(2n+1) P_n(2s/t − 1)`; time-varying: `x' = (1/t)(A x + B u)`.
/// - ``legT(window:)``: the uniform measure on the sliding window `[t − θ, t]`, basis
///   `√(2n+1) P_n(2(s − t)/θ + 1)`. Orthonormal basis here; the Legendre Memory Unit uses
///   the unnormalised `P_n` and so has `A, B` rescaled by `√(2n+1)`.
/// - ``lagT(tilted:)``: the exponential measure `e^{−(t−s)}` on `(−∞, t]`, Laguerre basis
///   `L_n(t − s)`. The paper's LagT has diagonal `−1`; with `tilted: true` the basis is
///   `L_n(t − s) e^{−(t−s)/2}` in plain `L²`, which gives diagonal `−½` as in common code.
/// - ``fouT(window:)``: the uniform measure on `[t − θ, t]` with the real Fourier basis
///   `1, √2 cos(2πk(s − t)/θ), √2 sin(2πk(s − t)/θ)`, in that order. Frequencies are
///   `2πk/θ` for a window of length θ; code that uses `πk` has a window of length 2. `N`
///   must be odd: the constant and whole (cos, sin) pairs.
///
/// LegS and LagT are exact: the ODE holds for the projections of any signal. LegT and FouT
/// need the value of the signal as it leaves the window, `u(t − θ)`, and use its
/// reconstruction from `x(t)` instead, so they are exact only for signals their basis
/// represents exactly.
public enum HiPPOMeasure: Sendable, Hashable {
    case legS
    case legT(window: Double)
    case lagT(tilted: Bool)
    case fouT(window: Double)

    /// `(A, B)` for `N` coefficients (for LegS, the matrices to divide by `t`).
    public func matrices(_ n: Int) throws -> (A: Matrix, B: Vector) {
        let function = "HiPPOMeasure.matrices"
        guard n >= 1 else { throw HiPPOError.order(function: function, n: n) }
        var a = Matrix(rows: n, columns: n)
        var b = Vector.zeros(n)
        let root = (0..<n).map { (2 * Double($0) + 1).squareRoot() }
        switch self {
        case .legS:
            for i in 0..<n {
                for k in 0...i { a[i, k] = i == k ? -Double(i + 1) : -root[i] * root[k] }
                b[i] = root[i]
            }
        case let .legT(theta):
            guard theta > 0, theta.isFinite else { throw HiPPOError.window(function: function, theta: theta) }
            for i in 0..<n {
                for k in 0..<n {
                    let sign = k <= i ? 1.0 : ((i + k) % 2 == 0 ? 1 : -1)
                    a[i, k] = -root[i] * root[k] * sign / theta
                }
                b[i] = root[i] / theta
            }
        case let .lagT(tilted):
            for i in 0..<n {
                for k in 0...i { a[i, k] = i == k ? (tilted ? -0.5 : -1) : -1 }
                b[i] = 1
            }
        case let .fouT(theta):
            guard theta > 0, theta.isFinite else { throw HiPPOError.window(function: function, theta: theta) }
            guard n % 2 == 1 else {
                throw HiPPOError.shape(
                    function: function,
                    detail: "FouT needs an odd N (the constant and whole cos/sin pairs); with N = \(n) the last cosine would lose its sine and A would become singular")
            }
            for i in 0..<n { b[i] = i == 0 ? 1 : (i % 2 == 1 ? 2.0.squareRoot() : 0) }
            for i in 0..<n {
                for k in 0..<n { a[i, k] = -b[i] * b[k] / theta }
            }
            var k = 1
            while 2 * k < n {
                let omega = 2 * Double.pi * Double(k) / theta
                a[2 * k - 1, 2 * k] += omega
                a[2 * k, 2 * k - 1] -= omega
                k += 1
            }
            b = b / theta
        }
        return (a, b)
    }

    /// The basis functions at past time `s` seen from time `t`: `g_n(t, s)` for `n < N`,
    /// orthonormal under the measure's weight (``weight(t:s:)``).
    public func basis(_ n: Int, t: Double, s: Double) -> [Double] {
        switch self {
        case .legS:
            return Legendre.values(n, at: 2 * s / t - 1).enumerated().map { (2 * Double($0.offset) + 1).squareRoot() * $0.element }
        case let .legT(theta):
            return Legendre.values(n, at: 2 * (s - t) / theta + 1).enumerated().map { (2 * Double($0.offset) + 1).squareRoot() * $0.element }
        case let .lagT(tilted):
            let l = Laguerre.values(n, at: t - s)
            return tilted ? l.map { $0 * exp(-(t - s) / 2) } : l
        case let .fouT(theta):
            return (0..<n).map { i in
                if i == 0 { return 1 }
                let k = Double((i + 1) / 2), phase = 2 * Double.pi * k * (s - t) / theta
                return 2.0.squareRoot() * (i % 2 == 1 ? cos(phase) : sin(phase))
            }
        }
    }

    /// The density of the measure at `s ≤ t` (0 outside its support): `1/t` on `[0, t]`,
    /// `1/θ` on the window, `e^{−(t−s)}` for LagT (`1` on `(−∞, t]` when tilted).
    public func weight(t: Double, s: Double) -> Double {
        switch self {
        case .legS: return s >= 0 && s <= t ? 1 / t : 0
        case let .legT(theta), let .fouT(theta): return s >= t - theta && s <= t ? 1 / theta : 0
        case let .lagT(tilted): return s <= t ? (tilted ? 1 : exp(-(t - s))) : 0
        }
    }

    /// The interval of past times the measure sees, cut at the signal's start `0`.
    public func support(t: Double) -> ClosedRange<Double> {
        switch self {
        case .legS, .lagT: return 0...t
        case let .legT(theta), let .fouT(theta): return max(0, t - theta)...t
        }
    }
}
