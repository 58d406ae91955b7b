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
    var paths: [GivenPath] = []

    @OptionGroup var input: IngestOptions

    @Flag(help: "Write briefs only, no review workbook.")
    var noWorkbook = false

    func run() async throws {
        let samples = GivenPath("samples")
        if paths.isEmpty, !samples.exists {
            throw CommandFailure.usage("error: no samples/ folder here: run from the project folder, or name the files and folders to ingest")
        }
        let workspace = common.workspace(.readWrite, reports: report.out, templates: report.template)
        let result = try await workspace.run(inputs: paths.isEmpty ? [samples] : paths, settings: input.settings, workbooks: !noWorkbook,
                                             events: CommandProgress(store: common.db, reports: report.out))
        if result.undatedArticles > 0 {
            print("\(result.undatedArticles) undated article\(result.undatedArticles == 1 ? "" : "s") listed in each month's index.md, not scored.")
        }
        if result.ingest.hasRejections { throw CommandFailure.problems("") }
    }
}
