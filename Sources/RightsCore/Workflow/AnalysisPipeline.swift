import Dispatch
import Foundation

/// What `analyze` did.
public struct AnalysisReport: Sendable {
    public var runID: Int64?
    public var articlesAnalyzed = 0
    public var articlesUpToDate = 0
    /// Re-ingested with new text (or removed) while being analysed: not stored, still to analyse.
    public var articlesChanged = 0
    public var findings = 0
    public var bytes = 0
    public var elapsed: TimeInterval = 0
    public var rulesHash = ""
}

/// Analyses stored articles in parallel and stores their findings batch by batch.
///
/// The only place with concurrency: each task is pure (article + shared `CompiledRules` →
/// findings); one writer stores each batch in one transaction, so `kill -9` at any moment leaves
/// every article with either its old findings or its new ones.
public struct AnalysisPipeline: Sendable {
    public let analyzer: ArticleAnalyzer
    public var batchSize: Int
    public var parallelism: Int
    /// Reads and writes of the store run beside the analysis (the default with more than one core).
    public var overlapsStore = UsableCores.count > 1
    /// Word caches kept warm from one page to the next, one per running part.
    private let caches = WordCachePool()
    static let partsPerTask = 4

    /// One task per core; the store writer's thread shares them: the analysis is the larger part
    /// of the work, so on two cores two tasks beat one (docs/PERFORMANCE.md).
    public static var defaultParallelism: Int { UsableCores.count }

    /// Articles per page. Each page is one read and one write transaction, and that cost per page
    /// counts, so pages are large; three are in hand at once, which bounds the memory
    /// (docs/PERFORMANCE.md).
    public static let defaultBatchSize = 1024

    public init(compiled: CompiledRules, batchSize: Int = AnalysisPipeline.defaultBatchSize, parallelism: Int = AnalysisPipeline.defaultParallelism) {
        var analyzer = ArticleAnalyzer(compiled)
        analyzer.detail = .findings
        self.analyzer = analyzer
        self.batchSize = batchSize
        self.parallelism = max(1, parallelism)
    }

