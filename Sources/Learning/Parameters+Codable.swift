import LinearAlgebra

/// A store encodes as its names and matrices, in order, so a trained model's parameters
/// can be kept across runs (`persisted`) and the layers' ``ParameterID``s still find them.
extension Parameters: Codable {
    private enum CodingKeys: String, CodingKey { case names, values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let names = try container.decode([String].self, forKey: .names)
        let values = try container.decode([Matrix].self, forKey: .values)
        guard names.count == values.count, Set(names).count == names.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .names, in: container,
                debugDescription: "\(names.count) unique names are needed for \(values.count) matrices")
        }
        self.init()
        for (name, value) in zip(names, values) { _ = add(name, value) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(names, forKey: .names)
        try container.encode(values, forKey: .values)
    }
}
