import ArgumentParser
import Foundation
import RightsCore

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The main job: ingest, analyse, then briefs and a review workbook for every month with findings.",
        discussion: """
            With no path it runs on samples/. Prints where it wrote what. Exit 1 when some input \
            was rejected (the rest is still processed and briefed).
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var report: ReportOptions

    @Argument(help: ArgumentHelp("Files or folders to ingest (default: samples).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var input: IngestOptions

    @Flag(help: "Write briefs only, no review workbook.")
    var noWorkbook = false

    func run() async throws {
        let inputs = paths.isEmpty ? ["samples"] : paths
        if paths.isEmpty, !FileManager.default.fileExists(atPath: CommandLinePath.resolve("samples").path) {
            throw CommandFailure.usage("error: no samples/ folder here: run from the project folder, or name the files and folders to ingest")
        }
        // Everything that can be checked before work starts is checked first: paths, rules, templates.
        try IngestRunner.requireExisting(inputs, common: common)
        let rules = try AnalyzeRunner.loadRules(common)
        let reports = try report.reports(rules: rules)
        let ingest = try IngestRunner.ingest(paths: inputs, common: common, input: input)
        IngestRunner.printSummary(ingest, store: common.db)
        let analysis = try await AnalyzeRunner.analyze(common: common, rules: rules, force: false, jobs: nil)
        AnalyzeRunner.printSummary(analysis)
        let store = try common.openStore()
        for month in try store.monthsWithFindings() {
            let result = try reports.write(month: month, store: store)
            var line = "\(month): \(report.out)/\(month)/index.md, \(result.countries.count) country briefs (\(result.countries.map(\.rawValue).joined(separator: " ")))"
            if !noWorkbook {
                let workbook = ExportRunner.path(out: nil, reports: report.out, month: month)
                _ = try ExportRunner.export(month: month, rules: rules, store: store, to: workbook)
                line += ", review workbook \(ExportRunner.display(workbook))"
            }
            print(line)
        }
        let undated = try store.articleSummaries(undatedOnly: true)
        if !undated.isEmpty { print("\(undated.count) undated article\(undated.count == 1 ? "" : "s") listed in each month's index.md, not scored.") }
        if ingest.hasRejections { throw CommandFailure.problems("") }
    }
}
