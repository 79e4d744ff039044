import Verifier

/// The verification status of an article, as a CSS class and a short text.
struct PageStatus {
    var cssClass: String
    var text: String

    init(_ result: ArticleResult?, hasClaims: Bool, text words: InterfaceText = .english) {
        guard let result else {
            (cssClass, text) = ("unverified", words.notVerified)
            return
        }
        if result.errors > 0 {
            cssClass = "error"
            text = words.errors(result.errors, result.passed, result.failed)
        } else if result.failed > 0 {
            cssClass = "fail"
            text = words.someFailed(result.failed, result.claims.count)
        } else if !hasClaims {
            (cssClass, text) = ("", words.noClaims)
        } else {
            cssClass = "pass"
            text = result.passed == 1 ? words.oneVerified : words.allVerified(result.passed)
        }
    }
}
