import LinearAlgebra

extension Parameters.TangentVector {
    /// The gradient scaled down so that its norm (over all parameters together) is at most
    /// `maxNorm`; unchanged when it is already within. As PyTorch's `clip_grad_norm_`:
    /// factor `maxNorm / (‖g‖ + 1e-6)` when `‖g‖ > maxNorm`.
    public func clipped(toNorm maxNorm: Double) -> Self {
        precondition(maxNorm > 0, "clipped(toNorm:): the largest norm must be positive, got \(maxNorm)")
        let n = norm
        return n > maxNorm ? scaled(by: maxNorm / (n + 1e-6)) : self
    }
}
