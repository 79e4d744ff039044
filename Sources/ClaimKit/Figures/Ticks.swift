import Foundation

/// "Nice" axis ticks: about `target` values at steps of 1, 2 or 5 times a power of ten,
/// covering `[lower, upper]`.
enum Ticks {
    static func nice(_ lower: Double, _ upper: Double, target: Int = 6) -> (lower: Double, upper: Double, ticks: [Double]) {
        var (lo, hi) = (lower, upper)
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if lo == hi { (lo, hi) = (lo - 1, hi + 1) }
        let rough = (hi - lo) / Double(max(1, target - 1))
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = floor(lo / step) * step, last = ceil(hi / step) * step
        var ticks: [Double] = []
        var t = first
        while t <= last + step * 1e-9 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return (first, last, ticks)
    }

    /// Tick text: as few digits as the step needs.
    static func label(_ x: Double, step: Double) -> String {
        let decimals = max(0, -Int(floor(log10(step))))
        let text = abs(x) >= 1e5 || (abs(x) < 1e-3 && x != 0) ? String(format: "%.1e", x) : String(format: "%.\(decimals)f", x)
        // A real minus sign, as in typeset numbers, not a hyphen.
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text

    }
}
