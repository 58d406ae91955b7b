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
    /// The strongest incidents per covered indicator, one quote each.
    public var evidence: [IndicatorEvidence]
    /// The people the month's incidents name, for a tracker: the first `BriefBuilder.peoplePerBrief`
    /// of them by the day they were first reported.
    public var people: [NamedPerson]
    /// How many the month's incidents name in all (the workbook's Incidents sheet lists every one).
    public var peopleNamed: Int
    /// Concern per indicator over the months shown in the picture (oldest first).
    public var history: [(month: Month, scores: CountryScore?)]
    public var sources: [(name: String, articles: Int)]
}

/// One indicator's evidence: the strongest incidents, and how many there are in all.
public struct IndicatorEvidence: Sendable {
    public var indicator: IndicatorID
    public var quotes: [Quote]
    public var incidents: Int
}

/// One quoted sentence with where it came from, standing for its incident.
public struct Quote: Sendable, Equatable {
    public var finding: Finding
    public var article: ArticleReference?
    public var isVerified: Bool
    /// The incident it stands for (nil: the finding is an event of its own).
    public var incident: IncidentID?
    /// Counted articles and distinct sources reporting the incident.
    public var articles: Int
    public var sources: Int

    public init(finding: Finding, article: ArticleReference?, isVerified: Bool, incident: IncidentID? = nil, articles: Int = 1, sources: Int = 1) {
        self.finding = finding
        self.article = article
        self.isVerified = isVerified
        self.incident = incident
        self.articles = articles
        self.sources = sources
    }
}

/// A person an incident names, with what happened to them and who reported it.
public struct NamedPerson: Sendable, Equatable {
    public var name: String
    public var role: String?
    public var indicator: IndicatorID
    /// The finding whose sentence names them (else the incident's strongest).
    public var finding: Finding
    public var incident: IncidentID
    public var firstDay: String?
    /// The incident's counted articles, earliest first.
    public var articles: [ArticleReference]
}
