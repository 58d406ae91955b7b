import Foundation

/// Reads what a month's briefs need from the store, with the month's incidents, and scores it.
public struct BriefBuilder: Sendable {
    public let rules: RuleSet
    /// How many months the concern picture covers, ending with the brief's month.
    public var historyMonths = 6
    /// Incidents quoted per covered indicator.
    public var quotesPerIndicator = 3
    /// People listed in a brief: a store of hostile or bulk articles can name thousands in one
    /// month, and a brief is read, not searched.
    public var peoplePerBrief = 100

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// - Parameter incidents: each month's grouping, asked once per month shown (and the month before).
    public func build(month: Month, countries only: [CountryCode] = [], store: RightsStore, incidents: IncidentsOfMonth) throws -> MonthBriefs {
        var months = [month]
        while months.count < historyMonths { months.insert(months[0].previous, at: 0) }
        var needed = [months[0].previous]
        while needed.last! < month { needed.append(needed.last!.next) }
        // Only the months the brief shows (and the one before, for trends), read month by month.
        let read = try IncidentScoringInputs.read(months: needed, countries: only, store: store, incidents: incidents)
        let inputs = read.inputs, articles = read.articles
        let weights = rules.indicators.map { Scorer.Weight(indicator: $0.id, weight: $0.weight) }
        var scoresByMonth: [Month: [CountryCode: CountryScore]] = [:]
        let tallies = Scorer.tallies(inputs, config: rules.scoring)
        for shown in months {
            let scores = Scorer.score(tallies: tallies, month: shown, indicators: weights, config: rules.scoring)
            scoresByMonth[shown] = Dictionary(uniqueKeysWithValues: scores.map { ($0.country, $0) })
        }
        let current = scoresByMonth[month] ?? [:]
        let countable = inputs.filter { $0.finding.month == month && Scorer.counts($0, config: rules.scoring) }
        var briefs: [CountryBrief] = []
        for (code, score) in current.sorted(by: { $0.key < $1.key }) {
            let mine = countable.filter { $0.finding.country == code }
            let events = Dictionary(grouping: mine, by: Self.event)
            var evidence: [IndicatorEvidence] = []
            for indicator in rules.indicators {
                let quotes = self.quotes(mine.filter { $0.finding.indicator == indicator.id }, events: events, articles: articles, people: read.people)
                if !quotes.isEmpty {
                    evidence.append(IndicatorEvidence(indicator: indicator.id, quotes: Array(quotes.prefix(quotesPerIndicator)), incidents: quotes.count))
                }
            }
            var perSource: [String: Set<ArticleID>] = [:]
            for input in mine { perSource[input.source ?? "unknown source", default: []].insert(input.finding.articleID) }
            let sources = perSource.map { (name: $0.key, articles: $0.value.count) }.sorted { ($1.articles, $0.name) < ($0.articles, $1.name) }
            let named = people(events: events, read: read)
            briefs.append(CountryBrief(
                code: code, name: rules.gazetteer.country(code)?.name ?? code.rawValue, score: score, evidence: evidence,
                people: Array(named.prefix(peoplePerBrief)), peopleNamed: named.count, history: months.map { ($0, scoresByMonth[$0]?[code]) },
                sources: sources))
        }
        let undatedIDs = try store.articleSummaries(undatedOnly: true).map(\.id)
        let undated = try store.articleReferences(undatedIDs).values.sorted { $0.id < $1.id }
        return MonthBriefs(month: month, countries: briefs, undated: undated, indicators: rules.indicators, rulesHash: rules.contentHash)
    }

