import Foundation
import RightsCore

/// Shows what a workspace reports: a progress line while a step runs (on a terminal), then the
/// step's summary.
struct CommandProgress: WorkspaceEvents {
    /// The store as typed, for the ingest summary.
    let store: GivenPath
    /// The reports folder as typed, for `run`'s line per month (`run` gives it).
    var reports: GivenPath?
    private let ingestLine = Terminal.ProgressLine()
    private let analysisLine = Terminal.ProgressLine()

    init(store: GivenPath, reports: GivenPath? = nil) {
        self.store = store
        self.reports = reports
    }

    func ingesting(_ progress: IngestProgress) {
        let megabytes = Double(progress.bytesDone) / 1_000_000
        let rate = progress.elapsed > 0 ? megabytes / progress.elapsed : 0
        ingestLine.update("Ingesting \(progress.filesDone)/\(progress.filesTotal) files · \(String(format: "%.1f", megabytes)) MB · \(String(format: "%.1f", rate)) MB/s",
                          force: progress.filesDone == progress.filesTotal)
    }

    func analysing(_ done: Int, of total: Int) {
        analysisLine.update("Analysing \(done)/\(total) articles", force: done == total)
    }

    func ingested(_ report: IngestReport) {
        ingestLine.finish()
        IngestSummary.show(report, store: store)
    }

    func analysed(_ report: AnalysisReport) {
        analysisLine.finish()
        AnalysisSummary.show(report)
    }

    func wrote(_ output: MonthOutput) {
        let month = output.briefs.month
        let countries = output.briefs.countries
        var line = "\(month): \(reports?.written ?? WorkspacePaths.defaultReports)/\(month)/index.md, \(countries.count) country briefs (\(countries.map(\.rawValue).joined(separator: " ")))"
        if let workbook = output.workbook { line += ", review workbook \(GivenPath.shown(workbook))" }
        print(line)
    }
}
