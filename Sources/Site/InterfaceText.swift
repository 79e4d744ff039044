/// The words the theme itself puts on a page (navigation, table of contents, verdict
/// summaries, footer), in the page's language: English, and Chinese for `lang: zh…`.
/// Any other language gets English. One table per language, here and nowhere else.
struct InterfaceText: Sendable {
    var contents: String
    var report: String
    var api: String
    var search: String
    var details: String
    var linkToSection: String
    var footerChecked: String
    var footerNotAll: String
    var reportLink: String
    var by: String
    var builtWith: String
    var notVerified: String
    var noClaims: String
    var oneVerified: String
    var allVerified: @Sendable (Int) -> String
    var someFailed: @Sendable (Int, Int) -> String
    var errors: @Sendable (Int, Int, Int) -> String
    /// Where a `persisted` value came from: (name as HTML, seconds as text, when it was
    /// computed or "") for a value read back; (name, seconds) for one computed now;
    /// (name, seconds, why, already escaped) for one computed and not stored.
    /// Introduces an identity's declarations ("where x ∈ [0, 1]").
    var whereWord: String
    /// The label of a one-link identity's verdict (its formula is shown above it).
    var identityLabel: String
    /// "line" in "line 12".
    var lineWord: String
    /// The note under a claim that rests on claims that did not pass (their links).
    var restsOn: @Sendable (String) -> String
    /// Title and column heads of the article's claim graph.
    var claimGraph: String
    var claimGraphColumns: [String]
    var persistedLoaded: @Sendable (String, String, String) -> String
    var persistedComputed: @Sendable (String, String) -> String
    var persistedUnstored: @Sendable (String, String, String) -> String

    static let english = InterfaceText(
        contents: "Contents", report: "Report", api: "API", search: "Search", details: "details",
        linkToSection: "Link to this section", footerChecked: "Every claim on this site was checked by running it",
        footerNotAll: "Not every claim on this site passed: see the", reportLink: "report", by: "By",
        builtWith: "Built with Lemma.", notVerified: "not verified", noClaims: "no claims",
        oneVerified: "its claim is verified", allVerified: { "all \($0) claims verified" },
        someFailed: { "\($0) of \($1) claims failed" },
        errors: { "\($0) error\($0 == 1 ? "" : "s"), \($1) passed, \($2) failed" },
        whereWord: "where", identityLabel: "identity, checked at random points", lineWord: "line",
        restsOn: { "Rests on a claim that did not pass (\($0)): fix that first." },
        claimGraph: "Claims and where their inputs come from",
        claimGraphColumns: ["Line", "Claim", "Status", "Inputs from blocks at", "Rests on"],
        persistedLoaded: { name, took, when in
            "\(name) was read from the store of persisted values (computed in \(took)\(when.isEmpty ? "" : " on " + when)); "
                + "the code it depends on is unchanged since."
        },
        persistedComputed: { "\($0) was computed in this run (\($1)) and stored for later runs." },
        persistedUnstored: { "\($0) was computed in this run (\($1)) and not stored: \($2)." })

    static let chinese = InterfaceText(
        contents: "目录", report: "验证报告", api: "API 参考", search: "搜索", details: "详情",
        linkToSection: "链接到本节", footerChecked: "本站的每条论断都经过运行验证",
        footerNotAll: "本站并非所有论断都已通过，参见", reportLink: "验证报告", by: "作者", builtWith: "由 Lemma 生成。",
        notVerified: "未验证", noClaims: "没有论断", oneVerified: "其论断已验证",
        allVerified: { "全部 \($0) 条论断已验证" }, someFailed: { "\($1) 条论断中 \($0) 条未通过" },
        errors: { "\($0) 个错误，\($1) 条通过，\($2) 条未通过" },
        whereWord: "其中", identityLabel: "恒等式，在随机点上检验", lineWord: "第",
        restsOn: { "依赖于未通过的论断（\($0) 行），请先修正那里。" },
        claimGraph: "论断及其输入来源",
        claimGraphColumns: ["行", "论断", "状态", "输入来自代码块（行）", "依赖的未通过论断"],
        persistedLoaded: { name, took, when in
            "\(name) 取自已保存的计算结果（\(when.isEmpty ? "" : when + " ")计算，用时 \(took)）；它所依赖的代码此后没有改动。"
        },
        persistedComputed: { "\($0) 在本次运行中计算（用时 \($1)），并已保存供以后使用。" },
        persistedUnstored: { "\($0) 在本次运行中计算（用时 \($1)），未保存：\($2)。" })

    /// The table for a page whose language is `language` (`zh`, `zh-CN`, `zh-Hans` → Chinese).
    static func forLanguage(_ language: String?) -> InterfaceText {
        (language ?? "").lowercased().hasPrefix("zh") ? chinese : english
    }
}
