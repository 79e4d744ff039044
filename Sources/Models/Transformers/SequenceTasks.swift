import LinearAlgebra

/// Toy sequence tasks that need attention: the output at a position depends on a token at
/// another position, so a model without attention cannot solve them.
public enum SequenceTasks {
    /// `count` random sequences of `length` tokens from `0..<vocabulary`, each with its
    /// reversal as the target (`target[t] = input[length − 1 − t]`).
    public static func reversal(count: Int, length: Int, vocabulary: Int, using generator: inout SeededGenerator)
        -> (inputs: [[Int]], targets: [[Int]])
    {
        let inputs = (0..<count).map { _ in (0..<length).map { _ in Int(generator.next() % UInt64(vocabulary)) } }
        return (inputs, inputs.map { Array($0.reversed()) })
    }

    /// `count` random sequences, each with its tokens sorted ascending as the target.
    public static func sorting(count: Int, length: Int, vocabulary: Int, using generator: inout SeededGenerator)
        -> (inputs: [[Int]], targets: [[Int]])
    {
        let inputs = (0..<count).map { _ in (0..<length).map { _ in Int(generator.next() % UInt64(vocabulary)) } }
        return (inputs, inputs.map { $0.sorted() })
    }
}
