import ArgumentParser
import Foundation
import RightsCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a month's review workbook (.xlsx): Summary, Findings, Articles, Rules, About.",
        discussion: """
            Reviewers choose a decision for each finding on the Findings sheet (accepted, rejected, \
            needs follow-up) and add notes; `rightsbrief review import FILE.xlsx` reads them back. \
            Default file: <out>/<YYYY-MM>/review-<YYYY-MM>.xlsx. Written to a temporary file first, \
            so an existing workbook is only replaced by a complete one.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The month to export.", valueName: "YYYY-MM"))
    var month: Month

    @Option(help: ArgumentHelp("The workbook to write.", valueName: "file.xlsx"))
    var out: String?

    @Option(help: ArgumentHelp("Folder for the default workbook path.", valueName: "dir"))
    var reports: String = "reports/out"

    func validate() throws {
        if let out, !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must name a .xlsx file.") }
    }

    func run() throws {
        let rules = try AnalyzeRunner.loadRules(common)
        let store = try common.openStoreForReading()
        let path = ExportRunner.path(out: out, reports: reports, month: month)
        let result = try ExportRunner.export(month: month, rules: rules, store: store, to: path)
        print("Wrote \(ExportRunner.display(path)): \(result.findings) findings, \(result.countries) countries, \(result.articles) articles.")
    }
}

enum ExportRunner {
    static func path(out: String?, reports: String, month: Month) -> URL {
        if let out { return CommandLinePath.resolve(out) }
        return CommandLinePath.resolve(reports).appendingPathComponent(month.rawValue).appendingPathComponent("review-\(month.rawValue).xlsx")
    }

    static func export(month: Month, rules: RuleSet, store: RightsStore, to path: URL) throws -> WorkbookExporter.Result {
        try WorkbookExporter(rules: rules, toolVersion: Rightsbrief.configuration.version).export(month: month, store: store, to: path, now: Date())
    }

    static func display(_ url: URL) -> String { CommandLinePath.display(url) }
}
