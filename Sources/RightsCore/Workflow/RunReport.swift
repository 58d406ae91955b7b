import Foundation

/// What `Workspace.run` did: the ingest, the analysis, and the articles left without a month.
public struct RunReport: Sendable {
    public var ingest: IngestReport
    public var analysis: AnalysisReport
    /// Stored without a date: listed in each month's index, never scored.
    public var undatedArticles: Int
}

/// What `run` wrote for one month.
public struct MonthOutput: Sendable {
    public var briefs: MonthlyReports.Result
    /// The review workbook, unless workbooks were not wanted.
    public var workbook: URL?
}
