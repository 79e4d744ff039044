import Foundation
import Learning
import LinearAlgebra
import Testing

/// Layers built for single-precision products: every dense product of the layer uses it,
/// the results follow the `Double` layer at `Float` accuracy, and the choice survives
/// encoding (a layer encoded before the choice existed decodes as `.double`).
@Suite struct PrecisionTests {
    func blocks(_ precision: ProductPrecision) -> (TransformerBlock, Parameters) {
        var rng = SeededGenerator(seed: 31)
        var p = Parameters()
        let block = TransformerBlock(
            "layer", width: 16, heads: 4, normalization: .post, precision: precision, in: &p, using: &rng)
        return (block, p)
    }

    @Test func everyDenseProductOfATransformerBlockUsesTheChoice() {
        let (block, _) = blocks(.single)
        let dense = [block.attention.query, block.attention.key, block.attention.value, block.attention.output]
            + block.feedForward.layers
        #expect(dense.count == 6 && dense.allSatisfy { $0.precision == .single })
        #expect(blocks(.double).0.feedForward.layers.allSatisfy { $0.precision == .double })
    }

    @Test func singleBlockFollowsTheDoubleBlock() {
        let (single, p) = blocks(.single)
        let (double, q) = blocks(.double)
        #expect(p.values == q.values, "the same seed gives the same parameters")
        var rng = SeededGenerator(seed: 32)
        let x = Matrix.randomNormal(3 * 8, 16, using: &rng), r = Matrix.randomNormal(3 * 8, 16, using: &rng)
        let a = single(x, sequenceLength: 8, p).output, b = double(x, sequenceLength: 8, p).output
        #expect(relativeError(Vector(a.elements), Vector(b.elements)) < 1e-5)
        #expect(a != b, "the single block really rounds")
        let ga = gradient(at: p) { p in single(x, sequenceLength: 8, p).output.dot(r) }
        let gb = gradient(at: p) { p in double(x, sequenceLength: 8, p).output.dot(r) }
        let flat = { (g: Parameters.TangentVector) in Vector(g.values.flatMap { $0.elements }) }
        #expect(relativeError(flat(ga), flat(gb)) < 1e-4)
    }

    @Test func theChoiceIsEncodedAndOldLayersDecodeAsDouble() throws {
        var rng = SeededGenerator(seed: 33)
        var p = Parameters()
        let layer = Dense("d", inputs: 3, outputs: 2, precision: .single, in: &p, using: &rng)
        let data = try JSONEncoder().encode(layer)
        #expect(try JSONDecoder().decode(Dense.self, from: data) == layer)
        var object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["precision"] as? String == "single")
        object["precision"] = nil
        let old = try JSONDecoder().decode(Dense.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.precision == .double && old.name == "d" && old.weight == layer.weight && old.bias == layer.bias)
    }
}

/// A multilayer perceptron with GELU runs each hidden layer and its GELU as one step: the
/// same output and weight gradients as the layers and activations one after another.
@Suite struct FusedGELUTests {
    @Test(arguments: ProductPrecision.allCases) func mlpEqualsItsLayersInTurn(precision: ProductPrecision) {
        var rng = SeededGenerator(seed: 51)
        var p = Parameters()
        let mlp = MLP("mlp", widths: [5, 12, 9, 3], activation: .gelu, precision: precision, in: &p, using: &rng)
        let x = Matrix.randomNormal(10, 5, using: &rng), r = Matrix.randomNormal(10, 3, using: &rng)
        let composed: @differentiable(reverse) (Parameters) -> Matrix = { p in
            mlp.layers[2](gelu(mlp.layers[1](gelu(mlp.layers[0](x, p)), p)), p)
        }
        #expect(mlp(x, p) == composed(p))
        let fused = gradient(at: p) { p in mlp(x, p).dot(r) }
        let reference = gradient(at: p) { p in composed(p).dot(r) }
        for (k, name) in p.names.enumerated() {
            if name.hasSuffix("bias") {
                #expect(relativeError(Vector(fused.values[k].elements), Vector(reference.values[k].elements)) < 1e-13, "\(name)")
            } else {
                #expect(fused.values[k] == reference.values[k], "\(name)")
            }
        }
    }
}
