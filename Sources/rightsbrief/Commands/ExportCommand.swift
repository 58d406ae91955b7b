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
    var month: String

    @Option(help: ArgumentHelp("The workbook to write.", valueName: "file.xlsx"))
    var out: String?

    @Option(help: ArgumentHelp("Folder for the default workbook path.", valueName: "dir"))
    var reports: String = "reports/out"

    func validate() throws {
        if Month(rawValue: month) == nil { throw ValidationError("--month '\(month)' is not YYYY-MM.") }
        if let out, !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must name a .xlsx file.") }
    }

    func run() throws {
        let rules = try AnalyzeRunner.loadRules(common)
        let store = try common.openStoreForReading()
        let month = Month(rawValue: month)!
        let path = ExportRunner.path(out: out, reports: reports, month: month)
        let result = try ExportRunner.export(month: month, rules: rules, store: store, to: path)
        print("Wrote \(ExportRunner.display(path)): \(result.findings) findings, \(result.countries) countries, \(result.articles) articles.")
    }
}

enum ExportRunner {
    static func path(out: String?, reports: String, month: Month) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let out { return out.hasPrefix("/") ? URL(fileURLWithPath: out) : cwd.appendingPathComponent(out) }
        let base = reports.hasPrefix("/") ? URL(fileURLWithPath: reports) : cwd.appendingPathComponent(reports)
        return base.appendingPathComponent(month.rawValue).appendingPathComponent("review-\(month.rawValue).xlsx")
    }

    static func export(month: Month, rules: RuleSet, store: RightsStore, to path: URL) throws -> WorkbookExporter.Result {
        try WorkbookExporter(rules: rules, toolVersion: Rightsbrief.configuration.version).export(month: month, store: store, to: path, now: Date())
    }

    static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Bring reviewers' decisions back from a workbook.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the decisions and notes of a reviewed workbook into the store.",
            discussion: """
                Matches rows of the Findings sheet by finding id. Prints N accepted, N rejected, \
                N follow-up, N unchanged, N unknown ids. A finding on two rows with different \
                decisions is a warning naming both rows; the later row is kept. A file that is not a workbook, a missing \
                Findings sheet or column, or an unknown decision word (named with its row) changes \
                nothing and exits 1. Rejected findings then drop out of `brief` and `export`.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The reviewed workbook.", valueName: "file.xlsx"))
        var file: String

        @Option(help: ArgumentHelp("Who reviewed (recorded with each decision).", valueName: "name"))
        var reviewer: String?

        func run() throws {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : common.currentDirectory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure.usage("error: \(file): no such file") }
            let store = try common.openStore()
            let report: ReviewImportReport
            do {
                report = try ReviewImporter().importReviews(from: url, reviewer: reviewer, store: store, now: Date())
            } catch let error as LocalizedError where !(error is StoreError) {
                throw CommandFailure.problems("error: \(error.errorDescription ?? "\(error)")\nNothing was imported.")
            }
            for conflict in report.conflicts { Terminal.error("warning: \(file): \(conflict)") }
            for id in report.unknownIDs.prefix(20) { Terminal.error("warning: unknown finding id \(id) skipped (re-analysed since export?)") }
            print("\(report.accepted) accepted, \(report.rejected) rejected, \(report.followUp) follow-up, \(report.unchanged) unchanged, \(report.unknownIDs.count) unknown ids")
        }
    }
}
