import LinearAlgebra

/// A fixed reordering of the features: `y[:, j] = x[:, order[j]]`. Volume-preserving
/// (`log|det J| = 0`, the Jacobian is a permutation matrix).
///
/// `squeeze(height:width:channels:)` is RealNVP's squeeze for an image stored
/// position-major: each 2 × 2 block of pixels becomes one position with 4 times the
/// channels, so a later channel mask mixes neighbouring pixels. **Convention:** new channel
/// `4k + 2·(row mod 2) + (column mod 2)` at position `(row/2, column/2)` holds old channel `k`.
public struct Permutation: Sendable, Hashable, Codable {
    public let name: String
    public let order: [Int]
    /// `P` with `y = x P`, made once.
    let matrix: Matrix

    private enum CodingKeys: String, CodingKey { case name, order }

    public init(_ name: String, order: [Int]) {
        precondition(order.sorted() == Array(order.indices), "Permutation \"\(name)\": \(order) is not a permutation of 0..<\(order.count)")
        self.name = name
        self.order = order
        matrix = CouplingSplit.selection(order, features: order.count)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(String.self, forKey: .name), order: try c.decode([Int].self, forKey: .order))
    }

    public static func squeeze(_ name: String, height: Int, width: Int, channels: Int) -> Permutation {
        precondition(height % 2 == 0 && width % 2 == 0, "squeeze \"\(name)\": \(height)×\(width) is not divisible into 2×2 blocks")
        var order = [Int](repeating: 0, count: height * width * channels)
        for r in 0..<height {
            for c in 0..<width {
                for k in 0..<channels {
                    let position = (r / 2) * (width / 2) + c / 2
                    let channel = 4 * k + 2 * (r % 2) + c % 2
                    order[position * 4 * channels + channel] = (r * width + c) * channels + k
                }
            }
        }
        return Permutation(name, order: order)
    }

    @differentiable(reverse, wrt: x)
    public func forward(_ x: Matrix) -> FlowOutput {
        FlowOutput(
            y: x * withoutDerivative(at: matrix),
            logDet: withoutDerivative(at: Matrix.zeros(x.rows, 1)))
    }

    public func inverse(_ y: Matrix) -> Matrix {
        y.timesTransposed(matrix)
    }
}
