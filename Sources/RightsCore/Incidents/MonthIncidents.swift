import Foundation

/// The incidents of one month, with the evidence they were grouped from: the entry point that
/// reads a month's findings and articles from the store and groups them.
public struct MonthIncidents: Sendable {
    public var month: Month
    public var incidents: [Incident]
    /// Every finding's evidence (people, places), by finding id.
    public var evidence: [FindingID: IncidentEvidence]

    /// Reads the findings of `month` with the people stored with them, and their articles' sources
    /// and days, and groups them. People are not read again from the texts: `people.yaml` is in the
    /// rules hash, so a store whose findings predate the people column (migration v7, every row
    /// '[]') or whose people.yaml changed is analysed again by the next `analyze`.
    /// - Throws: `StoreError` when the store cannot be read.
    public static func read(store: RightsStore, month: Month, extractor: PeopleExtractor, settings: IncidentSettings) throws -> MonthIncidents {
        let findings = try store.findings(FindingFilter(month: month))
        var byArticle: [ArticleID: [Finding]] = [:]
        for finding in findings { byArticle[finding.articleID, default: []].append(finding) }
        let builder = IncidentEvidenceBuilder(extractor: extractor)
        var evidence: [IncidentEvidence] = []
        // A page of articles at a time: a month may hold thousands.
        let ids = byArticle.keys.sorted()
        for start in stride(from: 0, to: ids.count, by: 256) {
            for article in try store.articles(Array(ids[start ..< min(ids.count, start + 256)])) {
                evidence += builder.evidence(of: article, findings: byArticle[article.id] ?? [])
            }
        }
        let incidents = IncidentGrouper(settings: settings).group(evidence)
        return MonthIncidents(month: month, incidents: incidents,
                              evidence: Dictionary(evidence.map { ($0.finding.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// The people word lists and the grouping settings of a rules folder, read together.
public struct IncidentRules: Sendable {
    public var extractor: PeopleExtractor
    public var settings: IncidentSettings

    /// The word lists are the rule set's (`RuleSet.people`, checked when it was loaded).
    /// - Throws: `IncidentError.rules` with file and line for every problem of the settings.
    public static func load(rules folder: URL, ruleSet: RuleSet, display: String = "rules") throws -> IncidentRules {
        IncidentRules(extractor: PeopleExtractor(lexicon: ruleSet.people),
                      settings: try IncidentSettingsReader.load(rules: folder, display: display))
    }
}
