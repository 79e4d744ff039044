/// Matrices and vectors encode as their shape and entries (row-major for a matrix), so a
/// trained model can be kept by `persisted` and read back exactly: every `Double` is
/// written in a form that reads back to the same bits.
extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, columns, elements }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let elements = try container.decode([Double].self, forKey: .elements)
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container,
                debugDescription: "\(elements.count) entries do not fill a \(rows)×\(columns) matrix")
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(elements, forKey: .elements)
    }
}

extension Vector: Codable {
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Double].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(elements)
    }
}
