/// A month's incidents, as briefs and the workbook ask for them: the caller groups (the workspace
/// keeps each month's grouping for the length of a command), so the builders never regroup.
public typealias IncidentsOfMonth = (Month) throws -> MonthIncidents

/// The findings of some months as scoring inputs, each with its incident, and those incidents.
struct IncidentScoringInputs {
    var inputs: [ScoringInput]
    var incidents: [IncidentID: Incident]
    /// The people each finding names, from the grouping's evidence.
    var people: [FindingID: [PersonMention]]
    var articles: [ArticleID: ArticleReference]

    /// - Parameter countries: only these countries' findings (all when empty); incidents are
    ///   grouped per country, so leaving the others out changes none of them.
    static func read(months: [Month], countries: [CountryCode] = [], store: RightsStore, incidents: IncidentsOfMonth) throws -> IncidentScoringInputs {
        var findings: [Finding] = []
        var byID: [IncidentID: Incident] = [:]
        var incidentOf: [FindingID: IncidentID] = [:]
        var people: [FindingID: [PersonMention]] = [:]
        let wanted = Set(countries)
        for month in months {
            findings += try store.findings(FindingFilter(month: month, countries: countries))
            let grouped = try incidents(month)
            for incident in grouped.incidents where wanted.isEmpty || wanted.contains(incident.country) {
                byID[incident.id] = incident
                for finding in incident.findings { incidentOf[finding] = incident.id }
            }
            for (finding, evidence) in grouped.evidence where wanted.isEmpty || wanted.contains(evidence.finding.country) {
                people[finding] = evidence.people
            }
        }
        let reviews = try store.reviews()
        let articles = try store.articleReferences(Array(Set(findings.map(\.articleID))))
        let inputs = findings.map {
            ScoringInput(finding: $0, source: articles[$0.articleID]?.source, decision: reviews[$0.id]?.decision, incident: incidentOf[$0.id])
        }
        return IncidentScoringInputs(inputs: inputs, incidents: byID, people: people, articles: articles)
    }
}
