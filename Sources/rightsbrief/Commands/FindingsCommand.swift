import ArgumentParser
import Foundation
import RightsCore

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List stored findings.",
        discussion: """
            jsonl: one JSON object per finding (article_id, country, indicator, rules, sentence, \
            confidence, attribution, people, incident_id, …), the form ../shared/tools/score.py \
            reads. csv: RFC 4180 with cells that would start a spreadsheet formula neutralised, \
            people in one cell ("Amina Yusuf (journalist); 2 activists"). table: for reading. \
            jsonl and csv group each month's findings into incidents as `incidents` does, so they \
            read the rules folder too (--rules).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl, csv }

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Only this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Only this country (ISO 3166-1 alpha-2); repeatable.", valueName: "ISO2"))
    var country: [String] = []

    @Option(help: ArgumentHelp("Only this indicator; repeatable.", valueName: "id"))
    var indicator: [String] = []

    @Option(help: "Output format: table, jsonl or csv.")
    var format: Format = .table

    func validate() throws {
        for code in country where code.count != 2 || !code.allSatisfy(\.isLetter) {
            throw ValidationError("--country '\(code)' is not an ISO 3166-1 alpha-2 code such as KZ.")
        }
    }

    func run() throws {
        let workspace = common.workspace(.readOnly)
        let store = try workspace.store()
        let filter = FindingFilter(month: month, countries: country.map { CountryCode($0.uppercased()) },
                                   indicators: indicator.map { IndicatorID($0) })
        let findings = try store.findings(filter)
        // Every month of the listed findings, grouped whole: an incident id does not depend on the filter.
        func incidents() throws -> [FindingID: IncidentID] {
            let months = Set(findings.compactMap(\.month)).sorted()
            return FindingExport.incidentIDs(try months.map { try workspace.incidents(month: $0) })
        }
        switch format {
        case .jsonl:
            let incident = try incidents()
            for finding in findings { print(FindingExport.jsonLine(finding, incident: incident[finding.id])) }
        case .csv:
            let incident = try incidents()
            print(FindingExport.csvLine(FindingExport.csvHeader))
            for finding in findings { print(FindingExport.csvLine(FindingExport.csvRow(finding, incident: incident[finding.id]))) }
        case .table:
            let rows = findings.map { [$0.month?.rawValue ?? "undated", $0.country.rawValue, $0.indicator.rawValue, $0.articleID.rawValue,
                                       String(format: "%.2f", $0.confidence), $0.sentence] }
            print(TextTable.render(header: ["month", "country", "indicator", "article", "conf", "sentence"], rows: rows, maxWidth: 70))
            print("\(findings.count) finding\(findings.count == 1 ? "" : "s")")
        }
    }
}
