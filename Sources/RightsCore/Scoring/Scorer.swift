/// Findings → per (month, country, indicator) coverage, concern and trend. Pure functions.
///
/// The unit is the incident: one event, however many articles report it (the caller groups
/// findings into incidents and passes each one's id with it). Five outlets reporting one arrest are
/// one incident; three different arrests in one article are three.
///
/// - Rejected findings never count; an incident counts for an indicator while one of its findings
///   of that indicator does. An incident with an accepted finding is verified.
/// - Findings below `minimumConfidence` or without a month are not scored.
/// - Concern is the sum over incidents of each one's gravest concern severity: an event is as grave
///   as its gravest report, and more reports of it add nothing.
/// - Coverage level comes from the number of distinct incidents (thresholds in scoring.yaml);
///   articles and sources are still counted and shown.
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
        score(tallies: tallies(inputs, config: config), month: month, indicators: indicators, config: config)
    }

    /// Whether a finding counts: not rejected, sure enough, dated.
    public static func counts(_ input: ScoringInput, config: ScoringConfig) -> Bool {
        input.decision != .rejected && input.finding.confidence >= config.minimumConfidence && input.finding.month != nil
    }

    /// Findings that count, summed per incident and (month, country, indicator).
    public static func tallies(_ inputs: [ScoringInput], config: ScoringConfig) -> [IncidentTally] {
        var tallies: [IncidentTally.Key: IncidentTally] = [:]
        for input in inputs where counts(input, config: config) {
            guard let month = input.finding.month else { continue }
            let event = input.incident.map(IncidentTally.Event.incident) ?? .finding(input.finding.id)
            let key = IncidentTally.Key(month: month, country: input.finding.country, indicator: input.finding.indicator, event: event)
            var tally = tallies[key] ?? IncidentTally(key: key)
            tally.findings += 1
            if input.finding.polarity == .concern {
                tally.hasConcern = true
                tally.gravest = max(tally.gravest, input.finding.severity)
            } else {
                tally.hasImprovement = true
            }
            if input.decision == .accepted { tally.isVerified = true }
            tally.articles.insert(input.finding.articleID)
            tally.sources.insert(input.source ?? input.finding.articleID.rawValue)
            tallies[key] = tally
        }
        return Array(tallies.values)
    }

    /// Scores from per-incident tallies (from `tallies(_:config:)`).
    public static func score(tallies: [IncidentTally], month: Month, indicators: [Weight], config: ScoringConfig) -> [CountryScore] {
        let current = tallies.filter { $0.key.month == month }
        let previous = tallies.filter { $0.key.month == month.previous }
        let countries = Set(current.map(\.key.country))
        return countries.sorted().map { country in
            let mine = current.filter { $0.key.country == country }
            let before = previous.filter { $0.key.country == country }
            var scores: [IndicatorScore] = []
            for weight in indicators {
                var score = tally(mine.filter { $0.key.indicator == weight.indicator }, indicator: weight.indicator, config: config)
                let old = tally(before.filter { $0.key.indicator == weight.indicator }, indicator: weight.indicator, config: config)
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
                                incidents: Set(mine.map(\.key.event)).count,
                                articles: mine.reduce(into: Set<ArticleID>()) { $0.formUnion($1.articles) }.count)
        }
    }

    static func tally(_ tallies: [IncidentTally], indicator: IndicatorID, config: ScoringConfig) -> IndicatorScore {
        let articles = tallies.reduce(into: Set<ArticleID>()) { $0.formUnion($1.articles) }
        let sources = tallies.reduce(into: Set<String>()) { $0.formUnion($1.sources) }
        let incidents = Set(tallies.map(\.key.event)).count
        return IndicatorScore(indicator: indicator, findings: tallies.reduce(0) { $0 + $1.findings }, incidents: incidents,
                              articles: articles.count, sources: sources.count, concern: tallies.reduce(0) { $0 + $1.gravest },
                              concerns: tallies.filter(\.hasConcern).count, improvements: tallies.filter(\.hasImprovement).count,
                              verified: tallies.filter(\.isVerified).count,
                              level: level(incidents: incidents, config: config), previousLevel: .none, previousConcern: 0, trend: nil)
    }

    public static func level(incidents: Int, config: ScoringConfig) -> CoverageLevel {
        if incidents >= config.strongIncidents { return .strong }
        if incidents >= config.moderateIncidents { return .moderate }
        if incidents >= config.thinIncidents && incidents > 0 { return .thin }
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
