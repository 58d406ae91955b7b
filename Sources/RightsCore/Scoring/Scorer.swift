/// Findings → per (month, country, indicator) coverage, concern and trend. Pure functions.
///
/// - Rejected findings never count; accepted ones count as verified.
/// - Findings below `minimumConfidence` or without a month are not scored.
/// - Concern is the sum of severities of concern findings, at most `concernCapPerArticle` from
///   one article for one indicator, so one long article cannot dominate a month.
/// - Coverage level comes from the number of distinct articles (thresholds in scoring.yaml).
/// - Trend compares with the previous calendar month: new, gone, up or down by level (then by
///   concern at the same level), unchanged.
public enum Scorer {
    public struct Weight: Sendable, Equatable {
        public var indicator: IndicatorID
        public var weight: Double
        public init(indicator: IndicatorID, weight: Double) {
            self.indicator = indicator
            self.weight = weight
        }
    }

    /// Scores every country with at least one counted finding in `month`.
    public static func score(_ inputs: [ScoringInput], month: Month, indicators: [Weight], config: ScoringConfig) -> [CountryScore] {
        score(groups: groups(inputs, config: config), month: month, indicators: indicators, config: config)
    }

    /// Findings that count (not rejected, sure enough, dated), summed per article and
    /// (month, country, indicator): all scoring needs, small enough for any month.
    public static func groups(_ inputs: [ScoringInput], config: ScoringConfig) -> [EvidenceGroup] {
        var groups: [EvidenceGroup.Key: EvidenceGroup] = [:]
        for input in inputs where input.decision != .rejected && input.finding.confidence >= config.minimumConfidence {
            guard let month = input.finding.month else { continue }
            let key = EvidenceGroup.Key(month: month, country: input.finding.country, indicator: input.finding.indicator, article: input.finding.articleID)
            var group = groups[key] ?? EvidenceGroup(month: month, country: key.country, indicator: key.indicator, articleID: key.article, source: input.source)
            group.findings += 1
            if input.finding.polarity == .concern {
                group.concerns += 1
                group.concernSeverity += input.finding.severity
            } else {
                group.improvements += 1
            }
            if input.decision == .accepted { group.verified += 1 }
            groups[key] = group
        }
        return Array(groups.values)
    }

    /// Scores from per-article evidence groups (from `groups(_:config:)` or the store).
    public static func score(groups: [EvidenceGroup], month: Month, indicators: [Weight], config: ScoringConfig) -> [CountryScore] {
        let current = groups.filter { $0.month == month }
        let previous = groups.filter { $0.month == month.previous }
        let countries = Set(current.map(\.country))
        return countries.sorted().map { country in
            let mine = current.filter { $0.country == country }
            let before = previous.filter { $0.country == country }
            var scores: [IndicatorScore] = []
            for weight in indicators {
                var score = tally(mine.filter { $0.indicator == weight.indicator }, indicator: weight.indicator, config: config)
                let old = tally(before.filter { $0.indicator == weight.indicator }, indicator: weight.indicator, config: config)
                score.previousLevel = old.level
                score.previousConcern = old.concern
                score.trend = trend(now: score, before: old)
                scores.append(score)
            }
            let totalWeight = indicators.reduce(0) { $0 + $1.weight }
            let covered = zip(indicators, scores).reduce(0.0) { $0 + $1.0.weight * (config.levelValues[$1.1.level] ?? 0) }
            let index = totalWeight > 0 ? Int((100 * covered / totalWeight).rounded()) : 0
            return CountryScore(country: country, month: month, indicators: scores, coverageIndex: index,
                                concern: scores.reduce(0) { $0 + $1.concern }, findings: mine.reduce(0) { $0 + $1.findings },
                                articles: Set(mine.map(\.articleID)).count)
        }
    }

    static func tally(_ groups: [EvidenceGroup], indicator: IndicatorID, config: ScoringConfig) -> IndicatorScore {
        let articles = Set(groups.map(\.articleID))
        let sources = Set(groups.map { $0.source ?? $0.articleID.rawValue })
        let concern = groups.reduce(0) { $0 + min($1.concernSeverity, config.concernCapPerArticle) }
        return IndicatorScore(indicator: indicator, findings: groups.reduce(0) { $0 + $1.findings }, articles: articles.count, sources: sources.count,
                              concern: concern, concerns: groups.reduce(0) { $0 + $1.concerns },
                              improvements: groups.reduce(0) { $0 + $1.improvements }, verified: groups.reduce(0) { $0 + $1.verified },
                              level: level(articles: articles.count, config: config), previousLevel: .none, previousConcern: 0, trend: nil)
    }

    public static func level(articles: Int, config: ScoringConfig) -> CoverageLevel {
        if articles >= config.strongArticles { return .strong }
        if articles >= config.moderateArticles { return .moderate }
        if articles >= config.thinArticles && articles > 0 { return .thin }
        return .none
    }

    static func trend(now: IndicatorScore, before: IndicatorScore) -> Trend? {
        switch (now.level == .none, before.level == .none) {
        case (true, true): return nil
        case (false, true): return .new
        case (true, false): return .gone
        default:
            if now.level != before.level { return now.level > before.level ? .up : .down }
            if now.concern != before.concern { return now.concern > before.concern ? .up : .down }
            return .unchanged
        }
    }
}
