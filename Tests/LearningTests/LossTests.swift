import Foundation
import Learning
import LinearAlgebra
import Testing

@Suite struct LossTests {
    @Test func crossEntropyEqualsNegativeLogProbability() {
        let logits = Matrix([[1, 2, 3], [0, 0, 1000]])
        let expected = (-(1 - Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0))) + 1000) / 2
        #expect(abs(crossEntropy(logits: logits, labels: [0, 1]) - expected) < 1e-12)
    }

    @Test func gaussianDensities() {
        let z = Matrix([[0, 0], [1, -2]])
        let logp = standardNormalLogDensity(z)
        #expect(abs(logp[0, 0] + Foundation.log(2 * Double.pi)) < 1e-14)
        #expect(abs(logp[1, 0] - (-2.5 - Foundation.log(2 * Double.pi))) < 1e-14)
        // A general Gaussian at mean 1, σ = e: the standardised point is (x − 1)/e.
        let x = Matrix([[1 + Foundation.exp(1.0)]])
        let general = gaussianLogDensity(x, mean: Matrix([[1.0]]), logStandardDeviation: Matrix([[1.0]]))
        #expect(abs(general[0, 0] - (-0.5 - 1 - 0.5 * Foundation.log(2 * Double.pi))) < 1e-14)
    }

    @Test func lossGradientsMatchDifferences() {
        var rng = SeededGenerator(seed: 41)
        var p = Parameters()
        let logits = p.add("logits", Matrix.randomNormal(5, 4, using: &rng))
        let mean = p.add("mean", Matrix.randomNormal(5, 3, using: &rng))
        let logSigma = p.add("logSigma", 0.3 * Matrix.randomNormal(1, 3, using: &rng))
        let x = Matrix.randomNormal(5, 3, using: &rng)
        let (ad, fd) = parameterGradients(p) { p in
            crossEntropy(logits: p[logits], labels: [0, 3, 2, 2, 1])
                + gaussianLogDensity(x, mean: p[mean], logStandardDeviation: p[logSigma]).mean()
                + standardNormalLogDensity(p[mean]).sum()
        }
        #expect(relativeError(ad, fd) < 1e-7)
    }
}
