import Testing
@testable import Identities

/// How formulas are read: each case is the TeX and the tree it must give (printed fully
/// parenthesised). The conventions are those documented on `IdentityExpression`.
struct ExpressionParserTests {
    static let names: [String: VariableShape] = [
        "a": .real, "b": .real, "x": .real, "y": .real, "t": .real, "n": .integer, "k_0": .integer, "alpha": .real,
        "A": .matrix(3, 3), "B": .matrix(3, 3), "u": .vector(3), "v": .vector(3), "M": .matrix(2, 3),
    ]

    static func read(_ tex: String) throws(IdentityProblem) -> String {
        var parser = ExpressionParser(tex, names: names)
        return try parser.wholeExpression().description
    }

    @Test(arguments: [
        ("a + b - x", "(- (+ a b) x)"),
        ("2x", "(· 2 x)"),
        ("ab", "(· a b)"),
        ("-x^2", "(- (^ x 2))"),
        ("a/bx", "(· (/ a b) x)"),
        ("\\frac{a}{bx}", "(/ a (· b x))"),
        ("\\frac12", "(/ 1 2)"),
        ("x^23", "(· (^ x 2) 3)"),
        ("x^{23}", "(^ x 23)"),
        ("e^{-x}", "(^ e (- x))"),
        ("\\sin 2x", "(sin (· 2 x))"),
        ("\\sin x \\cos y", "(· (sin x) (cos y))"),
        ("\\sin^2 x + \\cos^2 x", "(+ (^ (sin x) 2) (^ (cos x) 2))"),
        ("\\sin(x)^2", "(^ (sin x) 2)"),
        ("\\log_2 x", "(logBase 2 x)"),
        ("\\ln(ab)", "(ln (· a b))"),
        ("\\det A \\det B", "(· (det A) (det B))"),
        ("\\det(AB)", "(det (· A B))"),
        ("\\operatorname{tr}(A^\\top B)", "(trace (· (ᵀ A) B))"),
        ("\\mathrm{tr}\\, A", "(trace A)"),
        ("A^T", "(ᵀ A)"),
        ("A^{\\top}", "(ᵀ A)"),
        ("A^{\\mathsf{T}}", "(ᵀ A)"),
        ("A^{-1}", "(^ A (- 1))"),
        ("u^\\top A v", "(· (· (ᵀ u) A) v)"),
        ("\\|u\\|^2", "(^ (norm u) 2)"),
        ("\\|A\\|_F", "(norm-frobenius A)"),
        ("\\left\\| u \\right\\|_1", "(norm-one u)"),
        ("|x| |y|", "(· (abs x) (abs y))"),
        ("\\left| x - y \\right|", "(abs (- x y))"),
        ("\\sum_{i=1}^{n} i^2", "(sum i 1 n (^ i 2))"),
        ("\\sum_{i=1}^n u_i v_i", "(sum i 1 n (· u[i] v[i]))"),
        ("\\prod_{k=1}^{n} \\frac{k+1}{k}", "(product k 1 n (/ (+ k 1) k))"),
        ("\\binom{n}{2}", "(binomial n 2)"),
        ("n!", "(! n)"),
        ("(n+1)!", "(! (+ n 1))"),
        ("k_0 + 1", "(+ k_0 1)"),
        ("u_1 + A_{12} + A_{2,3}", "(+ (+ u[1] A[1,2]) A[2,3])"),
        ("\\sum_{i=1}^{3} A_{ii}", "(sum i 1 3 A[i,i])"),
        ("\\alpha x", "(· alpha x)"),
        ("\\begin{bmatrix} a & b \\\\ x & y \\end{bmatrix}", "[a b; x y]"),
        ("\\sqrt[3]{x}", "(root 3 x)"),
        ("\\sqrt{x^2 + y^2}", "(sqrt (+ (^ x 2) (^ y 2)))"),
        ("\\max(a, b, x)", "(max a b x)"),
        ("\\lfloor x \\rfloor", "(floor x)"),
        ("I + A", "(+ I A)"),
        ("I_3", "I3"),
        ("\\pi x", "(· π x)"),
        ("\\Gamma(n + 1)", "(gamma (+ n 1))"),
        ("2 \\cdot 3 \\times x", "(· (· 2 3) x)"),
        ("x − y", "(- x y)"),
        ("\\mathbf{u} \\cdot \\mathbf{v}", "(· u v)"),
    ] as [(String, String)])
    func readsFormula(_ tex: String, _ tree: String) throws {
        #expect(try Self.read(tex) == tree)
    }

    @Test(arguments: [
        ("\\int_0^1 x", "identity.unsupported", 0),
        ("x + z", "identity.undeclared", 4),
        ("x_3", "identity.undeclared", 0),
        ("\\frac{x}{y", "identity.syntax", 8),
        ("(x + y", "identity.syntax", 0),
        ("\\sin^{-1} x", "identity.unsupported", 4),
        ("\\sum_{i=1} i", "identity.syntax", 0),
        ("x'", "identity.unsupported", 1),
        ("\\cdot x", "identity.syntax", 0),
        ("\\begin{vmatrix} a \\end{vmatrix}", "identity.unsupported", 0),
        ("\\lim x", "identity.unsupported", 0),
    ] as [(String, String, Int)])
    func refusesWithItsPlace(_ tex: String, _ id: String, _ offset: Int) {
        do throws(IdentityProblem) {
            _ = try Self.read(tex)
            Issue.record("read \(tex) without a problem")
        } catch {
            #expect(error.id == id, "\(tex): \(error.message)")
            #expect(error.offset == offset, "\(tex): \(error.message)")
        }
    }

    @Test func relationsGiveTheirSidesAndLinks() throws {
        var parser = ExpressionParser("a = b = x", names: Self.names)
        let (sides, starts, equals) = try parser.relation()
        #expect(sides.map(\.description) == ["a", "b", "x"])
        #expect(starts == [0, 4, 8])
        #expect(equals == [2, 6])
    }

    @Test func otherRelationsAreRefused() {
        var parser = ExpressionParser("a \\le b", names: Self.names)
        #expect(throws: IdentityProblem.self) { try parser.relation() }
        var none = ExpressionParser("a + b", names: Self.names)
        do throws(IdentityProblem) {
            _ = try none.relation()
            Issue.record("a formula without = was read as a relation")
        } catch {
            #expect(error.id == "identity.relation")
        }
    }

    @Test func aDeclaredTIsAPowerNotATranspose() throws {
        var names = Self.names
        names["T"] = .real
        var parser = ExpressionParser("x^T", names: names)
        #expect(try parser.wholeExpression().description == "(^ x T)")
    }
}
