/// Everything a month's briefs show, computed from the store and the rules; rendering only formats it.
public struct MonthBriefs: Sendable {
    public var month: Month
    public var countries: [CountryBrief]
    /// Articles without a date: listed, never scored.
    public var undated: [ArticleReference]
    public var indicators: [Indicator]
    public var rulesHash: String
}

/// One country's brief.
public struct CountryBrief: Sendable {
    public var code: CountryCode
    public var name: String
    public var score: CountryScore
    /// The strongest evidence per covered indicator.
    public var evidence: [(indicator: IndicatorID, quotes: [Quote])]
    /// Concern per indicator over the months shown in the picture (oldest first).
    public var history: [(month: Month, scores: CountryScore?)]
    public var sources: [(name: String, articles: Int)]
}

/// One quoted sentence with where it came from.
public struct Quote: Sendable, Equatable {
    public var finding: Finding
    public var article: ArticleReference?
    public var isVerified: Bool
}
