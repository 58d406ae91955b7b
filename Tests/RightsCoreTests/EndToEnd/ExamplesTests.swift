import Foundation
import Testing
@testable import RightsCore

/// reports/examples/ is what samples/ produces; any rule or code change that alters a brief
/// shows up here (regenerate with `make examples` and review the diff).
@Suite struct ExamplesTests {
    @Test("regenerating the briefs from samples/ gives exactly reports/examples/")
    func examplesAreCurrent() async throws {
        let store = try RightsStore()
        let files = InputCollector.collect([TestPaths.repository.appendingPathComponent("samples").path], relativeTo: TestPaths.repository).files
        let ingest = try IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)))
            .run(files, into: store)
        #expect(ingest.problems.isEmpty)
        #expect(ingest.undated.count == 1)
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        let out = try TemporaryFolder()
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: TestPaths.repository.appendingPathComponent("reports/templates"), out: out.url)
        let months = try store.monthsWithFindings()
        #expect(months.map(\.rawValue) == ["2026-09", "2026-10"])
        for month in months { _ = try reports.write(month: month, store: store, incidents: ShippedIncidents.of(store)) }

        let expected = TestPaths.repository.appendingPathComponent("reports/examples")
        let produced = try Self.files(below: out.url)
        let committed = try Self.files(below: expected)
        #expect(produced.keys.sorted() == committed.keys.sorted(), "run `make examples`")
        for (path, content) in produced.sorted(by: { $0.key < $1.key }) {
            #expect(committed[path] == content, "\(path) differs from reports/examples; run `make examples` and review the diff")
        }
    }

    static func files(below root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in enumerator where ["md", "svg"].contains(url.pathExtension) {
            result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }
}
