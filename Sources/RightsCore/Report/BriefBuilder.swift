import Foundation

/// Reads what a month's briefs need from the store and scores it.
public struct BriefBuilder: Sendable {
    public let rules: RuleSet
    /// How many months the concern picture covers, ending with the brief's month.
    public var historyMonths = 6
    /// Quotes per covered indicator.
    public var quotesPerIndicator = 3

    public init(rules: RuleSet) {
        self.rules = rules
    }

    public func build(month: Month, countries only: [CountryCode] = [], store: RightsStore) throws -> MonthBriefs {
        var months = [month]
        while months.count < historyMonths { months.insert(months[0].previous, at: 0) }
        let firstNeeded = months[0].previous
        // Only the months the brief shows (and the one before, for trends), read month by month.
        var findings: [Finding] = []
        var shownMonth = firstNeeded
        while shownMonth <= month {
            findings += try store.findings(FindingFilter(month: shownMonth, countries: only))
            shownMonth = shownMonth.next
        }
        let reviews = try store.reviews()
        let articles = try store.articleReferences(Array(Set(findings.map(\.articleID))))
        let inputs = findings.map { ScoringInput(finding: $0, source: articles[$0.articleID]?.source, decision: reviews[$0.id]?.decision) }
        let weights = rules.indicators.map { Scorer.Weight(indicator: $0.id, weight: $0.weight) }
        var scoresByMonth: [Month: [CountryCode: CountryScore]] = [:]
        for shown in months {
            let scores = Scorer.score(inputs, month: shown, indicators: weights, config: rules.scoring)
            scoresByMonth[shown] = Dictionary(uniqueKeysWithValues: scores.map { ($0.country, $0) })
        }
        let current = scoresByMonth[month] ?? [:]
        let countable = inputs.filter { $0.decision != .rejected && $0.finding.month == month && $0.finding.confidence >= rules.scoring.minimumConfidence }
        var briefs: [CountryBrief] = []
        for (code, score) in current.sorted(by: { $0.key < $1.key }) {
            let mine = countable.filter { $0.finding.country == code }
            var evidence: [(IndicatorID, [Quote])] = []
            for indicator in rules.indicators {
                let candidates = mine.filter { $0.finding.indicator == indicator.id }.sorted(by: Self.strongestFirst)
                var quotes: [Quote] = []
                var sentences = Set<String>()
                for input in candidates where quotes.count < quotesPerIndicator && sentences.insert(input.finding.sentence).inserted {
                    quotes.append(Quote(finding: input.finding, article: articles[input.finding.articleID], isVerified: input.decision == .accepted))
                }
                if !quotes.isEmpty { evidence.append((indicator.id, quotes)) }
            }
            var perSource: [String: Set<ArticleID>] = [:]
            for input in mine { perSource[input.source ?? "unknown source", default: []].insert(input.finding.articleID) }
            let sources = perSource.map { (name: $0.key, articles: $0.value.count) }.sorted { ($1.articles, $0.name) < ($0.articles, $1.name) }
            briefs.append(CountryBrief(
                code: code, name: rules.gazetteer.country(code)?.name ?? code.rawValue, score: score, evidence: evidence,
                history: months.map { ($0, scoresByMonth[$0]?[code]) }, sources: sources))
        }
        let undatedIDs = try store.articleSummaries(undatedOnly: true).map(\.id)
        let undated = try store.articleReferences(undatedIDs).values.sorted { $0.id < $1.id }
        return MonthBriefs(month: month, countries: briefs, undated: undated, indicators: rules.indicators, rulesHash: rules.contentHash)
    }

    /// Verified first, then graver, surer, earlier; the id breaks ties so output never varies.
    static func strongestFirst(_ a: ScoringInput, _ b: ScoringInput) -> Bool {
        let left = (a.decision == .accepted ? 0 : 1, -a.finding.severity, -a.finding.confidence, a.finding.articleID.rawValue, a.finding.id.rawValue)
        let right = (b.decision == .accepted ? 0 : 1, -b.finding.severity, -b.finding.confidence, b.finding.articleID.rawValue, b.finding.id.rawValue)
        return left < right
    }
}
