import Foundation
import Testing
@testable import RightsCore

/// `rightsbrief incidents` run as a script runs it.
@Suite struct IncidentsCommandTests {
    static let runnable = CommandLineTests.binary != nil

    @Test("incidents --month lists the month's events with their articles and people, as text and JSON lines", .enabled(if: runnable))
    func listing() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("store.sqlite").path
        let samples = TestPaths.repository.appendingPathComponent("samples/feeds/incidents-2026.jsonl").path
        #expect(try CommandLineTests.run(["ingest", samples, "--db", db]).status == 0)
        #expect(try CommandLineTests.run(["analyze", "--db", db]).status == 0)

        let text = try CommandLineTests.run(["incidents", "--db", db, "--month", "2026-10"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("people: Aigerim Nurova (reporter)"))
        #expect(text.stdout.contains("3 articles, 3 sources: kz-aktobe-reporter-nurova-detained"))

        let jsonl = try CommandLineTests.run(["incidents", "--db", db, "--month", "2026-10", "--format", "jsonl"])
        #expect(jsonl.status == 0)
        let incidents = try jsonl.stdout.split(separator: "\n").map { try JSONDecoder().decode(Incident.self, from: Data($0.utf8)) }
        let nurova = try #require(incidents.first { $0.people.contains { $0.name == "Aigerim Nurova" } })
        #expect(nurova.articles.count == 3)
        #expect(nurova.country == "KZ")
        #expect(incidents.allSatisfy { $0.id.rawValue.hasPrefix("i") })
    }

    @Test("incidents: a bad month is a usage error (2); a missing store too", .enabled(if: runnable))
    func usage() throws {
        #expect(try CommandLineTests.run(["incidents", "--month", "2026-13"]).status == 2)
        #expect(try CommandLineTests.run(["incidents"]).status == 2)
        let folder = try TemporaryFolder()
        #expect(try CommandLineTests.run(["incidents", "--month", "2026-10", "--db", folder.url.appendingPathComponent("none.sqlite").path]).status == 2)
    }

    @Test("incidents: a broken people.yaml exits 1 with its file and line", .enabled(if: runnable))
    func brokenRules() throws {
        let folder = try TemporaryFolder()
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: TestPaths.rules, to: rules)
        try "role_classes: [media_workers]\ntitles: []\norganisation_words: []\nnot_names: []\n"
            .write(to: rules.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        let db = folder.url.appendingPathComponent("store.sqlite").path
        #expect(try CommandLineTests.run(["ingest", TestPaths.repository.appendingPathComponent("samples/feeds/incidents-2026.jsonl").path, "--db", db]).status == 0)
        let output = try CommandLineTests.run(["incidents", "--db", db, "--month", "2026-10", "--rules", rules.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("people.yaml:1"))
    }
}
