import Diagnostics
import LinearAlgebra

/// A plot being described inside `figure(_:) { fig in ... }`: line and scatter series on
/// shared axes, or one heat map. It becomes an SVG with axes, ticks, labels and a legend.
public final class Figure {
    /// One line or scatter series.
    struct Series {
        enum Style { case line, scatter }
        var x: [Double]
        var y: [Double]
        var label: String
        var style: Style
    }

    /// Text under the x axis.
    public var xLabel = ""
    /// Text beside the y axis.
    public var yLabel = ""
    /// Whether a unit has the same length on both axes (for shapes: a circle stays round,
    /// perpendicular lines look perpendicular). The axis that would be stretched gets a
    /// wider range instead.
    public var equalAspect = false
    var series: [Series] = []
    var heat: (values: Matrix, label: String)?

    init() {}

    /// A polyline through `(x[i], y[i])`.
    public func line(x: [Double], y: [Double], label: String = "") {
        precondition(x.count == y.count, "Figure.line: \(x.count) x values but \(y.count) y values")
        series.append(Series(x: x, y: y, label: label, style: .line))
    }

    /// A polyline through `(i, y[i])`.
    public func line(_ y: [Double], label: String = "") {
        line(x: y.indices.map(Double.init), y: y, label: label)
    }

    /// A polyline through `(x[i], y[i])`, from vectors.
    public func line(x: Vector, y: Vector, label: String = "") { line(x: x.elements, y: y.elements, label: label) }

    /// A polyline through `(i, y[i])`, from a vector.
    public func line(_ y: Vector, label: String = "") { line(y.elements, label: label) }

    /// Points `(x[i], y[i])`, from vectors.
    public func scatter(x: Vector, y: Vector, label: String = "") { scatter(x: x.elements, y: y.elements, label: label) }

    /// Points `(x[i], y[i])`.
    public func scatter(x: [Double], y: [Double], label: String = "") {
        precondition(x.count == y.count, "Figure.scatter: \(x.count) x values but \(y.count) y values")
        series.append(Series(x: x, y: y, label: label, style: .scatter))
    }

    /// A heat map of `values`: row 0 at the top, column 0 at the left, with a colour bar.
    public func heatmap(_ values: Matrix, label: String = "") {
        heat = (values, label)
    }
}

/// Draws a figure and puts it on the page below its block, as inline SVG.
public func figure(_ caption: String, line: Int = #line, _ body: (Figure) throws -> Void) rethrows {
    let fig = Figure()
    try body(fig)
    ClaimRecorder.shared.record(
        ClaimEvent(event: .figure, line: line, text: SVGPlot(figure: fig, caption: caption).render(), label: caption))
}
