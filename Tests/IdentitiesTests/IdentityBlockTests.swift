import Testing
@testable import Identities

/// Whole `math identity` blocks: formula and where lines, chains, declarations and their
/// domains, and problems at their article line and column.
struct IdentityBlockTests {
    /// A block whose lines start at article line 10, indented by `indent` columns.
    static func block(_ text: String, indent: Int = 0) -> IdentityBlock {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            IdentityBlock.Line(text: String($0.element), line: 10 + $0.offset, column: 1 + indent)
        }
        return IdentityBlock.parse(lines)
    }

    @Test func readsAFormulaAndItsDeclarations() {
        let b = Self.block("""
            \\det(AB) = \\det A \\det B
            where A, B \\in \\mathbb{R}^{3 \\times 3}
            """)
        #expect(b.problems.isEmpty)
        #expect(b.formula == "\\det(AB) = \\det A \\det B")
        #expect(b.links == ["\\det(AB) = \\det A \\det B"])
        #expect(b.sides.map(\.description) == ["(det (· A B))", "(· (det A) (det B))"])
        #expect(b.declarations.count == 1)
        #expect(b.declarations[0].names == ["A", "B"])
        #expect(b.declarations[0].domain == .matrix(rows: 3, columns: 3, property: nil))
        #expect(b.declarations[0].tex == "A, B \\in \\mathbb{R}^{3 \\times 3}")
    }

    @Test func aChainHasALinkPerEqualsSign() {
        let b = Self.block("""
            (a+b)^2 = a^2 + 2ab + b^2 = (b + a)(a + b).
            where a, b \\in [-3, 3]
            """)
        #expect(b.problems.isEmpty)
        #expect(b.links == ["(a+b)^2 = a^2 + 2ab + b^2", "a^2 + 2ab + b^2 = (b + a)(a + b)"])
        #expect(b.formula.hasSuffix("(a + b)"), "the sentence's full stop is not math")
    }

    @Test(arguments: [
        ("x \\in [-1, 2]", VariableShape.real),
        ("x \\in (0, \\pi)", .real),
        ("x > 0", .real),
        ("x \\geq -1", .real),
        ("x \\in \\mathbb{R}", .real),
        ("x \\in \\{1, \\dots, 50\\}", .integer),
        ("x \\in \\{0, 2, 5\\}", .integer),
        ("x \\in \\mathbb{R}^4", .vector(4)),
        ("x \\in \\mathbb{R}^{4} unit", .vector(4)),
        ("x \\in \\mathbb{R}^{2 \\times 5}", .matrix(2, 5)),
        ("x \\in \\mathbb{R}^{3 \\times 3} \\text{ symmetric positive definite}", .matrix(3, 3)),
        ("x ∈ ℝ^{3×3} orthogonal", .matrix(3, 3)),
    ] as [(String, VariableShape)])
    func declaresDomains(_ declaration: String, _ shape: VariableShape) {
        let b = Self.block("x = x\nwhere " + declaration)
        #expect(b.problems.isEmpty, "\(declaration): \(b.problems.map(\.message))")
        #expect(b.declarations.first?.domain.shape == shape)
    }

    @Test func dollarSignsAreIgnored() {
        let b = Self.block("$$\n\\det(AB) = \\det A \\det B\n$$\nwhere $A, B \\in \\mathbb{R}^{2 \\times 2}$")
        #expect(b.problems.isEmpty, "\(b.problems.map(\.message))")
        #expect(b.formula == "\\det(AB) = \\det A \\det B")
        #expect(b.declarations.first?.names == ["A", "B"])
    }

    @Test func propertiesAreRead() {
        let b = Self.block("A = A\nwhere A \\in \\mathbb{R}^{3 \\times 3}, positive definite; u \\in \\mathbb{R}^3 unit")
        #expect(b.problems.isEmpty)
        #expect(b.declarations.map(\.domain) == [
            .matrix(rows: 3, columns: 3, property: .positiveDefinite), .vector(3, unit: true),
        ])
    }

    @Test func integerRanges() {
        #expect(Self.block("n = n\nwhere n \\in \\{1, 2, \\ldots, 40\\}").declarations.first?.domain == .integerRange(1, 40))
        #expect(Self.block("n = n\nwhere n \\in \\{-2, \\dots, 3\\}").declarations.first?.domain == .integerRange(-2, 3))
        #expect(Self.block("n = n\nwhere n \\in \\{3, 1, 4\\}").declarations.first?.domain == .integers([3, 1, 4]))
    }

    /// (block text, problem id, article line, column) — lines from 10, indented by 2.
    @Test(arguments: [
        ("x = y\nwhere x \\in [0, 1]", "identity.undeclared", 10, 7),
        ("x + 1\nwhere x \\in [0, 1]", "identity.relation", 10, 3),
        ("x = x\nwhere", "identity.where", 11, 8),
        ("x = x\nwhere x", "identity.where", 11, 9),
        ("x = x\nwhere x \\in \\mathbb{Z}", "identity.domain", 11, 15),
        ("x = x\nwhere x \\in [0, y]", "identity.domain", 11, 19),
        ("x = x\nwhere x \\in \\mathbb{R}^{3 \\times 3} fancy", "identity.domain", 11, 39),
        ("x = x\nwhere x \\in \\mathbb{R}^{2 \\times 3} symmetric", "identity.domain", 11, 39),
        ("x = x\nwhere x \\in [0, 1]; x > 0", "identity.where", 11, 22),
        ("x = x\nwhere x \\approx 1", "identity.domain", 11, 11),
        ("where x \\in [0, 1]", "identity.relation", 10, 3),
        ("\\int x = 1\nwhere x \\in [0, 1]", "identity.unsupported", 10, 3),
    ] as [(String, String, Int, Int)])
    func problemsArePlaced(_ text: String, _ id: String, _ line: Int, _ column: Int) {
        let b = Self.block(text, indent: 2)
        guard let problem = b.problems.first else {
            Issue.record("no problem found in \(text)")
            return
        }
        #expect(problem.id == id, "\(text): \(problem.message)")
        let place = b.location(ofByte: problem.offset)
        #expect(place.line == line && place.column == column, "\(text): \(problem.message) at \(place)")
    }
}
