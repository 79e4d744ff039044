extension Matrix3 {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (the columns of `vectors`) of a
    /// symmetric matrix, in closed form; only the upper triangle is read.
    ///
    /// No trigonometric function and no branch on the data: see `symmetricEigenLanes` for
    /// the method. Accuracy: residuals `‖A v − λ v‖` of a few `ε · max|aᵢⱼ|`, eigenvectors
    /// orthonormal to a few `ε`, also for double and nearly double eigenvalues. `A = cI`
    /// (including `0`) gives the identity as eigenvectors. A NaN or infinite entry gives
    /// NaN values.
    ///
    /// For many matrices, ``symmetricEigen(of:)`` is two to three times faster per matrix.
    public var symmetricEigen: (values: SIMD3<Double>, vectors: Matrix3) {
        symmetricEigenLanes(SymmetricLanes3(self, self, self, self)).decomposition(0)
    }

    /// ``symmetricEigen`` of each matrix, in order: the same numbers, bit for bit, computed
    /// four matrices at a time in SIMD lanes.
    public static func symmetricEigen(of matrices: [Matrix3]) -> [(values: SIMD3<Double>, vectors: Matrix3)] {
        let count = matrices.count
        return matrices.withUnsafeBufferPointer { source in
            [(values: SIMD3<Double>, vectors: Matrix3)](unsafeUninitializedCapacity: count) { results, initialized in
                var start = 0
                while start < count {
                    // A short last group repeats its last matrix in the spare lanes.
                    let last = count - 1
                    let lanes = SymmetricLanes3(
                        source[start], source[Swift.min(start + 1, last)],
                        source[Swift.min(start + 2, last)], source[Swift.min(start + 3, last)])
                    let decompositions = symmetricEigenLanes(lanes)
                    for k in 0..<Swift.min(4, count - start) {
                        (results.baseAddress! + start + k).initialize(to: decompositions.decomposition(k))
                    }
                    start += 4
                }
                initialized = count
            }
        }
    }
}
