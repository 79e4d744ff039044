import Diagnostics
import Foundation
import Identities
import LinearAlgebra

/// The verdicts of a `math identity` block: each link `LHS = RHS` of its chain evaluated
/// at `samples` seeded random points of the declared domains (``IdentitySampler``), the
/// sides compared as ``IdentityComparison`` says.
///
/// A link **passes** only when no point is a counterexample and at least three quarters
/// of the points decided: both sides defined, and rounding too small to hide a
/// difference. (A false identity that holds on part of a domain must not pass because
/// the rest went unexamined: the author narrows the domain instead.) It **fails** at the first point where the
/// sides differ beyond rounding, or where one side is defined and the other is not; the
/// detail names the point. Anything else — a block that could not be read, sides of
/// different shapes, too few decisive points — is an **error**. Nothing here passes by
/// default.
@_spi(LemmaVerifier)
public enum IdentityClaim {
    /// One link's verdict.
    struct Verdict: Equatable {
        var site: IdentityBlock.ClaimSite
        var status: ClaimStatus
        var actual: String?
        var expected: String?
        var detail: String
    }

    /// Checks the block whose lines are given as (text, article line, column) and records
    /// a claim per link.
    public static func check(lines: [(String, Int, Int)], samples: Int, seed: UInt64) {
        let block = IdentityBlock.parse(lines.map { IdentityBlock.Line(text: $0.0, line: $0.1, column: $0.2) })
        for verdict in verdicts(block, samples: samples, seed: seed) {
            ClaimRecorder.shared.claim(
                line: verdict.site.line, column: verdict.site.column, kind: .identity, label: verdict.site.label,
                status: verdict.status, actual: verdict.actual, expected: verdict.expected, detail: verdict.detail)
        }
    }

    static func verdicts(_ block: IdentityBlock, samples: Int, seed: UInt64) -> [Verdict] {
        let sites = block.claimSites
        if let problem = block.problems.first {
            let place = block.location(ofByte: problem.offset)
            return sites.map {
                Verdict(site: $0, status: .error, detail: "not checked: line \(place.line), column \(place.column): \(problem.message)")
            }
        }
        var links = sites.map { LinkTally(site: $0) }
        var g = SeededGenerator(seed: seed)
        for _ in 0..<max(1, samples) {
            guard links.contains(where: { $0.verdict == nil }) else { break }
            let point: [String: Quantity]
            do {
                point = try IdentitySampler.point(block.declarations, using: &g)
            } catch {
                return sites.map { Verdict(site: $0, status: .error, detail: "not checked: " + describe(error, in: block)) }
            }
            let evaluator = IdentityEvaluator(values: point)
            let sides = block.sides.map { side -> Result<Quantity, Quantity.Failure> in
                do throws(Quantity.Failure) { return .success(try evaluator.evaluate(side)) } catch { return .failure(error) }
            }
            for k in links.indices where links[k].verdict == nil {
                links[k].add(sides[k], sides[k + 1], at: point, equalSign: block.equalSigns[k], in: block)
            }
        }
        let required = max(1, (3 * max(1, samples) + 3) / 4)
        return links.map { $0.verdict ?? $0.conclusion(required: required, samples: max(1, samples), seed: seed) }
    }

    /// What the points said about one link so far.
    private struct LinkTally {
        let site: IdentityBlock.ClaimSite
        var verdict: Verdict?
        var decided = 0
        var drawn = 0
        var largest = 0.0
        var largestAllowed = 0.0
        var undecidedReason: String?

