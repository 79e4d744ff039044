/// The name of the curve (n = 2) or surface (n = 3) that `xᵀAx + 2bᵀx + c = 0` describes,
/// in the real affine classification: two forms have the same kind exactly when a rotation,
/// a translation and a scaling of the equation carry one to a form with the same signs.
///
/// "Imaginary" kinds have no real points (`x² + y² + 1 = 0`); the degenerate ones whose
/// only real points are a point or a line say so in ``name``.
public enum QuadricKind: String, CaseIterable, Sendable, Codable {
    // Conics.
    case ellipse, imaginaryEllipse, point, hyperbola, intersectingLines, parabola
    case parallelLines, coincidentLines, imaginaryParallelLines
    // Quadrics.
    case ellipsoid, imaginaryEllipsoid, imaginaryCone, hyperboloidOfOneSheet, hyperboloidOfTwoSheets, cone
    case ellipticParaboloid, hyperbolicParaboloid
    case ellipticCylinder, imaginaryEllipticCylinder, imaginaryIntersectingPlanes, hyperbolicCylinder
    case intersectingPlanes, parabolicCylinder, parallelPlanes, coincidentPlanes, imaginaryParallelPlanes

    /// Whether this is a curve of the plane (otherwise a surface of space).
    public var isConic: Bool {
        switch self {
        case .ellipse, .imaginaryEllipse, .point, .hyperbola, .intersectingLines, .parabola, .parallelLines,
            .coincidentLines, .imaginaryParallelLines:
            true
        default: false
        }
    }

    /// Whether the simplified equation keeps a linear term (no centre).
    public var isParabolic: Bool {
        self == .parabola || self == .ellipticParaboloid || self == .hyperbolicParaboloid || self == .parabolicCylinder
    }

    /// The English name, e.g. "hyperboloid of one sheet".
    public var name: String {
        switch self {
        case .ellipse: "ellipse"
        case .imaginaryEllipse: "imaginary ellipse"
        case .point: "point (a pair of imaginary lines meeting at a real point)"
        case .hyperbola: "hyperbola"
        case .intersectingLines: "pair of intersecting lines"
        case .parabola: "parabola"
        case .parallelLines: "pair of parallel lines"
        case .coincidentLines: "pair of coincident lines"
        case .imaginaryParallelLines: "pair of imaginary parallel lines"
        case .ellipsoid: "ellipsoid"
        case .imaginaryEllipsoid: "imaginary ellipsoid"
        case .imaginaryCone: "imaginary cone (a single real point)"
        case .hyperboloidOfOneSheet: "hyperboloid of one sheet"
        case .hyperboloidOfTwoSheets: "hyperboloid of two sheets"
        case .cone: "cone"
        case .ellipticParaboloid: "elliptic paraboloid"
        case .hyperbolicParaboloid: "hyperbolic paraboloid"
        case .ellipticCylinder: "elliptic cylinder"
        case .imaginaryEllipticCylinder: "imaginary elliptic cylinder"
        case .imaginaryIntersectingPlanes: "pair of imaginary planes meeting in a real line"
        case .hyperbolicCylinder: "hyperbolic cylinder"
        case .intersectingPlanes: "pair of intersecting planes"
        case .parabolicCylinder: "parabolic cylinder"
        case .parallelPlanes: "pair of parallel planes"
        case .coincidentPlanes: "pair of coincident planes"
        case .imaginaryParallelPlanes: "pair of imaginary parallel planes"
        }
    }
}
