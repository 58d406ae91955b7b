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
        let counted = inputs.filter { $0.decision != .rejected && $0.finding.confidence >= config.minimumConfidence && $0.finding.month != nil }
        let current = counted.filter { $0.finding.month == month }
        let previous = counted.filter { $0.finding.month == month.previous }
        let countries = Set(current.map(\.finding.country))
        return countries.sorted().map { country in
            let mine = current.filter { $0.finding.country == country }
            let before = previous.filter { $0.finding.country == country }
            var scores: [IndicatorScore] = []
            for weight in indicators {
                let now = mine.filter { $0.finding.indicator == weight.indicator }
                let then = before.filter { $0.finding.indicator == weight.indicator }
                var score = tally(now, indicator: weight.indicator, config: config)
                let old = tally(then, indicator: weight.indicator, config: config)
                score.previousLevel = old.level
                score.previousConcern = old.concern
                score.trend = trend(now: score, before: old)
                scores.append(score)
            }
            let totalWeight = indicators.reduce(0) { $0 + $1.weight }
            let covered = zip(indicators, scores).reduce(0.0) { $0 + $1.0.weight * (config.levelValues[$1.1.level] ?? 0) }
            let index = totalWeight > 0 ? Int((100 * covered / totalWeight).rounded()) : 0
            return CountryScore(country: country, month: month, indicators: scores, coverageIndex: index,
                                concern: scores.reduce(0) { $0 + $1.concern }, findings: mine.count,
                                articles: Set(mine.map(\.finding.articleID)).count)
        }
    }

    static func tally(_ inputs: [ScoringInput], indicator: IndicatorID, config: ScoringConfig) -> IndicatorScore {
        let articles = Set(inputs.map(\.finding.articleID))
        let sources = Set(inputs.map { $0.source ?? $0.finding.articleID.rawValue })
        var concernByArticle: [ArticleID: Int] = [:]
        for input in inputs where input.finding.polarity == .concern {
            concernByArticle[input.finding.articleID, default: 0] += input.finding.severity
        }
        let concern = concernByArticle.values.reduce(0) { $0 + min($1, config.concernCapPerArticle) }
        return IndicatorScore(indicator: indicator, findings: inputs.count, articles: articles.count, sources: sources.count,
                              concern: concern, concerns: inputs.filter { $0.finding.polarity == .concern }.count,
                              improvements: inputs.filter { $0.finding.polarity == .improvement }.count,
                              verified: inputs.filter { $0.decision == .accepted }.count,
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
