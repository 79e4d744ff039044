extension Matrix {
    @inline(__always)
    static func requireSameShape(_ lhs: Matrix, _ rhs: Matrix, _ operation: String) {
        precondition(
            lhs.rows == rhs.rows && lhs.columns == rhs.columns,
            "\(operation): shapes differ (\(lhs.rows)×\(lhs.columns) and \(rhs.rows)×\(rhs.columns))")
    }

    /// Applies `body` entry by entry to two matrices of the same shape (one pass, no
    /// intermediate arrays).
    @inline(__always)
    func zipped(_ other: Matrix, _ operation: String, _ body: (Double, Double) -> Double) -> Matrix {
        Matrix.requireSameShape(self, other, operation)
        let count = elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            elements.withUnsafeBufferPointer { pa in
                other.elements.withUnsafeBufferPointer { pb in
                    for k in 0..<count { po[k] = body(pa[k], pb[k]) }
                }
            }
            initialized = count
        }
        return Matrix(rows: rows, columns: columns, elements: out)
    }

    /// Applies `body` to every entry.
    @inline(__always)
    public func map(_ body: (Double) -> Double) -> Matrix {
        let count = elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            elements.withUnsafeBufferPointer { pa in
                for k in 0..<count { po[k] = body(pa[k]) }
            }
            initialized = count
        }
        return Matrix(rows: rows, columns: columns, elements: out)
    }

    /// Whether this is the 0×0 matrix, which acts as the additive zero of every shape
    /// (``zero``, for automatic differentiation).
    package var isZeroShape: Bool { rows == 0 && columns == 0 }

    /// Entry-wise sum; the 0×0 matrix acts as zero.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        if lhs.isZeroShape { return rhs }
        if rhs.isZeroShape { return lhs }
        return lhs.zipped(rhs, "Matrix +", +)
    }

    /// Entry-wise difference; the 0×0 matrix acts as zero.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        if rhs.isZeroShape { return lhs }
        if lhs.isZeroShape { return -rhs }
        return lhs.zipped(rhs, "Matrix -", -)
    }
    public static prefix func - (m: Matrix) -> Matrix { m.map { -$0 } }
    public static func * (scalar: Double, m: Matrix) -> Matrix { m.map { scalar * $0 } }
    public static func * (m: Matrix, scalar: Double) -> Matrix { m.map { $0 * scalar } }
    public static func / (m: Matrix, scalar: Double) -> Matrix { m.map { $0 / scalar } }
    /// `lhs += rhs` in place (`daxpy`); the 0×0 matrix acts as zero on either side.
    public static func += (lhs: inout Matrix, rhs: Matrix) { lhs.add(rhs, scaledBy: 1) }
    /// `lhs -= rhs` in place (`daxpy`); the 0×0 matrix acts as zero on either side.
    public static func -= (lhs: inout Matrix, rhs: Matrix) { lhs.add(rhs, scaledBy: -1) }

    /// `self += alpha · other` in place, through BLAS `daxpy` (no new storage when `self`
    /// holds its entries alone). The 0×0 matrix acts as zero on either side.
    public mutating func add(_ other: Matrix, scaledBy alpha: Double) {
        if other.isZeroShape { return }
        if isZeroShape { self = alpha == 1 ? other : alpha * other; return }
        Matrix.requireSameShape(self, other, "Matrix.add(_:scaledBy:)")
        BLAS.axpy(alpha, other.elements, &elements)
    }

    /// Adds `scalar` to every entry.
    public static func + (m: Matrix, scalar: Double) -> Matrix { m.map { $0 + scalar } }
    /// Subtracts `scalar` from every entry.
    public static func - (m: Matrix, scalar: Double) -> Matrix { m.map { $0 - scalar } }
    /// `scalar − mᵢⱼ` entry by entry.
    public static func - (scalar: Double, m: Matrix) -> Matrix { m.map { scalar - $0 } }

    /// Entry-wise (Hadamard) product.
    public func hadamard(_ other: Matrix) -> Matrix { zipped(other, "Matrix.hadamard", *) }

    /// The matrix product, computed by `cblas_dgemm`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(
            lhs.columns == rhs.rows,
            "Matrix *: inner sizes differ (\(lhs.rows)×\(lhs.columns) times \(rhs.rows)×\(rhs.columns))")
        return BLAS.gemm(lhs, rhs)
    }

    /// `selfᵀ · other`, without forming the transpose (BLAS reads `self` transposed).
    public func transposedTimes(_ other: Matrix) -> Matrix {
        precondition(
            rows == other.rows,
            "Matrix.transposedTimes: row counts differ (\(rows)×\(columns)ᵀ times \(other.rows)×\(other.columns))")
        return BLAS.gemm(self, transposed: true, other)
    }

    /// `self · otherᵀ`, without forming the transpose (BLAS reads `other` transposed).
    public func timesTransposed(_ other: Matrix) -> Matrix {
        precondition(
            columns == other.columns,
            "Matrix.timesTransposed: column counts differ (\(rows)×\(columns) times \(other.rows)×\(other.columns)ᵀ)")
        return BLAS.gemm(self, other, transposedB: true)
    }

    /// The matrix–vector product, computed by `cblas_dgemv`.
    public static func * (lhs: Matrix, rhs: Vector) -> Vector {
        precondition(
            lhs.columns == rhs.count,
            "Matrix * Vector: \(lhs.rows)×\(lhs.columns) matrix times vector of length \(rhs.count)")
        return BLAS.gemv(lhs, rhs)
    }
}
