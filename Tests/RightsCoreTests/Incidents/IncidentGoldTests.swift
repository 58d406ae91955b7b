import Foundation
import Testing
@testable import RightsCore

/// `samples/incidents.gold.json`: which sample articles report one event, and whom it names.
struct IncidentGold: Decodable {
    struct Event: Decodable {
        var event: String
        var country: String
        var articles: [String]
        var people: [Person]
    }

    struct Person: Decodable {
        var name: String?
        var count: Int?
        var role_class: String?
    }

    var events: [Event]

    static func read() throws -> IncidentGold {
        try JSONDecoder().decode(IncidentGold.self, from: Data(contentsOf: TestPaths.repository.appendingPathComponent("samples/incidents.gold.json")))
    }
}

/// The samples analysed and grouped as `rightsbrief incidents` does, scored against the gold.
@Suite struct IncidentGoldTests {
    static func groupSamples() async throws -> [MonthIncidents] {
        let store = try RightsStore()
        let files = InputCollector.collect([TestPaths.repository.appendingPathComponent("samples").path], relativeTo: TestPaths.repository).files
        let ingest = try IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)))
            .run(files, into: store)
        #expect(ingest.problems.isEmpty)
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        let rules = ShippedIncidentRules.rules
        return try store.monthsWithFindings().map { try MonthIncidents.read(store: store, month: $0, extractor: rules.extractor, settings: rules.settings) }
    }

    @Test("samples: pairwise precision and recall of the grouping ≥ 0.9, people found ≥ 0.9")
    func grouping() async throws {
        let gold = try IncidentGold.read()
        let months = try await Self.groupSamples()
        var incidentOf: [FindingID: IncidentID] = [:]
        var findings: [IncidentEvidence] = []
        for month in months {
            for incident in month.incidents { for id in incident.findings { incidentOf[id] = incident.id } }
            findings += month.evidence.values
        }
        var eventOf: [ArticleID: IncidentGold.Event] = [:]
        for event in gold.events { for article in event.articles { eventOf[ArticleID(article)] = event } }
        #expect(Set(eventOf.keys).isSubset(of: Set(findings.map(\.finding.articleID))), "every gold article has a finding")

        // Every finding of a gold article about the event's country belongs to that event.
        let labelled = findings.filter { eventOf[$0.finding.articleID]?.country == $0.finding.country.rawValue }.sorted { $0.finding.id < $1.finding.id }
        var truePairs = 0, predictedPairs = 0, goldPairs = 0
        for (position, one) in labelled.enumerated() {
            for other in labelled[(position + 1)...] {
                let sameEvent = eventOf[one.finding.articleID]?.event == eventOf[other.finding.articleID]?.event
                let sameIncident = incidentOf[one.finding.id] == incidentOf[other.finding.id]
                if sameEvent { goldPairs += 1 }
                if sameIncident { predictedPairs += 1 }
                if sameEvent && sameIncident { truePairs += 1 }
            }
        }
        let precision = Double(truePairs) / Double(max(1, predictedPairs)), recall = Double(truePairs) / Double(max(1, goldPairs))

        var peopleTotal = 0, peopleFound = 0
        for event in gold.events {
            let incidents = Set(labelled.filter { event.articles.contains($0.finding.articleID.rawValue) }.compactMap { incidentOf[$0.finding.id] })
            let named = months.flatMap(\.incidents).filter { incidents.contains($0.id) }.flatMap(\.people)
            for person in event.people {
                peopleTotal += 1
                let found = named.contains { mention in
                    (person.name.map { Tokenizer.words($0).joined(separator: " ") == mention.key } ?? (mention.name == nil && mention.count == person.count))
                        && (person.role_class == nil || person.role_class == mention.roleClass)
                }
                if found { peopleFound += 1 } else { print("incidents gold: \(event.event): not found \(person)") }
            }
        }
        let peopleShare = Double(peopleFound) / Double(max(1, peopleTotal))
        print("incidents on samples: \(labelled.count) labelled findings, \(goldPairs) gold pairs, \(predictedPairs) predicted, \(truePairs) both: "
            + "pairwise precision \(String(format: "%.2f", precision)) recall \(String(format: "%.2f", recall)); people found \(peopleFound)/\(peopleTotal) "
            + "(\(String(format: "%.2f", peopleShare)))")
        #expect(goldPairs > 20)
        #expect(precision >= 0.9)
        #expect(recall >= 0.9)
        #expect(peopleShare >= 0.9)
    }

    @Test("grouping twice gives the same incidents and ids")
    func stableIDs() async throws {
        let first = try await Self.groupSamples().flatMap(\.incidents)
        let second = try await Self.groupSamples().flatMap(\.incidents)
        #expect(!first.isEmpty)
        #expect(first == second)
    }
}
