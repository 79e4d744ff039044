import LinearAlgebra

/// Minibatches of row indices drawn without replacement: each epoch is a seeded random
/// permutation of `0..<count` cut into batches of `batchSize` (the last one of an epoch may
/// be shorter unless `dropLast`). The same seed gives the same batches.
public struct MinibatchSampler: Sendable {
    public let count: Int
    public let batchSize: Int
    public let dropLast: Bool
    private var generator: SeededGenerator
    private var order: [Int] = []
    private var position = 0
    /// Completed passes over the data.
    public private(set) var epoch = 0

    public init(count: Int, batchSize: Int, dropLast: Bool = false, seed: UInt64) {
        precondition(count > 0 && batchSize > 0, "MinibatchSampler: needs rows and a positive batch size, got \(count) and \(batchSize)")
        precondition(!dropLast || batchSize <= count, "MinibatchSampler: batch size \(batchSize) exceeds \(count) rows with dropLast")
        self.count = count
        self.batchSize = batchSize
        self.dropLast = dropLast
        generator = SeededGenerator(seed: seed)
    }

    /// The next batch of indices.
    public mutating func next() -> [Int] {
        let remaining = order.count - position
        if order.isEmpty || remaining == 0 || (dropLast && remaining < batchSize) {
            if !order.isEmpty { epoch += 1 }
            order = Array(0..<count)
            order.shuffle(using: &generator)
            position = 0
        }
        let end = min(position + batchSize, order.count)
        defer { position = end }
        return Array(order[position..<end])
    }

    /// The next batch as rows of `data`.
    public mutating func next(from data: Matrix) -> Matrix {
        precondition(data.rows == count, "MinibatchSampler: built for \(count) rows, given \(data.rows)")
        return data.gatheringRows(next())
    }
}
