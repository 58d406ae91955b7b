import ArgumentParser
import Foundation
import RightsCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a month's review workbook (.xlsx): Summary, Findings, Incidents, Articles, Rules, About.",
        discussion: """
            Reviewers choose a decision for each finding on the Findings sheet (accepted, rejected, \
            needs follow-up) and add notes, or one for a whole incident on the Incidents sheet; \
            `rightsbrief review import FILE.xlsx` reads them back. \
            Default file: <out>/<YYYY-MM>/review-<YYYY-MM>.xlsx. Written to a temporary file first, \
            so an existing workbook is only replaced by a complete one.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The month to export.", valueName: "YYYY-MM"))
    var month: Month

    @Option(help: ArgumentHelp("The workbook to write.", valueName: "file.xlsx"))
    var out: GivenPath?

    @Option(help: ArgumentHelp("Folder for the default workbook path.", valueName: "dir"))
    var reports = GivenPath(WorkspacePaths.defaultReports)

    func validate() throws {
        if let out, !out.written.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must name a .xlsx file.") }
    }

    func run() throws {
        let workspace = common.workspace(.readOnly, reports: reports)
        let path = workspace.paths.workbook(month: month, file: out)
        let result = try workspace.exportWorkbook(month: month, to: path)
        print("Wrote \(GivenPath.shown(path)): \(result.findings) findings, \(result.incidents) incidents, \(result.countries) countries, \(result.articles) articles.")
    }
}
