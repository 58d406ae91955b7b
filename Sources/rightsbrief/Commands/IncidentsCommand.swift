import ArgumentParser
import Foundation
import RightsCore

struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List a month's incidents: findings grouped into events, with the people they name.",
        discussion: """
            Findings of one month and country that report the same event (the same person or count, \
            the same place, the same action within a few days, or a syndicated sentence) are one \
            incident; the thresholds are the incidents: section of rules/scoring.yaml, the people word \
            lists rules/people.yaml. text: one block per incident. jsonl: one JSON object per incident.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The month to list.", valueName: "YYYY-MM"))
    var month: Month

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    func run() throws {
        let result: MonthIncidents
        do { result = try common.workspace(.readOnly).incidents(month: month) } catch let error as IncidentError {
            throw CommandFailure.problems("error: " + (error.errorDescription ?? "invalid incident rules"))
        }
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for incident in result.incidents { print(String(decoding: try encoder.encode(incident), as: UTF8.self)) }
        case .text:
            for incident in result.incidents {
                let days = incident.firstDay == incident.lastDay ? incident.firstDay ?? "undated" : "\(incident.firstDay ?? "?") – \(incident.lastDay ?? "?")"
                print("\(incident.id)  \(incident.country)  \(days)  \(incident.indicators.map(\.rawValue).joined(separator: ", "))")
                print("  \(incident.articles.count) article\(incident.articles.count == 1 ? "" : "s"), \(incident.sources.count) source\(incident.sources.count == 1 ? "" : "s"): "
                    + VisibleControls.escaped(incident.articles.map(\.rawValue).joined(separator: ", ")))
                if !incident.people.isEmpty { print("  people: " + VisibleControls.escaped(incident.people.map(\.description).joined(separator: "; "))) }
                if let first = incident.findings.first, let evidence = result.evidence[first] {
                    print("  \"\(VisibleControls.escaped(evidence.finding.sentence))\"")
                }
            }
            let people = Set(result.incidents.flatMap(\.people).compactMap(\.key)).count
            let findings = result.incidents.reduce(0) { $0 + $1.findings.count }
            print("\(result.incidents.count) incidents from \(findings) findings; \(people) people named")
        }
    }
}
