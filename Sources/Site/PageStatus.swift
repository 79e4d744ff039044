import Verifier

/// The verification status of an article, as a CSS class and a short text.
struct PageStatus {
    var cssClass: String
    var text: String

    init(_ result: ArticleResult?, hasClaims: Bool) {
        guard let result else {
            (cssClass, text) = ("unverified", "not verified")
            return
        }
        if result.errors > 0 {
            cssClass = "error"
            text = "\(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.passed) passed, \(result.failed) failed"
        } else if result.failed > 0 {
            cssClass = "fail"
            text = "\(result.failed) of \(result.claims.count) claims failed"
        } else if !hasClaims {
            (cssClass, text) = ("", "no claims")
        } else {
            cssClass = "pass"
            text = result.passed == 1 ? "its claim is verified" : "all \(result.passed) claims verified"
        }
    }
}
