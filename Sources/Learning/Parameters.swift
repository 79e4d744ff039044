import LinearAlgebra

/// Where one trainable matrix lives in a ``Parameters`` store.
///
/// Layers hold these, never the matrices themselves: a model is a plain description
/// (shapes, activations, positions) plus one ``Parameters`` value that training updates.
public struct ParameterID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Position in ``Parameters/values``.
    public let index: Int
    /// The name given at creation, such as `coupling1.dense2.weight`.
    public let name: String

    public var description: String { name }
}

/// Every trainable matrix of a model, in one differentiable value.
///
/// **Why one store.** An optimizer such as Adam needs entry-by-entry access to each
/// parameter and its gradient; with the parameters of any model in one list, every model
/// is reachable by every optimizer without per-model code. Layers are created *in* a store
/// (`Dense(…, in: &parameters, using: &rng)`) and remember the ``ParameterID``s of theirs.
/// A model's forward pass takes the store as an argument and reads its matrices with
/// `parameters[id]`; differentiating a loss with respect to the store gives a
/// ``TangentVector`` holding one gradient per parameter, in the same order.
///
/// The gradient of a parameter that the loss never read is the 0×0 matrix (`Matrix.zero`),
/// which acts as zero of every shape; optimizers skip it.
public struct Parameters: Differentiable, Sendable {
    /// The matrices, in the order they were added.
    public private(set) var values: [Matrix]
    /// Their names, in the same order.
    @noDerivative public private(set) var names: [String]

    /// An empty store.
    public init() {
        values = []
        names = []
    }

    /// The number of parameter matrices.
    @noDerivative public var count: Int { values.count }

    /// Where each matrix lives, in order.
    @noDerivative public var ids: [ParameterID] { names.indices.map { ParameterID(index: $0, name: names[$0]) } }

    /// The parameter called `name`, if there is one.
    public func id(named name: String) -> ParameterID? {
        names.firstIndex(of: name).map { ParameterID(index: $0, name: name) }
    }

    /// The number of scalar parameters (entries of all matrices).
    @noDerivative public var scalarCount: Int { values.reduce(0) { $0 + $1.rows * $1.columns } }

    /// Adds a matrix to the store and returns where it lives. Names must be unique: a
    /// repeated name stops the program (two layers given the same name are a mistake
    /// that would make messages ambiguous).
    public mutating func add(_ name: String, _ value: Matrix) -> ParameterID {
        precondition(!names.contains(name), "Parameters: a parameter named \"\(name)\" exists already; give each layer its own name")
        values.append(value)
        names.append(name)
        return ParameterID(index: values.count - 1, name: name)
    }

    /// Adds a `rows × columns` matrix drawn by `initializer`.
    public mutating func add(
        _ name: String, rows: Int, columns: Int, initializer: Initializer, using generator: inout SeededGenerator
    ) -> ParameterID {
        add(name, initializer.matrix(rows, columns, using: &generator))
    }

    /// The matrix at `id`, differentiably: its pullback puts the cotangent at `id` and the
    /// zero tangent everywhere else.
    @differentiable(reverse, wrt: self)
    public subscript(_ id: ParameterID) -> Matrix { value(id) }

    /// The matrix at `id` (the subscript's implementation).
    @differentiable(reverse, wrt: self)
    public func value(_ id: ParameterID) -> Matrix {
        precondition(
            id.index < values.count && names[id.index] == id.name,
            "Parameters: no parameter \"\(id.name)\" here (was the layer created in another store?)")
        return values[id.index]
    }

    @derivative(of: value, wrt: self)
    public func _vjpValue(_ id: ParameterID) -> (value: Matrix, pullback: (Matrix) -> TangentVector) {
        let n = values.count
        return (value(id), { d in
            var g = [Matrix](repeating: .zero, count: n)
            g[id.index] = d
            return TangentVector(g)
        })
    }