    /// One quote per incident of one indicator, strongest incident first: each stands for its
    /// incident with the articles and sources of all its counted findings.
    func quotes(_ candidates: [ScoringInput], events: [IncidentTally.Event: [ScoringInput]], articles: [ArticleID: ArticleReference],
                people: [FindingID: [PersonMention]]) -> [Quote] {
        // The sentence standing for an incident: verified, graver, naming someone, surer, then the
        // earliest report's earliest sentence (a lead says what happened; background does not).
        func precedes(_ a: ScoringInput, _ b: ScoringInput) -> Bool {
            func rank(_ input: ScoringInput) -> (Int, Int, Int, Double) {
                (input.decision == .accepted ? 0 : 1, -input.finding.severity, (people[input.finding.id] ?? []).contains { $0.name != nil } ? 0 : 1,
                 -input.finding.confidence)
            }
            func place(_ input: ScoringInput) -> (String, Int, String) {
                (articles[input.finding.articleID]?.day ?? "", input.finding.sentenceStart, input.finding.id.rawValue)
            }
            return rank(a) != rank(b) ? rank(a) < rank(b) : place(a) < place(b)
        }
        var best: [IncidentTally.Event: ScoringInput] = [:]
        for input in candidates {
            let event = Self.event(input)
            if let current = best[event], !precedes(input, current) { continue }
            best[event] = input
        }
        let ranked = best.map { event, input -> (ScoringInput, Quote) in
            let reports = events[event] ?? [input]
            let quote = Quote(finding: input.finding, article: articles[input.finding.articleID], isVerified: reports.contains { $0.decision == .accepted && $0.finding.indicator == input.finding.indicator },
                              incident: input.incident, articles: Set(reports.map(\.finding.articleID)).count,
                              sources: Set(reports.map { $0.source ?? $0.finding.articleID.rawValue }).count)
            return (input, quote)
        }.sorted { a, b in
            // Verified, graver, then more widely reported, then the usual order.
            let left = (a.1.isVerified ? 0 : 1, -a.0.finding.severity, -a.1.sources, -a.1.articles)
            let right = (b.1.isVerified ? 0 : 1, -b.0.finding.severity, -b.1.sources, -b.1.articles)
            return left != right ? left < right : precedes(a.0, b.0)
        }
        // A syndicated sentence of two events (a stock paragraph) is quoted once.
        var sentences = Set<String>()
        return ranked.map { $0.1 }.filter { sentences.insert($0.finding.sentence).inserted }
    }

    /// The named people of the country's incidents, each with the sentence that names them.
    func people(events: [IncidentTally.Event: [ScoringInput]], read: IncidentScoringInputs) -> [NamedPerson] {
        var result: [NamedPerson] = []
        for (event, reports) in events {
            guard case let .incident(id) = event, let incident = read.incidents[id] else { continue }
            let ordered = reports.sorted(by: Self.strongestFirst)
            var articleIDs: [ArticleID] = []
            for article in incident.articles where reports.contains(where: { $0.finding.articleID == article }) { articleIDs.append(article) }
            for person in incident.people {
                guard let name = person.name, let key = person.key else { continue }
                let surname = key.split(separator: " ").last.map(String.init)
                // Named only by findings that do not count (rejected, unsure): not listed.
                guard let naming = ordered.first(where: { input in
                    (read.people[input.finding.id] ?? []).contains { $0.key == key || ($0.key != nil && $0.key == surname) }
                }) else { continue }
                result.append(NamedPerson(name: name, role: person.role, indicator: naming.finding.indicator, finding: naming.finding, incident: id,
                                          firstDay: incident.firstDay, articles: articleIDs.compactMap { read.articles[$0] }))
            }
        }
        return result.sorted { ($0.firstDay ?? "", $0.name, $0.incident) < ($1.firstDay ?? "", $1.name, $1.incident) }
    }

    static func event(_ input: ScoringInput) -> IncidentTally.Event {
        input.incident.map(IncidentTally.Event.incident) ?? .finding(input.finding.id)
    }

    /// Verified first, then graver, surer, earlier; the id breaks ties so output never varies.
    static func strongestFirst(_ a: ScoringInput, _ b: ScoringInput) -> Bool {
        let left = (a.decision == .accepted ? 0 : 1, -a.finding.severity, -a.finding.confidence, a.finding.articleID.rawValue, a.finding.id.rawValue)
        let right = (b.decision == .accepted ? 0 : 1, -b.finding.severity, -b.finding.confidence, b.finding.articleID.rawValue, b.finding.id.rawValue)
        return left < right
    }
}