        mutating func add(
            _ left: Result<Quantity, Quantity.Failure>, _ right: Result<Quantity, Quantity.Failure>,
            at point: [String: Quantity], equalSign: Int, in block: IdentityBlock
        ) {
            drawn += 1
            switch (left, right) {
            case let (.failure(.invalid(message, offset)), _), let (_, .failure(.invalid(message, offset))):
                verdict = Verdict(site: site, status: .error, detail: "cannot be evaluated: " + IdentityClaim.describe(.invalid(message, offset: offset), in: block))
            case let (.failure(.undecided(why)), _), let (_, .failure(.undecided(why))):
                undecidedReason = undecidedReason ?? why
            case let (.failure(.undefined(why)), .success(value)):
                verdict = Verdict(
                    site: site, status: .fail, actual: "undefined", expected: IdentityClaim.format(value),
                    detail: "fails at \(IdentityClaim.format(point, block)): the left side is undefined there (\(why)), the right side is \(IdentityClaim.format(value))")
            case let (.success(value), .failure(.undefined(why))):
                verdict = Verdict(
                    site: site, status: .fail, actual: IdentityClaim.format(value), expected: "undefined",
                    detail: "fails at \(IdentityClaim.format(point, block)): the left side is \(IdentityClaim.format(value)), the right side is undefined there (\(why))")
            case let (.failure(.undefined(why)), .failure(.undefined)):
                undecidedReason = undecidedReason ?? "both sides undefined (\(why))"
            case let (.success(l), .success(r)):
                do throws(Quantity.Failure) {
                    switch try IdentityComparison.compare(l, r, at: equalSign) {
                    case let .agree(difference, allowed):
                        decided += 1
                        if difference >= largest { (largest, largestAllowed) = (difference, allowed) }
                    case let .differ(entry, lv, rv, difference, allowed):
                        let whereText = entry.map { " in entry (\($0.0), \($0.1))" } ?? ""
                        verdict = Verdict(
                            site: site, status: .fail, actual: IdentityClaim.format(l), expected: IdentityClaim.format(r),
                            detail: "fails at \(IdentityClaim.format(point, block)): the left side is \(IdentityClaim.number(lv)), "
                                + "the right side \(IdentityClaim.number(rv))\(whereText) (difference \(ValueFormat.number(difference)); "
                                + "rounding allows \(ValueFormat.number(allowed)))")
                    case let .undecided(why):
                        undecidedReason = undecidedReason ?? why
                    }
                } catch {
                    verdict = Verdict(site: site, status: .error, detail: "cannot be evaluated: " + IdentityClaim.describe(error, in: block))
                }
            }
        }

        func conclusion(required: Int, samples: Int, seed: UInt64) -> Verdict {
            guard decided >= required else {
                return Verdict(
                    site: site, status: .error,
                    detail: "undecided: only \(decided) of \(drawn) random points decided (at least \(required) must)"
                        + (undecidedReason.map { "; at the others \($0)" } ?? "")
                        + ". Narrow the domains in the where lines to where both sides can be computed accurately")
            }
            let skipped = drawn - decided
            return Verdict(
                site: site, status: .pass,
                detail: "holds at \(decided) of \(drawn) random points (seed \(seed))"
                    + (skipped > 0 ? "; \(skipped) undecided (\(undecidedReason ?? "")))" : "")
                    + "; largest difference \(ValueFormat.number(largest)), rounding allowed \(ValueFormat.number(largestAllowed))")
        }
    }

    /// A failure with the article line and column of the part it is about.
    static func describe(_ failure: Quantity.Failure, in block: IdentityBlock) -> String {
        switch failure {
        case let .undefined(why), let .undecided(why): return why
        case let .invalid(message, offset):
            let place = block.location(ofByte: offset)
            return "line \(place.line), column \(place.column): \(message)"
        }
    }

    /// The point, in declaration order: `x = 0.7312, A = [[1, 2], [3, 4]]`.
    static func format(_ point: [String: Quantity], _ block: IdentityBlock) -> String {
        block.declarations.flatMap(\.names).compactMap { name in point[name].map { "\(name) = \(format($0))" } }
            .joined(separator: ", ")
    }

    static func format(_ q: Quantity) -> String {
        switch q {
        case let .scalar(v, _): return number(v)
        case let .identity(c, _): return c == 1 ? "I" : "\(number(c))·I"
        case let .matrix(m, _):
            if m.columns == 1 { return "(" + (0..<m.rows).map { number(m[$0, 0]) }.joined(separator: ", ") + ")" }
            return "[" + (0..<m.rows).map { i in "[" + (0..<m.columns).map { number(m[i, $0]) }.joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
    }

    /// Enough digits to tell nearby values apart.
    static func number(_ x: Double) -> String { String(format: "%.10g", x) }
}
