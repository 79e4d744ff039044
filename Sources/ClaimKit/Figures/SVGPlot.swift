import Foundation
import LinearAlgebra

/// Renders a ``Figure`` to a self-contained SVG string (no scripts, no external files).
struct SVGPlot {
    let figure: Figure
    let caption: String

    let width = 640.0, height = 400.0
    let left = 64.0, right = 20.0, top = 20.0, bottom = 52.0
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"]

    func render() -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
        svg += "role=\"img\" aria-label=\"\(escape(caption))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        if let heat = figure.heat {
            svg += heatmap(heat.values, label: heat.label)
        } else {
            svg += lines()
        }
        return svg + "</svg>"
    }

    // MARK: Line and scatter plots

    private func lines() -> String {
        let xs = figure.series.flatMap(\.x).filter(\.isFinite), ys = figure.series.flatMap(\.y).filter(\.isFinite)
        var xAxis = Ticks.nice(xs.min() ?? 0, xs.max() ?? 1), yAxis = Ticks.nice(ys.min() ?? 0, ys.max() ?? 1)
        let plotW = width - left - right, plotH = height - top - bottom
        if figure.equalAspect {
            // Widen the axis with fewer units per pixel about its middle, keeping its ticks.
            let unit = max((xAxis.upper - xAxis.lower) / plotW, (yAxis.upper - yAxis.lower) / plotH)
            func widened(_ axis: (lower: Double, upper: Double, ticks: [Double]), _ size: Double) -> (lower: Double, upper: Double, ticks: [Double]) {
                let middle = (axis.lower + axis.upper) / 2, half = unit * size / 2
                let wide = Ticks.nice(middle - half, middle + half)
                return (middle - half, middle + half, wide.ticks.filter { $0 >= middle - half && $0 <= middle + half })
            }
            xAxis = widened(xAxis, plotW)
            yAxis = widened(yAxis, plotH)
        }
        func px(_ x: Double) -> Double { left + (x - xAxis.lower) / (xAxis.upper - xAxis.lower) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yAxis.lower) / (yAxis.upper - yAxis.lower) * plotH }

        var svg = axes(xTicks: xAxis.ticks.map { ($0, px($0)) }, yTicks: yAxis.ticks.map { ($0, py($0)) })
        for (k, s) in figure.series.enumerated() {
            let color = Self.palette[k % Self.palette.count]
            let points = zip(s.x, s.y).filter { $0.isFinite && $1.isFinite }
            switch s.style {
            case .line:
                let path = points.map { "\(f(px($0))),\(f(py($1)))" }.joined(separator: " ")
                svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\" points=\"\(path)\"/>\n"
            case .scatter:
                for (x, y) in points {
                    svg += "<circle cx=\"\(f(px(x)))\" cy=\"\(f(py(y)))\" r=\"2.5\" fill=\"\(color)\" fill-opacity=\"0.75\"/>\n"
                }
            }
        }
        svg += legend()
        return svg
    }

    private func axes(xTicks: [(Double, Double)], yTicks: [(Double, Double)]) -> String {
        let plotBottom = height - bottom
        var svg = "<g stroke=\"currentColor\" stroke-opacity=\"0.35\">\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(width - right))\" y2=\"\(f(plotBottom))\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\"/>\n</g>\n"
        let xStep = xTicks.count > 1 ? xTicks[1].0 - xTicks[0].0 : 1
        let yStep = yTicks.count > 1 ? yTicks[1].0 - yTicks[0].0 : 1
        svg += "<g fill=\"currentColor\" fill-opacity=\"0.8\">\n"
        for (value, x) in xTicks {
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(plotBottom))\" x2=\"\(f(x))\" y2=\"\(f(plotBottom + 5))\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(f(plotBottom + 18))\" text-anchor=\"middle\">\(escape(Ticks.label(value, step: xStep)))</text>\n"
        }
        for (value, y) in yTicks {
            svg += "<line x1=\"\(f(left - 5))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(Ticks.label(value, step: yStep)))</text>\n"
        }
        if !figure.xLabel.isEmpty {
            svg += "<text x=\"\(f(left + (width - left - right) / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\">\(escape(figure.xLabel))</text>\n"
        }
        if !figure.yLabel.isEmpty {
            let cy = top + (height - top - bottom) / 2
            svg += "<text x=\"14\" y=\"\(f(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(f(cy)))\">\(escape(figure.yLabel))</text>\n"
        }
        return svg + "</g>\n"
    }

    private func legend() -> String {
        let labelled = figure.series.enumerated().filter { !$0.element.label.isEmpty }
        guard !labelled.isEmpty else { return "" }
        var svg = "<g>\n"
        for (row, (k, s)) in labelled.enumerated() {
            let y = top + 12 + Double(row) * 16, x = width - right - 150
            let color = Self.palette[k % Self.palette.count]
            svg += s.style == .line
                ? "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 18))\" y2=\"\(f(y - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                : "<circle cx=\"\(f(x + 9))\" cy=\"\(f(y - 4))\" r=\"3\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(f(x + 24))\" y=\"\(f(y))\" fill=\"currentColor\">\(escape(s.label))</text>\n"
        }
        return svg + "</g>\n"
    }

    // MARK: Heat map

    private func heatmap(_ m: Matrix, label: String) -> String {
        let finite = m.elements.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        let span = hi > lo ? hi - lo : 1
        let barWidth = 16.0, gap = 44.0
        let plotW = width - left - right - barWidth - gap, plotH = height - top - bottom
        let cw = plotW / Double(max(1, m.columns)), ch = plotH / Double(max(1, m.rows))
        var svg = "<g shape-rendering=\"crispEdges\">\n"
        for i in 0..<m.rows {
            for j in 0..<m.columns {
                let v = m[i, j]
                let color = v.isFinite ? Self.color((v - lo) / span) : "#888888"
                svg += "<rect x=\"\(f(left + Double(j) * cw))\" y=\"\(f(top + Double(i) * ch))\" width=\"\(f(cw + 0.3))\" height=\"\(f(ch + 0.3))\" fill=\"\(color)\"/>"
            }
            svg += "\n"
        }
        svg += "</g>\n"
        // Row and column ticks at a few positions.
        let rowTicks = Ticks.nice(0, Double(max(0, m.rows - 1)), target: 5).ticks.filter { $0 <= Double(m.rows - 1) }
        let colTicks = Ticks.nice(0, Double(max(0, m.columns - 1)), target: 6).ticks.filter { $0 <= Double(m.columns - 1) }
        svg += axes(
            xTicks: colTicks.map { ($0, left + ($0 + 0.5) * cw) },
            yTicks: rowTicks.map { ($0, top + ($0 + 0.5) * ch) })
        // Colour bar.
        let bx = width - right - barWidth
        for k in 0..<50 {
            let t = Double(k) / 49
            svg += "<rect x=\"\(f(bx))\" y=\"\(f(top + (1 - t) * plotH * 49 / 50))\" width=\"\(f(barWidth))\" height=\"\(f(plotH / 50 + 0.5))\" fill=\"\(Self.color(t))\"/>"
        }
        svg += "\n<g fill=\"currentColor\" font-size=\"11\">"
        svg += "<text x=\"\(f(bx - 4))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(escape(ValueFormat.number(hi)))</text>"
        svg += "<text x=\"\(f(bx - 4))\" y=\"\(f(top + plotH))\" text-anchor=\"end\">\(escape(ValueFormat.number(lo)))</text>"
        if !label.isEmpty {
            svg += "<text x=\"\(f(bx + barWidth / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        return svg + "</g>\n"
    }

    /// A perceptually ordered ramp (dark blue → teal → yellow) for `t ∈ [0, 1]`.
    static func color(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
        let x = min(1, max(0, t)) * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(x)), u = x - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * u).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    private func f(_ x: Double) -> String { String(format: "%.1f", x) }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
