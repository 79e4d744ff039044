import LinearAlgebra

/// Votes of lower capsules for higher ones: capsule `i` with pose `Mᵢ` (4 × 4) votes
/// `Vᵢⱼ = Mᵢ Wᵢⱼ` for capsule `j`, with `Wᵢⱼ` a learned 4 × 4 transformation (the
/// viewpoint-invariant part–whole relation). Votes are flattened row by row to 16 numbers,
/// the space in which EM routing fits its Gaussians.
public enum CapsuleVotes {
    /// `votes[i][j] = flatten(poses[i] · transforms[i][j])`.
    public static func votes(poses: [Matrix], transforms: [[Matrix]]) throws -> [[Vector]] {
        let function = "CapsuleVotes.votes"
        guard poses.count == transforms.count else {
            throw CapsuleError.shape(function: function, detail: "\(poses.count) poses but \(transforms.count) rows of transformations")
        }
        return try zip(poses, transforms).enumerated().map { i, pair in
            let (pose, row) = pair
            guard pose.rows == 4, pose.columns == 4 else {
                throw CapsuleError.shape(function: function, detail: "pose \(i) is \(pose.rows)×\(pose.columns), not 4×4")
            }
            return try row.enumerated().map { j, w in
                guard w.rows == 4, w.columns == 4 else {
                    throw CapsuleError.shape(function: function, detail: "transformation (\(i), \(j)) is \(w.rows)×\(w.columns), not 4×4")
                }
                return Vector((pose * w).elements)
            }
        }
    }
}
