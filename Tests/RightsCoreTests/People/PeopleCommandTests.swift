import Foundation
import Testing
@testable import RightsCore

/// `explain` and `findings --format jsonl|csv` show the people of each finding, and the exports its incident.
@Suite struct PeopleCommandTests {
    static let runnable = CommandLineTests.binary != nil

    /// The incident samples, ingested and analysed into a store in `folder`.
    static func analysedSamples(in folder: TemporaryFolder) throws -> String {
        let db = folder.url.appendingPathComponent("store.sqlite").path
        let samples = TestPaths.repository.appendingPathComponent("samples/feeds/incidents-2026.jsonl").path
        #expect(try CommandLineTests.run(["ingest", samples, "--db", db]).status == 0)
        #expect(try CommandLineTests.run(["analyze", "--db", db]).status == 0)
        return db
    }

    @Test("explain shows the people under each finding", .enabled(if: runnable))
    func explain() throws {
        let output = try CommandLineTests.run(["explain", FindingPeopleTests.sentence])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        let findings = lines.indices.filter { lines[$0].hasPrefix("  finding ") }
        #expect(!findings.isEmpty)
        for index in findings { #expect(lines[index + 1].trimmingCharacters(in: .whitespaces) == "people: Amina Yusuf (journalist); 12 activists") }
    }

    @Test("findings --format jsonl: people as objects, and the incident id `incidents` gives", .enabled(if: runnable))
    func jsonLines() throws {
        let folder = try TemporaryFolder()
        let db = try Self.analysedSamples(in: folder)
        let output = try CommandLineTests.run(["findings", "--db", db, "--format", "jsonl"])
        #expect(output.status == 0, "\(output.stderr)")
        let objects = try output.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(!objects.isEmpty)
        let nurova = objects.filter { (($0["people"] as? [[String: Any]]) ?? []).contains { $0["name"] as? String == "Aigerim Nurova" } }
        #expect(!nurova.isEmpty)
        let person = try #require((nurova[0]["people"] as? [[String: Any]])?.first { $0["name"] as? String == "Aigerim Nurova" })
        #expect(person["role"] as? String == "reporter")
        #expect(person["role_class"] as? String == "media_worker")
        // Every finding has an incident, and the ids are those `incidents` lists for the month.
        let incidents = try CommandLineTests.run(["incidents", "--db", db, "--month", "2026-10", "--format", "jsonl"])
        let listed = try incidents.stdout.split(separator: "\n").map { try JSONDecoder().decode(Incident.self, from: Data($0.utf8)) }
        var incidentOf: [String: String] = [:]
        for incident in listed { for finding in incident.findings { incidentOf[finding.rawValue] = incident.id.rawValue } }
        for object in objects where object["month"] as? String == "2026-10" {
            #expect(object["incident_id"] as? String == incidentOf[object["id"] as? String ?? ""])
        }
        #expect(Set(nurova.compactMap { $0["incident_id"] as? String }).count == 1)
        // The incident does not depend on the filter: one indicator alone gives the same ids.
        let filtered = try CommandLineTests.run(["findings", "--db", db, "--format", "jsonl", "--indicator", "press_freedom"])
        for line in filtered.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["incident_id"] as? String == incidentOf[object["id"] as? String ?? ""])
        }
    }

    @Test("findings --format csv: people in one cell, then the incident id", .enabled(if: runnable))
    func csv() throws {
        let folder = try TemporaryFolder()
        let db = try Self.analysedSamples(in: folder)
        let output = try CommandLineTests.run(["findings", "--db", db, "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",sentence,people,incident_id") == true, "\(lines.first ?? "")")
        let row = try #require(lines.first { $0.contains("Aigerim Nurova (reporter)") })
        let incident = try #require(row.split(separator: ",").last)
        #expect(incident.hasPrefix("i") && incident.count == 17, "\(row)")
    }
}
