@testable import ClaimKit
import Testing

@Suite struct ValueFormatTests {
    @Test(arguments: [
        (0.7071067811865476, "0.707107"), (42.0, "42"), (-3.0, "-3"), (1.5e-10, "1.5e-10"),
        (123456789.123, "1.23457e08"), (Double.nan, "NaN"), (-Double.infinity, "-∞"),
    ])
    func numbersHaveSixSignificantDigits(value: Double, text: String) {
        #expect(ValueFormat.number(value) == text)
    }

    @Test func inlineValuesOfSeveralTypes() {
        #expect(ValueFormat.inline(0.5) == "0.5")
        #expect(ValueFormat.inline(7) == "7")
        #expect(ValueFormat.inline(Vector([1, 0.25])) == "(1, 0.25)")
        #expect(ValueFormat.inline("as written") == "as written")
        #expect(ValueFormat.inline(Complex(1.0, -2.0)) == "1 − 2i")
        #expect(ValueFormat.inline(Matrix([[1, 0.5], [-2, 1e-9]])) == "[[1, 0.5], [-2, 1e-09]]")
    }

    @Test func texOfMatricesVectorsAndSmallNumbers() {
        #expect(ValueFormat.tex(Matrix([[1, 2], [3, 4]])) == "\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}")
        #expect(ValueFormat.tex(Vector([1, 2])) == "\\begin{bmatrix}1 \\\\ 2\\end{bmatrix}")
        #expect(ValueFormat.tex(2.5e-12) == "2.5 \\times 10^{-12}")
    }

    /// A formula given as TeX is typeset as written; any other text is shown as text, with
    /// the characters TeX would read as commands escaped (a `}` or `^` once broke the formula).
    @Test func texFormulasAndPlainText() {
        #expect(ValueFormat.tex(TeX("x'^{2} + 1 = 0")) == "x'^{2} + 1 = 0")
        #expect(ValueFormat.tex("a^{2}_1 \\ $5 & 10%") == "\\text{a\\textasciicircum{}\\{2\\}\\_1 \\textbackslash{} \\$5 \\& 10\\%}")
    }
}

@Suite struct FigureTests {
    @Test func ticksAreNiceAndCoverTheRange() {
        let (lower, upper, ticks) = Ticks.nice(0.13, 9.7)
        #expect(lower <= 0.13 && upper >= 9.7)
        #expect(ticks == [0, 2, 4, 6, 8, 10])
        #expect(Ticks.nice(5, 5).ticks.count >= 2)
    }

    @Test func lineAndScatterPlotHaveAxesLegendAndEscapedText() {
        let fig = Figure()
        fig.xLabel = "step <n>"
        fig.line(x: [0, 1, 2], y: [1, 4, 9], label: "a & b")
        fig.scatter(x: [0.5], y: [2], label: "points")
        let svg = SVGPlot(figure: fig, caption: "loss \"curve\"").render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("<polyline"))
        #expect(svg.contains("<circle"))
        #expect(svg.contains("step &lt;n&gt;"))
        #expect(svg.contains("a &amp; b"))
        #expect(svg.contains("aria-label=\"loss &quot;curve&quot;\""))
        #expect(!svg.contains("<n>"))
    }

    /// With equal aspect, one unit is as long across as up: a unit square stays square.
    @Test func equalAspectKeepsSquaresSquare() throws {
        for equal in [true, false] {
            let fig = Figure()
            fig.equalAspect = equal
            fig.line(x: [0, 1, 1], y: [0, 0, 1], label: "corner")
            fig.line(x: [4], y: [0.5])
            let svg = SVGPlot(figure: fig, caption: "square").render()
            let start = try #require(svg.range(of: "points=\""))
            let end = try #require(svg[start.upperBound...].firstIndex(of: "\""))
            let points = svg[start.upperBound..<end].split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            let across = abs(points[1][0] - points[0][0]), up = abs(points[2][1] - points[1][1])
            #expect((abs(across - up) < 0.5) == equal, "equalAspect = \(equal): \(across) across, \(up) up")
        }
    }

    @Test func heatmapHasOneCellPerEntryAndAColourBar() {
        let fig = Figure()
        fig.heatmap(Matrix([[0, 1, 2], [3, 4, 5]]), label: "value")
        let svg = SVGPlot(figure: fig, caption: "map").render()
        let cells = svg.components(separatedBy: "<rect").count - 1
        #expect(cells == 6 + 50)
        #expect(SVGPlot.color(0) == "#440154")
        #expect(SVGPlot.color(1) == "#fde725")
    }
}
