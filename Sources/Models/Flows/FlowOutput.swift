import LinearAlgebra

/// What a flow layer returns for a batch (rows are samples): the transformed batch and,
/// per sample, `log|det ∂y/∂x|` as a `batch × 1` column.
public struct FlowOutput: Differentiable {
    public var y: Matrix
    public var logDet: Matrix

    @differentiable(reverse)
    public init(y: Matrix, logDet: Matrix) {
        self.y = y
        self.logDet = logDet
    }
}
