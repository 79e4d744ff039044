import Foundation
import LinearAlgebra

/// Scaled dot-product attention, one head, tokens as rows.
///
/// With queries `Q` (n × d), keys `K` (n × d) and values `V` (n × d_v):
/// `attention(Q, K, V) = softmax(Q Kᵀ / √d) V`, the softmax taken along each row (each
/// query's weights over the keys sum to 1), computed stably (the row maximum subtracted
/// before `exp`). Time `O(n² d)`, memory `O(n²)` for the weight matrix.
public enum SoftmaxAttention {
    /// `softmax(Q Kᵀ / √d)`: the `n_q × n_k` matrix of attention weights.
    public static func weights(queries q: Matrix, keys k: Matrix) throws -> Matrix {
        guard q.columns == k.columns else {
            throw AttentionError.shape(
                function: "SoftmaxAttention.weights",
                detail: "queries have \(q.columns) features but keys have \(k.columns); they must match")
        }
        // Scaling the n × d queries costs less than scaling the n × n scores; the softmax
        // then works in place on the scores.
        var scores = ((1 / Double(q.columns).squareRoot()) * q).timesTransposed(k)
        scores.formRowSoftmax()
        return scores
    }

    /// `softmax(Q Kᵀ / √d) V`.
    public static func attention(queries q: Matrix, keys k: Matrix, values v: Matrix) throws -> Matrix {
        guard k.rows == v.rows else {
            throw AttentionError.shape(
                function: "SoftmaxAttention.attention", detail: "\(k.rows) keys but \(v.rows) values; there must be one value per key")
        }
        return try weights(queries: q, keys: k) * v
    }
}
