import Diagnostics
import Testing

@Suite struct ProseNumberTests {
    @Test func toleranceIsHalfAUnitOfTheLastDigitWritten() throws {
        let cases: [(String, Double)] = [
            ("0.382", 0.0005), ("2.5e-3", 0.00005), ("40", 0.5), ("−1.5", 0.05), ("+3.", 0.5), ("1e3", 500), (".25", 0.005),
        ]
        for (written, tolerance) in cases {
            let t = try #require(ProseNumber.tolerance(of: written), "\(written)")
            #expect(abs(t - tolerance) <= 1e-15 * tolerance, "\(written)")
        }
        #expect(ProseNumber.value(of: "−1.5") == -1.5)
        for bad in ["0.3.2", "1e", "", ".", "1,5", "½", "--1", "١٢"] {
            #expect(ProseNumber.tolerance(of: bad) == nil, "\(bad)")
        }
    }

    @Test func spansAreClaimsOnlyWhenTheyStartWithANumber() {
        #expect(ProseNumber.parse("0.382 ≈ golden * golden") == .claim(written: "0.382", expression: "golden * golden"))
        #expect(ProseNumber.parse(" 40 ~= n ") == .claim(written: "40", expression: "n"))
        #expect(ProseNumber.parse("x ≈ y") == .notAClaim)
        #expect(ProseNumber.parse("let a = 1") == .notAClaim)
        #expect(ProseNumber.parse("3 + 4") == .notAClaim)
        guard case .malformed = ProseNumber.parse("0.3.2 ≈ x") else { Issue.record("0.3.2 taken"); return }
        guard case .malformed = ProseNumber.parse("0.5 ≈") else { Issue.record("empty expression taken"); return }
    }
}
