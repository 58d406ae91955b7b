import Foundation

/// What the evaluator needs of one finding, whether it comes from the store or from a
/// `findings --format jsonl` file (possibly another engine's output in the same form).
public struct PredictedFinding: Sendable, Equatable {
    public var pair: LabelledPair
    /// The sentence that made the finding, when known; shown beside a false positive.
    public var sentence: String?
    public var rules: [RuleID]

    public init(pair: LabelledPair, sentence: String?, rules: [RuleID]) {
        self.pair = pair
        self.sentence = sentence
        self.rules = rules
    }

    public init(_ finding: Finding) {
        self.init(pair: LabelledPair(article: finding.articleID, country: finding.country, indicator: finding.indicator),
                  sentence: finding.sentence.isEmpty ? nil : finding.sentence, rules: finding.rules)
    }

    /// Reads findings as JSON Lines: the article under `article_id` (or `article`, the gold files'
    /// key), plus `country` and `indicator`; `sentence` and `rules` are used when present.
    /// Not `id`, which `findings --format jsonl` uses for the finding's own id.
    /// - Throws: `EvaluationError` naming the file and line of the first bad line.
    public static func read(_ url: URL, display: String) throws(EvaluationError) -> [PredictedFinding] {
        var findings: [PredictedFinding] = []
        for object in try JSONLinesObjects.read(url, display: display) {
            let articleKey = object.fields["article_id"] == nil && object.fields["article"] != nil ? "article" : "article_id"
            let pair = LabelledPair(article: ArticleID(try object.string(articleKey)), country: try object.countryCode("country"),
                                    indicator: IndicatorID(try object.string("indicator")))
            let sentence = try object.checkedOptionalString("sentence")
            findings.append(PredictedFinding(pair: pair, sentence: sentence?.isEmpty == true ? nil : sentence,
                                             rules: try object.checkedOptionalStrings("rules").map(RuleID.init(rawValue:))))
        }
        return findings
    }
}
