import ArgumentParser
import Foundation
import RightsCore

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find evidence in the stored articles and attribute it to countries.",
        discussion: """
            Only articles not yet analysed with the current rules are read: with unchanged rules a \
            second run does no work. After a rule change every article is analysed again and its \
            findings are replaced in one transaction.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(help: "Analyse every article again, even if the rules did not change.")
    var force = false

    @Option(help: ArgumentHelp("Analysis tasks in parallel (default: one per core this process may use, the store being read and written beside them; on a single core each page is read, analysed and written in turn).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let progress = CommandProgress(store: common.db)
        let report = try await common.workspace(.readWrite).analyze(force: force, parallelism: jobs, events: progress)
        progress.analysed(report)
    }
}

/// The summary `analyze` and `run` print after analysing.
enum AnalysisSummary {
    static func show(_ report: AnalysisReport) {
        if report.articlesChanged > 0 {
            print("\(report.articlesChanged) articles were re-ingested with new text during the analysis: their findings were not stored; run analyze again.")
        }
        if report.articlesAnalyzed == 0 && report.articlesChanged == 0 {
            print("Nothing to analyse: \(report.articlesUpToDate) articles already analysed with these rules (\(report.rulesHash.prefix(12))).")
            return
        }
        let rate = report.elapsed > 0 ? Double(report.bytes) / 1_000_000 / report.elapsed : 0
        print("Analysed \(report.articlesAnalyzed) articles (\(String(format: "%.2f", Double(report.bytes) / 1_000_000)) MB, \(String(format: "%.1f", rate)) MB/s): \(report.findings) findings; \(report.articlesUpToDate) already up to date. Rules \(report.rulesHash.prefix(12)).")
    }
}
