/// What a workspace's steps report while they run, for the caller to show (the library prints
/// nothing). Every method does nothing unless implemented. Analysis progress comes from the
/// threads that analyse, hence `Sendable`.
public protocol WorkspaceEvents: Sendable {
    /// After each input file.
    func ingesting(_ progress: IngestProgress)
    /// After each page of articles: done of total.
    func analysing(_ done: Int, of total: Int)
    /// `run`: the ingest is done.
    func ingested(_ report: IngestReport)
    /// `run`: the analysis is done.
    func analysed(_ report: AnalysisReport)
    /// `run`: a month's briefs (and workbook) are written.
    func wrote(_ month: MonthOutput)
}

extension WorkspaceEvents {
    public func ingesting(_ progress: IngestProgress) {}
    public func analysing(_ done: Int, of total: Int) {}
    public func ingested(_ report: IngestReport) {}
    public func analysed(_ report: AnalysisReport) {}
    public func wrote(_ month: MonthOutput) {}
}

/// Reports nothing.
public struct NoWorkspaceEvents: WorkspaceEvents {
    public init() {}
}
