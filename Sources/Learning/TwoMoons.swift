import LinearAlgebra
import RealModule

/// `count` points of the two-moons toy distribution in the plane, as rows of a
/// `count × 2` matrix: half on the upper half circle `(cos t, sin t)`, half on the shifted
/// lower one `(1 − cos t, ½ − sin t)`, `t` uniform on `[0, π]`, plus Gaussian noise of
/// standard deviation `noise` in each coordinate (the construction of scikit-learn's
/// `make_moons`, seeded by `generator`).
public func twoMoons(_ count: Int, noise: Double = 0.05, using generator: inout SeededGenerator) -> Matrix {
    var points = [Double]()
    points.reserveCapacity(2 * count)
    let upper = count / 2
    for i in 0..<count {
        let t = generator.uniform() * Double.pi
        let (x, y) = i < upper ? (Double.cos(t), Double.sin(t)) : (1 - Double.cos(t), 0.5 - Double.sin(t))
        points.append(x + noise * generator.normal())
        points.append(y + noise * generator.normal())
    }
    return Matrix(rows: count, columns: 2, elements: points)
}