    /// Replaces the matrix at `id` (same shape): for loading trained values or setting a
    /// layer by hand.
    public mutating func set(_ id: ParameterID, _ value: Matrix) {
        let old = values[id.index]
        precondition(
            old.rows == value.rows && old.columns == value.columns,
            "Parameters.set: \(id.name) is \(old.rows)×\(old.columns), got \(value.rows)×\(value.columns)")
        values[id.index] = value
    }

    /// Calls `body` on each parameter and its gradient, in place (for optimizers). A
    /// parameter whose gradient is zero (0×0) is skipped.
    public mutating func update(
        along gradient: TangentVector, _ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void
    ) {
        guard checkShapes(of: gradient) else { return }
        for i in values.indices where !gradient.values[i].isZeroShape { body(i, &values[i], gradient.values[i]) }
    }

    /// Stops with a message naming the parameter when `gradient` does not fit the store;
    /// false for the empty (zero) gradient, which changes nothing.
    private func checkShapes(of gradient: TangentVector) -> Bool {
        if gradient.values.isEmpty { return false }
        precondition(
            gradient.values.count == values.count,
            "Parameters: a gradient of \(gradient.values.count) matrices for a store of \(values.count)")
        for i in values.indices where !gradient.values[i].isZeroShape {
            precondition(
                gradient.values[i].rows == values[i].rows && gradient.values[i].columns == values[i].columns,
                "Parameters: gradient of \(names[i]) is \(gradient.values[i].rows)×\(gradient.values[i].columns), the parameter \(values[i].rows)×\(values[i].columns)")
        }
        return true
    }

    /// As ``update(along:_:)``, with the parameters cut into groups of about equal size that
    /// are updated at the same time, one per core, when there are enough entries to gain
    /// from it. `body` may touch only what belongs to its parameter (`index`).
    public mutating func updateConcurrently(
        along gradient: TangentVector, _ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void
    ) {
        guard checkShapes(of: gradient) else { return }
        let sizes = values.map { $0.rows * $0.columns }
        values.withUnsafeMutableBufferPointer { values in
            ParameterGroups.run(sizes: sizes) { range in
                for i in range where !gradient.values[i].isZeroShape { body(i, &values[i], gradient.values[i]) }
            }
        }
    }

    /// `self += offset`, parameter by parameter, in place.
    public mutating func move(by offset: TangentVector) {
        update(along: offset) { _, p, g in p.add(g, scaledBy: 1) }
    }

    /// One gradient (or update) per parameter, in the store's order.
    public struct TangentVector: Differentiable, AdditiveArithmetic, Sendable {
        public typealias TangentVector = Self
        /// The matrices; empty for the zero tangent, 0×0 entries for parameters without one.
        public var values: [Matrix]

        public init(_ values: [Matrix]) { self.values = values }

        public static var zero: Self { Self([]) }

        public static func + (lhs: Self, rhs: Self) -> Self {
            if lhs.values.isEmpty { return rhs }
            if rhs.values.isEmpty { return lhs }
            var sum = lhs
            sum += rhs
            return sum
        }

        public static func += (lhs: inout Self, rhs: Self) {
            if rhs.values.isEmpty { return }
            if lhs.values.isEmpty { lhs = rhs; return }
            precondition(lhs.values.count == rhs.values.count, "Parameters.TangentVector +: \(lhs.values.count) and \(rhs.values.count) matrices")
            for i in lhs.values.indices where !rhs.values[i].isZeroShape { lhs.values[i] += rhs.values[i] }
        }

        public static func - (lhs: Self, rhs: Self) -> Self { lhs + rhs.scaled(by: -1) }

        public mutating func move(by offset: Self) { self += offset }

        /// Every matrix multiplied by `factor`.
        public func scaled(by factor: Double) -> Self { Self(values.map { factor * $0 }) }

        /// The Euclidean norm of all entries together, `√(Σ‖Gᵢ‖_F²)`.
        public var norm: Double { values.reduce(0) { $0 + $1.dot($1) }.squareRoot() }
    }
}
