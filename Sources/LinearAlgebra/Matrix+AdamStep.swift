internal import CKernels

extension Matrix {
    /// One step of Adam (Kingma & Ba 2015) on these parameters, in place, with their
    /// gradient `g` and running moments `m`, `v` (same shape; updated in place):
    ///
    ///     m ← β₁ m + (1 − β₁) g
    ///     v ← β₂ v + (1 − β₂) g²
    ///     self ← self − stepSize · m / (√v / correction2 + ε)
    ///
    /// entry by entry, where the caller folds the bias corrections into
    /// `stepSize = α / (1 − β₁ᵗ)` and `correction2 = √(1 − β₂ᵗ)`. One vectorised pass (the
    /// C kernel `lemma_adam_update`), without fused multiply-adds, so the bits are those of
    /// the same formulas evaluated one entry at a time.
    public mutating func adamStep(
        gradient g: Matrix, firstMoment m: inout Matrix, secondMoment v: inout Matrix,
        beta1: Double, beta2: Double, stepSize: Double, correction2: Double, epsilon: Double
    ) {
        Matrix.requireSameShape(self, g, "Matrix.adamStep gradient")
        Matrix.requireSameShape(self, m, "Matrix.adamStep first moment")
        Matrix.requireSameShape(self, v, "Matrix.adamStep second moment")
        let count = elements.count
        g.elements.withUnsafeBufferPointer { pg in
            m.elements.withUnsafeMutableBufferPointer { pm in
                v.elements.withUnsafeMutableBufferPointer { pv in
                    elements.withUnsafeMutableBufferPointer { pp in
                        lemma_adam_update(
                            pp.baseAddress, pg.baseAddress, pm.baseAddress, pv.baseAddress, count,
                            beta1, beta2, stepSize, correction2, epsilon)
                    }
                }
            }
        }
    }
}
