/// A finding as scoring sees it: what it says, where it came from, what reviewers decided and
/// which incident (one event, however many articles report it) it belongs to.
public struct ScoringInput: Sendable, Equatable {
    public var finding: Finding
    /// The article's source (publisher), for counting distinct sources.
    public var source: String?
    public var decision: ReviewDecision?
    /// The incident the caller grouped the finding into; nil makes the finding an event of its own.
    /// Scoring takes the grouping as given, so it stays a pure function of its inputs.
    public var incident: IncidentID?

    public init(finding: Finding, source: String?, decision: ReviewDecision?, incident: IncidentID? = nil) {
        self.finding = finding
        self.source = source
        self.decision = decision
        self.incident = incident
    }
}

/// How an indicator's coverage changed since the previous month.
public enum Trend: String, Sendable, Codable, CaseIterable {
    case new, up, down, unchanged, gone

    public var symbol: String {
        switch self {
        case .new: return "new"
        case .up: return "▲ up"
        case .down: return "▼ down"
        case .unchanged: return "= unchanged"
        case .gone: return "gone"
        }
    }
}

/// The score of one indicator for one country in one month.
public struct IndicatorScore: Sendable, Equatable, Codable {
    public var indicator: IndicatorID
    public var findings: Int
    /// Distinct events: what the coverage level counts.
    public var incidents: Int
    public var articles: Int
    public var sources: Int
    /// Sum over incidents of the gravest severity among each one's concern findings.
    public var concern: Int
    /// Incidents with a concern finding, and with an improvement finding (one may have both).
    public var concerns: Int
    public var improvements: Int
    /// Incidents with a finding a reviewer accepted.
    public var verified: Int
    public var level: CoverageLevel
    public var previousLevel: CoverageLevel
    public var previousConcern: Int
    public var trend: Trend?

    /// "2 concerns, 1 improvement" style balance.
    public var balance: Int { improvements - concerns }
}

/// One country's month: every indicator (covered or not) and its coverage index.
public struct CountryScore: Sendable, Equatable, Codable {
    public var country: CountryCode
    public var month: Month
    /// One per indicator of the rule set, in the rule set's order.
    public var indicators: [IndicatorScore]
    /// 0–100: weighted share of indicators covered (see `ScoringConfig.levelValues`).
    public var coverageIndex: Int
    public var concern: Int
    public var findings: Int
    /// Distinct events over all indicators (an event touching two indicators is one).
    public var incidents: Int
    public var articles: Int

    public func score(_ indicator: IndicatorID) -> IndicatorScore? {
        indicators.first { $0.indicator == indicator }
    }
}

/// One incident's counted evidence for one (month, country, indicator).
public struct IncidentTally: Sendable, Equatable {
    /// The incident, or the finding standing alone when it has none.
    public enum Event: Hashable, Sendable {
        case incident(IncidentID)
        case finding(FindingID)
    }

    public struct Key: Hashable, Sendable {
        public var month: Month
        public var country: CountryCode
        public var indicator: IndicatorID
        public var event: Event
    }

    public var key: Key
    public var findings = 0
    /// The gravest severity of its concern findings; 0 when it has none.
    public var gravest = 0
    public var hasConcern = false
    public var hasImprovement = false
    public var isVerified = false
    public var articles: Set<ArticleID> = []
    /// Source names, or the article id for an article without one.
    public var sources: Set<String> = []

    public init(key: Key) {
        self.key = key
    }
}
