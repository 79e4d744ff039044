import ClaimKit
import Testing

@Suite struct ToleranceTests {
    @Test func absoluteAndRelativeParts() {
        let t = Tolerance(absolute: 1e-3, relative: 1e-2)
        #expect(t.bound(for: 100) == 1e-3 + 1)
        #expect(t.accepts(100.9, 100))
        #expect(!t.accepts(101.1, 100))
        #expect(t.accepts(-100.9, -100))
    }

    @Test func literalsMeanAbsolute() {
        let t: Tolerance = 1e-6
        #expect(t == .absolute(1e-6))
        let zero: Tolerance = 0
        #expect(zero.accepts(1.5, 1.5))
        #expect(!zero.accepts(1.5, 1.5.nextUp))
    }

    @Test func nanNeverPassesAndInfinitiesCompareBySign() {
        let loose = Tolerance(absolute: .infinity)
        #expect(!loose.accepts(.nan, 1))
        #expect(!loose.accepts(1, .nan))
        #expect(!loose.accepts(.nan, .nan))
        #expect(Tolerance.standard.accepts(.infinity, .infinity))
        #expect(!Tolerance.standard.accepts(-.infinity, .infinity))
    }

    @Test func descriptionNamesTheParts() {
        #expect(Tolerance.absolute(1e-9).description == "atol 1e-09")
        #expect(Tolerance.relative(0.5).description == "rtol 0.5")
    }
}
