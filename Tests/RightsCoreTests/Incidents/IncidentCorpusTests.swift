import Foundation
import Testing
@testable import RightsCore

/// What incidents a run on corpus-hrds gives (../shared/corpus-hrds, real news): totals only, the
/// figures docs/INCIDENTS.md reports. Held-out articles are in the run but none of their incidents
/// is printed.
@Suite struct IncidentCorpusTests {
    @Test("corpus-hrds: findings, incidents and named people of a run", .enabled(if: TestPaths.hasCorpusHRDS))
    func corpusTotals() async throws {
        let store = try RightsStore()
        let files = InputCollector.collect([TestPaths.corpusHRDS.appendingPathComponent("manifest.jsonl").path], relativeTo: TestPaths.repository).files
        _ = try IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)))
            .run(files, into: store)
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        let rules = ShippedIncidentRules.rules
        var incidents: [Incident] = []
        for month in try store.monthsWithFindings() {
            incidents += try MonthIncidents.read(store: store, month: month, extractor: rules.extractor, settings: rules.settings).incidents
        }
        let findings = incidents.reduce(0) { $0 + $1.findings.count }
        let named = Set(incidents.flatMap(\.people).compactMap(\.key))
        let several = incidents.filter { $0.articles.count > 1 }
        print("incidents on corpus-hrds: \(findings) dated findings, \(incidents.count) incidents (\(several.count) of several articles), "
            + "\(named.count) people named, \(incidents.filter { $0.people.contains { $0.name != nil } }.count) incidents naming someone")
        // Every dated finding is in exactly one incident.
        #expect(findings == Set(incidents.flatMap(\.findings)).count)
        #expect(incidents.count < findings)
    }
}
