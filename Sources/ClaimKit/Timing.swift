import Foundation

/// The shortest wall-clock time, in seconds, of calls to `body`: it is called at least
/// `calls` times and until the calls together took `budget` seconds.
///
/// The minimum, not the mean, is what a claim about speed should compare: time taken by
/// other programs on the machine (the verifier compiles other articles meanwhile) only
/// ever adds to a call, so the fastest call is the closest to the cost of the work. Use
/// it for ratios and growth rates measured in one run (`t(4n) / t(n)`), never against a
/// fixed number of seconds, which depends on the machine.
public func bestSeconds(calls: Int = 5, budget: Double = 0.25, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity, made = 0, spent = 0.0
    while made < max(1, calls) || spent < budget {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds)
        spent += seconds
        made += 1
    }
    return best
}

/// The shortest time of each of `bodies`, measured in interleaved rounds: every round
/// calls each body once, in order, until at least `rounds` rounds ran and they took
/// `budget` seconds together.
///
/// Use it to compare sizes or methods with each other (a growth rate, a ratio): a busy
/// spell of the machine then falls on all of them in the same round instead of on
/// whichever was being measured, and the minimum over rounds picks each one's quietest
/// call.
public func bestSeconds(each bodies: [() throws -> Void], rounds: Int = 5, budget: Double = 0.5) throws -> [Double] {
    var best = [Double](repeating: .infinity, count: bodies.count)
    var made = 0, spent = 0.0
    while made < max(1, rounds) || spent < budget {
        for (k, body) in bodies.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best[k] = min(best[k], seconds)
            spent += seconds
        }
        made += 1
    }
    return best
}
