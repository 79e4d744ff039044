import Foundation
import LinearAlgebra
import Models
import Testing

@Suite struct CapsuleTests {
    static func clusteredVotes(_ seed: UInt64, inputs n: Int = 48, outputs m: Int = 4) -> (votes: [[Vector]], truth: [Int]) {
        var rng = SeededGenerator(seed: seed)
        let centres = (0..<m).map { _ in 3 * Vector.randomNormal(16, using: &rng) }
        let truth = (0..<n).map { $0 % m }
        let votes = (0..<n).map { i in
            (0..<m).map { j in j == truth[i] ? centres[j] + 0.1 * Vector.randomNormal(16, using: &rng) : 3 * Vector.randomNormal(16, using: &rng) }
        }
        return (votes, truth)
    }

    static let routing = EMRouting(inverseTemperatures: [0.01, 0.02, 0.03])

    @Test func assignmentsAreDistributionsAndRecoverClusters() throws {
        let (votes, truth) = Self.clusteredVotes(1)
        let last = try Self.routing.route(votes: votes, activations: Array(repeating: 0.7, count: votes.count)).last!
        for i in 0..<votes.count {
            #expect(abs((0..<4).reduce(0) { $0 + last.assignments[i, $1] } - 1) < 1e-12)
            #expect((0..<4).max { last.assignments[i, $0] < last.assignments[i, $1] } == truth[i])
        }
        #expect(last.activations.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func theRenormalizedVariantIgnoresInputActivations() throws {
        let (votes, _) = Self.clusteredVotes(2)
        var rng = SeededGenerator(seed: 9)
        let random = (0..<votes.count).map { _ in rng.uniform(0.1, 1) }
        var renormalized = Self.routing
        renormalized.variant = .renormalized
        let a = try renormalized.route(votes: votes, activations: random).last!
        let b = try renormalized.route(votes: votes, activations: Array(repeating: 1, count: votes.count)).last!
        #expect(zip(a.means, b.means).allSatisfy { ($0 - $1).norm < 1e-12 })
        let c = try Self.routing.route(votes: votes, activations: random).last!
        let d = try Self.routing.route(votes: votes, activations: Array(repeating: 1, count: votes.count)).last!
        #expect(zip(c.means, d.means).contains { ($0 - $1).norm > 1e-6 })
    }

    @Test func votesArePoseTimesTransformation() throws {
        let pose = Matrix.identity(4) * 2
        let w = Matrix((0..<4).map { i in (0..<4).map { Double(i * 4 + $0) } })
        let v = try CapsuleVotes.votes(poses: [pose], transforms: [[w]])
        #expect(v[0][0] == Vector((2 * w).elements))
    }

    @Test func badInputIsNamed() throws {
        let (votes, _) = Self.clusteredVotes(3)
        #expect(throws: CapsuleError.activation(function: "EMRouting.route", index: 0, value: 1.5)) {
            try Self.routing.route(votes: votes, activations: [1.5] + Array(repeating: 0.5, count: votes.count - 1))
        }
        #expect(throws: CapsuleError.self) { try Self.routing.route(votes: votes, activations: [0.5]) }
        #expect(throws: CapsuleError.self) { try Self.routing.route(votes: [], activations: []) }
        #expect(throws: CapsuleError.self) { try Self.routing.route(votes: [[Vector([1, 2])], [Vector([1])]], activations: [1, 1]) }
        #expect(throws: CapsuleError.self) { try EMRouting(inverseTemperatures: []).route(votes: votes, activations: Array(repeating: 1, count: votes.count)) }
        #expect(throws: CapsuleError.self) { try CapsuleVotes.votes(poses: [Matrix.identity(3)], transforms: [[Matrix.identity(4)]]) }
    }
}
