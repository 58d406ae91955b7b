/// One sentence of one article that is evidence for one indicator about one country.
public struct Finding: Sendable, Equatable, Codable, Identifiable {
    public var id: FindingID
    public var articleID: ArticleID
    public var month: Month?
    public var country: CountryCode
    public var indicator: IndicatorID
    /// Every pattern that fired for this indicator in the sentence, sorted.
    public var rules: [RuleID]
    public var severity: Int
    public var polarity: Polarity
    public var method: AttributionMethod
    /// Human-readable: which name, and how it was chosen ("sentence: 'Kazakhstan' (name)").
    public var attribution: String
    public var confidence: Double
    public var qualifier: Qualifier?
    /// The exact sentence, as it stands in the cleaned text.
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// The sentence's span in the original text (page noise included), scalar offsets.
    public var originalStart: Int?
    public var originalEnd: Int?
    /// The people the sentence names as its subject (victims, the detained, counted groups), read
    /// when the finding was made; speakers are not among them.
    public var people: [PersonMention]

    public init(id: FindingID, articleID: ArticleID, month: Month?, country: CountryCode, indicator: IndicatorID, rules: [RuleID],
                severity: Int, polarity: Polarity, method: AttributionMethod, attribution: String, confidence: Double, qualifier: Qualifier?,
                sentence: String, sentenceStart: Int, sentenceEnd: Int, originalStart: Int?, originalEnd: Int?, people: [PersonMention] = []) {
        self.id = id
        self.articleID = articleID
        self.month = month
        self.country = country
        self.indicator = indicator
        self.rules = rules
        self.severity = severity
        self.polarity = polarity
        self.method = method
        self.attribution = attribution
        self.confidence = confidence
        self.qualifier = qualifier
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.originalStart = originalStart
        self.originalEnd = originalEnd
        self.people = people
    }

    /// The stable id: the same sentence, indicator and country of the same article always get it,
    /// so review decisions survive re-analysis.
    public static func makeID(article: ArticleID, sentenceStart: Int, sentenceEnd: Int, indicator: IndicatorID, country: CountryCode) -> FindingID {
        // "f" and the first 16 hex digits of ContentHash.of(article, "\(start)", "\(end)", indicator,
        // country), made without the intermediate strings (one id per finding).
        var hash = ContentHash()
        hash.update(article.rawValue)
        hash.update(decimal: sentenceStart)
        hash.update(decimal: sentenceEnd)
        hash.update(indicator.rawValue)
        hash.update(country.rawValue)
        return FindingID(hash.shortDigest(prefix: UInt8(ascii: "f")))
    }
}