    /// Analyses every article not yet analysed with these rules (`force`: all of them).
    ///
    /// With more than one core three things overlap: the next page of articles is read, this page
    /// is analysed (with the next), and the findings of the pages before are written. At most five pages are held
    /// at a time (one read ahead, two analysed, two waiting for the writer), so memory does not
    /// grow with the store.
    public func run(store: RightsStore, force: Bool = false, clock: @Sendable () -> Date = Date.init,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> AnalysisReport {
        let started = clock()
        let hash = analyzer.compiled.contentHash
        var report = AnalysisReport(rulesHash: hash)
        let total = try store.countArticlesToAnalyse(rulesHash: hash, force: force)
        report.articlesUpToDate = try store.articleCount() - total
        guard total > 0 else {
            report.elapsed = clock().timeIntervalSince(started)
            return report
        }
        let runID = try store.beginRun(command: "analyze", rulesHash: hash, at: clock())
        report.runID = runID
        // Taken before the first page is read: while no article is written, none needs checking at each write.
        let version = try store.articleVersion()
        let batchSize = self.batchSize
        @Sendable func page(after last: ArticleID?, limit: Int) throws -> [ArticleText] {
            try store.articleTextsToAnalyse(rulesHash: hash, force: force, after: last, limit: limit)
        }
        // The first page is short: the cores wait for it, and with it analysed the next are read.
        // With overlapping, the last pages are short too: the writer stores the last one alone,
        // after the analysis has ended, and a page of 1,024 articles took a fiftieth of the run.
        let overlapsStore = self.overlapsStore
        func pageSize(afterReading read: Int) -> Int {
            if read == 0 { return max(1, batchSize / 8) }
            return overlapsStore && total - read <= 2 * batchSize ? max(1, batchSize / 4) : batchSize
        }
        @Sendable func write(_ results: [AnalysedArticle]) throws -> Written {
            let skipped = Set(try store.storeAnalysis(results, rulesHash: hash, runID: runID, unchangedSince: version))
            let stored = results.filter { !skipped.contains($0.id) }
            return Written(stored: stored.count, findings: stored.reduce(0) { $0 + $1.findings.count }, changed: skipped.count)
        }
        func count(_ written: Written?) {
            guard let written else { return }
            report.articlesAnalyzed += written.stored
            report.findings += written.findings
            report.articlesChanged += written.changed
        }
        var processed = 0
        func advance(past articles: [ArticleText]) {
            processed += articles.count
            report.bytes += articles.reduce(0) { $0 + $1.cleaned.text.utf8.count }
            progress?(processed, max(total, processed))
        }
        if overlapsStore {
            // Store calls block their thread: they run on queues of their own, so that the
            // cooperative threads (one per core) are all free for analysis.
            let reads = DispatchQueue(label: "rightsbrief.analysis.read")
            let writes = DispatchQueue(label: "rightsbrief.analysis.write")
            let firstSize = pageSize(afterReading: 0)
            var nextPage = Task { try await Self.run(on: reads) { try page(after: nil, limit: firstSize) } }
            var read = 0
            // Up to two pages wait for the writer, so that a slow write does not hold up the analysis.
            var pendingWrites: [Task<Written, Error>] = []
            // Two pages are analysed at a time: while the last parts of one finish, the cores start
            // on the next instead of waiting for them.
            var analysing: (articles: [ArticleText], results: Task<[AnalysedArticle], Never>)?
            func handOver(_ page: (articles: [ArticleText], results: Task<[AnalysedArticle], Never>)) async throws {
                let results = await page.results.value
                if pendingWrites.count >= 2 { count(try await pendingWrites.removeFirst().value) }
                pendingWrites.append(Task { try await Self.run(on: writes) { try write(results) } })
                advance(past: page.articles)
            }
            while true {
                let articles = try await nextPage.value
                guard let last = articles.last?.id else { break }
                read += articles.count
                let size = pageSize(afterReading: read)
                nextPage = Task { try await Self.run(on: reads) { try page(after: last, limit: size) } }
                let results = Task { await analyze(articles) }
                if let previous = analysing { try await handOver(previous) }
                analysing = (articles, results)
            }
            if let previous = analysing { try await handOver(previous) }
            for pending in pendingWrites { count(try await pending.value) }
        } else {
            // On one core nothing overlaps: threads handing pages to each other would only add
            // switches, so each page is read, analysed and written in turn on this thread.
            var last: ArticleID?
            while true {
                let articles = try page(after: last, limit: pageSize(afterReading: processed))
                guard let next = articles.last?.id else { break }
                last = next
                count(try write(await analyze(articles)))
                advance(past: articles)
            }
        }
        try store.finishRun(runID, articlesAnalyzed: report.articlesAnalyzed, findings: report.findings, at: clock())
        report.elapsed = clock().timeIntervalSince(started)
        return report
    }

    /// What one page's write stored.
    private struct Written: Sendable {
        var stored: Int, findings: Int, changed: Int
    }

    private static func run<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Analyses articles on all cores; results in input order.
    public func analyze(_ articles: [ArticleText]) async -> [AnalysedArticle] {
        let analyzer = self.analyzer
        let caches = self.caches
        // Several parts per task, so that a task that finishes early takes another part instead of
        // waiting for the slowest one.
        let parts = parallelism == 1 ? 1 : parallelism * Self.partsPerTask
        let chunk = max(1, (articles.count + parts - 1) / parts)
        return await withTaskGroup(of: (Int, [AnalysedArticle]).self) { group in
            for (part, start) in stride(from: 0, to: articles.count, by: chunk).enumerated() {
                let slice = Array(articles[start ..< min(start + chunk, articles.count)])
                group.addTask {
                    let cache = caches.take()
                    defer { caches.give(cache) }
                    return (part, slice.map {
                        AnalysedArticle(id: $0.id, contentHash: $0.contentHash, findings: analyzer.analyze($0, cache: cache).findings)
                    })
                }
            }
            var parts: [(Int, [AnalysedArticle])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap { $0.1 }
        }
    }
}

/// Word caches handed to one analysis part at a time (a cache is never shared by two at once).
///
/// A part gets the cache last used on its thread if it is idle: its table (160 KB) is then still
/// in that core's cache, not in the other core's.
final class WordCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [(thread: pthread_t, cache: WordCache)] = []

    func take() -> WordCache {
        let thread = pthread_self()
        return lock.withLock {
            let index = idle.lastIndex { pthread_equal($0.thread, thread) != 0 } ?? idle.indices.last
            return index.map { idle.remove(at: $0).cache }
        } ?? WordCache()
    }

    func give(_ cache: WordCache) {
        let thread = pthread_self()
        lock.withLock { idle.append((thread, cache)) }
    }
}
