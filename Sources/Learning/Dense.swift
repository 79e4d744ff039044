import LinearAlgebra

/// A fully connected layer `y = x W + b` on a batch: `x` is `batch × inputs` (one example
/// per row), `W` is `inputs × outputs`, `b` is a `1 × outputs` row added to every row.
///
/// Created in a ``Parameters`` store; by default `W` and `b` are drawn uniform on
/// `±1/√inputs`, as PyTorch's `nn.Linear` does. The product runs in `precision`
/// (`ProductPrecision` of LinearAlgebra): `.double` by default; `.single` rounds the
/// operands to `Float` for `sgemm`, about twice as fast and about 1e-6 relative off, as
/// PyTorch trains by default.
public struct Dense: Sendable, Hashable, Codable {
    /// The name in messages and the prefix of its parameters' names.
    public let name: String
    public let inputs: Int
    public let outputs: Int
    /// `W`, `inputs × outputs`.
    public let weight: ParameterID
    /// `b`, `1 × outputs`; `nil` for a layer without bias.
    public let bias: ParameterID?
    /// The precision of `x W` and of the two products of its pullback.
    public let precision: ProductPrecision

    public init(
        _ name: String, inputs: Int, outputs: Int, bias: Bool = true,
        weightInitializer: Initializer? = nil, biasInitializer: Initializer? = nil, precision: ProductPrecision = .double,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        precondition(inputs > 0 && outputs > 0, "Dense \"\(name)\": sizes must be positive, got \(inputs) → \(outputs)")
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.precision = precision
        weight = parameters.add(
            "\(name).weight", rows: inputs, columns: outputs,
            initializer: weightInitializer ?? .uniformFanIn(inputs), using: &generator)
        self.bias = bias
            ? parameters.add(
                "\(name).bias", rows: 1, columns: outputs,
                initializer: biasInitializer ?? .uniformFanIn(inputs), using: &generator)
            : nil
    }

    /// `x W + b` for a `batch × inputs` matrix `x`.
    @differentiable(reverse, wrt: (x, parameters))
    public func callAsFunction(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        requireColumns(x, inputs, layer: "Dense \"\(name)\"")
        guard let bias else { return x.times(parameters[weight], precision: precision) }
        return Matrix.affine(x, parameters[weight], parameters[bias], precision: precision)
    }

    /// `gelu(x W + b)`: the layer and a GELU after it as one step (`Matrix.affineGELU` of
    /// LinearAlgebra: the same values, fewer passes over the batch).
    @differentiable(reverse, wrt: (x, parameters))
    func withGELU(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        requireColumns(x, inputs, layer: "Dense \"\(name)\"")
        guard let bias else { return gelu(x.times(parameters[weight], precision: precision)) }
        return Matrix.affineGELU(x, parameters[weight], parameters[bias], precision: precision)
    }

    private enum CodingKeys: String, CodingKey { case name, inputs, outputs, weight, bias, precision }

    /// Decodes a layer; one encoded before layers had a precision is a `.double` layer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        inputs = try c.decode(Int.self, forKey: .inputs)
        outputs = try c.decode(Int.self, forKey: .outputs)
        weight = try c.decode(ParameterID.self, forKey: .weight)
        bias = try c.decodeIfPresent(ParameterID.self, forKey: .bias)
        precision = try c.decodeIfPresent(ProductPrecision.self, forKey: .precision) ?? .double
    }
}

/// Stops with a message naming the layer and both shapes when `x` does not have `columns`
/// columns — before BLAS sees mismatched sizes.
func requireColumns(_ x: Matrix, _ columns: Int, layer: @autoclosure () -> String) {
    precondition(
        x.columns == columns,
        "\(layer()): expects \(columns) features per row, got a \(x.rows)×\(x.columns) input")
}
