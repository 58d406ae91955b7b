import Foundation

/// Progress of a long run, reported after each file.
public struct IngestProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var elapsed: TimeInterval
}

/// What an ingest did: counts, every rejected input with its reason, and warnings.
public struct IngestReport: Sendable {
    public var inserted: [ArticleID] = []
    public var updated: [ArticleID] = []
    public var duplicates: [(id: ArticleID, existing: ArticleID)] = []
    public var problems: [IngestProblem] = []
    public var warnings: [IngestWarning] = []
    /// Articles stored without a date (listed, never dropped).
    public var undated: [ArticleID] = []
    public var bytesRead = 0
    public var elapsed: TimeInterval = 0

    public var hasRejections: Bool { !problems.isEmpty }
}

/// Reads inputs, cleans them and stores them in batches.
public struct IngestPipeline: Sendable {
    public var reader: CorpusReader
    public var builder: ArticleBuilder
    public var batchSize: Int

    public init(reader: CorpusReader, builder: ArticleBuilder, batchSize: Int = 500) {
        self.reader = reader
        self.builder = builder
        self.batchSize = batchSize
    }

    /// Ingests `files` into `store`. Problems with single inputs are collected, not thrown.
    /// - Throws: `StoreError` when the store itself fails (then nothing of the failed batch is stored).
    public func run(_ files: [InputFile], into store: RightsStore, clock: @Sendable () -> Date = Date.init,
                    progress: ((IngestProgress) -> Void)? = nil) throws -> IngestReport {
        let started = clock()
        var report = IngestReport()
        var batch: [Article] = []
        var idsInBatch: [ArticleID: String] = [:]

        func flush() throws {
            guard !batch.isEmpty else { return }
            for outcome in try store.insert(batch, at: clock()) {
                switch outcome {
                case let .inserted(id): report.inserted.append(id)
                case let .updated(id): report.updated.append(id)
                case let .duplicate(id, existing): report.duplicates.append((id, existing))
                }
            }
            batch.removeAll(keepingCapacity: true)
            idsInBatch.removeAll(keepingCapacity: true)
        }

        for (index, file) in files.enumerated() {
            var events: [ReaderEvent] = []
            reader.read(file) { events.append($0) }
            for event in events {
                switch event {
                case let .problem(problem): report.problems.append(problem)
                case let .warning(warning): report.warnings.append(warning)
                case let .article(raw):
                    switch builder.build(raw) {
                    case let .failure(problem): report.problems.append(problem)
                    case let .success(article):
                        // Two different texts claiming one id in the same batch: keep the first.
                        if let other = idsInBatch[article.id] {
                            if batch.contains(where: { $0.contentHash == article.contentHash }) {
                                report.duplicates.append((article.id, article.id))
                            } else {
                                report.problems.append(IngestProblem(raw.origin, .idInUse(id: article.id.rawValue, by: other)))
                            }
                            continue
                        }
                        if article.isUndated { report.undated.append(article.id) }
                        idsInBatch[article.id] = article.origin.description
                        batch.append(article)
                        if batch.count >= batchSize { try flush() }
                    }
                }
            }
            report.bytesRead += file.byteCount
            progress?(IngestProgress(filesDone: index + 1, filesTotal: files.count, bytesDone: report.bytesRead,
                                     elapsed: clock().timeIntervalSince(started)))
        }
        try flush()
        // An undated article that turned out to be a duplicate is not a new undated article.
        let stored = Set(report.inserted + report.updated)
        report.undated = report.undated.filter { stored.contains($0) }
        report.elapsed = clock().timeIntervalSince(started)
        return report
    }
}
