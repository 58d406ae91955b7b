import ArgumentParser
import Foundation
import RightsCore

/// `--out` and `--template`, shared by `brief` and `run`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where briefs go: <out>/<YYYY-MM>/<ISO2>.md.", valueName: "dir"))
    var out = GivenPath(WorkspacePaths.defaultReports)

    @Option(help: ArgumentHelp("Folder with brief.md.mustache and index.md.mustache.", valueName: "dir"))
    var template = GivenPath(WorkspacePaths.defaultTemplates)
}

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write a month's Markdown briefs and index from the stored findings.",
        discussion: """
            Writes <out>/<YYYY-MM>/<ISO2>.md for every country with at least one finding that month \
            (or only the --country ones), each with a concern picture <ISO2>-concern.svg, plus \
            index.md ranking the countries by concern, with a heatmap.svg. Run `analyze` first. \
            Files are replaced atomically; rejected findings (from `review import`) do not count.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var report: ReportOptions

    @Option(help: ArgumentHelp("The month to brief.", valueName: "YYYY-MM"))
    var month: Month

    @Option(help: ArgumentHelp("Only this country; repeatable.", valueName: "ISO2"))
    var country: [String] = []

    func validate() throws {
        for code in country where code.count != 2 || !code.allSatisfy(\.isLetter) {
            throw ValidationError("--country '\(code)' is not an ISO 3166-1 alpha-2 code such as KZ.")
        }
    }

    func run() throws {
        let workspace = common.workspace(.readOnly, reports: report.out, templates: report.template)
        let result = try workspace.writeBriefs(month: month, countries: country.map { CountryCode($0.uppercased()) })
        if result.countries.isEmpty {
            print("No findings for \(month)\(country.isEmpty ? "" : " in \(country.joined(separator: ", "))"): wrote \(result.files.count) files.")
        } else {
            print("Wrote \(result.countries.count) brief\(result.countries.count == 1 ? "" : "s") for \(month) in \(report.out)/\(month)/: \(result.countries.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
