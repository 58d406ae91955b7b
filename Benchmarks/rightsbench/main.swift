import Foundation
import RightsCore

// Benchmarks for ingest and analysis on a generated corpus (never part of `swift test`).
//
//   swift run -c release rightsbench [--articles N]
//       ingest MB/s and articles/s; then `analyze` (reads, analysis, writes) held to one core, and on
//       all cores, each in a child process with its own peak memory and a copy of the ingested
//       store; then once more on all cores, replacing the findings; then the analyzer alone on one
//       core and on all cores
//   swift run -c release rightsbench --analyzer-only [--articles N] [--repeat] [--threads N] [--no-cache]
//       the analyzer alone on articles in memory, with the time of each stage
//   swift run -c release rightsbench --keep-store PATH
//       as the first form, and keep the generated store at PATH (to profile `--analyze-db PATH`)
//   swift run -c release rightsbench --export-findings N [--keep DIR]
//       one month of N findings written to a workbook (kept with its store in DIR)
//   swift run -c release rightsbench --write-only [--articles N]
//       the store's write of the findings of N generated articles alone, on this thread
//   swift run -c release rightsbench --long-article
//       one article of 1, 2 and 4 MB repeating one sentence of evidence: analysis, then the store write

#if DEBUG
FileHandle.standardError.write(Data("warning: this is a debug build; measure with `swift run -c release rightsbench`\n".utf8))
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: rightsbench [--articles N] [--keep-store PATH]
                 ingest, then analyze on 1 core and on all cores (each in a process of its own), then the analyzer alone
               rightsbench --analyzer-only [--articles N] [--repeat] [--threads N] [--no-cache]
                 the analyzer alone on generated articles in memory
               rightsbench --analyze-db PATH [--jobs N] [--one-core] [--stages] [--batch N]
                 one analysis of an existing store (every article again); --stages times read, analysis and write apart
               rightsbench --export-findings N [--keep DIR]
                 one month of N findings written to a workbook (kept with its store in DIR)
               rightsbench --write-only [--articles N]
                 the store's write of the findings of N generated articles alone, on one thread (for callgrind)
               rightsbench --long-article
                 one article of 1, 2 and 4 MB repeating one sentence of evidence
        Build with -c release: `swift run -c release rightsbench`.
        """)
    exit(0)
}
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}
let articleCount = option("--articles", default: 20_000)
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rulesFolder = repository.appendingPathComponent("rules")

/// SplitMix64: a small, seedable generator so every run reads the same corpus.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Article-like text: mostly ordinary news sentences, some rights reporting, names of places.
enum CorpusGenerator {
    static let places = ["Kazakhstan", "Almaty", "Uzbekistan", "Tashkent", "Georgia", "Tbilisi", "Belarus", "Minsk", "Turkey", "Istanbul",
                         "Nigeria", "Lagos", "Ethiopia", "Addis Ababa", "Mexico", "Venezuela", "Caracas", "Vietnam", "Hanoi", "Egypt", "Cairo",
                         "Pakistan", "Lahore", "Brazil", "France", "Germany", "India", "Kenya", "Peru", "Indonesia"]
    static let rights = [
        "Police in {P} arrested {N} journalists after they reported on corruption.",
        "Security forces opened fire on peaceful protesters in {P}, killing {N} people.",
        "A court in {P} sentenced an opposition leader to {N} years in prison on charges rights groups called politically motivated.",
        "Detainees in {P} said they were tortured in custody and denied access to lawyers.",
        "Authorities in {P} designated a human rights group a foreign agent and froze its accounts.",
        "Observers said the election in {P} was marred by ballot stuffing and intimidation of voters.",
        "Migrant workers in {P} described unpaid wages and confiscated passports.",
        "A mob attacked a church in {P} after accusations of blasphemy.",
        "The government of {P} released {N} political prisoners under an amnesty.",
        "Internet access was shut down across {P} during the protests.",
    ]
    static let filler = [
        "The central bank left interest rates unchanged on {D}, citing stable inflation.",
        "Officials in {P} opened a new railway line that cuts travel time by {N} hours.",
        "The national football team won {N}-1 in a friendly match on {D}.",
        "Farmers in {P} expect a good harvest after a wet spring.",
        "The ministry said tourism revenue rose {N} percent compared with last year.",
        "A new shopping centre opened in the capital of {P} on {D}.",
        "Heavy rain is forecast for the weekend across the north of {P}.",
        "The company reported quarterly profit of {N} million dollars.",
        "Schools in {P} will reopen after the holidays on {D}.",
        "The orchestra performed to a full house at the opera on {D}.",
    ]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func article(_ index: Int, rng: inout SplitMix64) -> (title: String, body: String, published: String) {
        var paragraphs: [String] = []
        let sentences = 18 + Int(rng.next() % 12)
        var paragraph: [String] = []
        for _ in 0 ..< sentences {
            let pool = rng.next() % 5 == 0 ? rights : filler
            var sentence = pool[Int(rng.next() % UInt64(pool.count))]
            sentence = sentence.replacingOccurrences(of: "{P}", with: places[Int(rng.next() % UInt64(places.count))])
            sentence = sentence.replacingOccurrences(of: "{N}", with: String(2 + rng.next() % 40))
            sentence = sentence.replacingOccurrences(of: "{D}", with: days[Int(rng.next() % 7)])
            paragraph.append(sentence)
            if paragraph.count == 3 { paragraphs.append(paragraph.joined(separator: " ")); paragraph = [] }
        }
        if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
        let month = 1 + index % 12
        return ("Generated article \(index)", paragraphs.joined(separator: "\n\n"), String(format: "2025-%02d-%02d", month, 1 + index % 28))
    }
}

extension CorpusGenerator {
    /// `count` generated articles built as ingest builds them (boilerplate removed), with ids
    /// `idPrefix` and their number; `withSources`: each names one of seven sources.
    static func built(_ count: Int, seed: UInt64, idPrefix: String, withSources: Bool) throws -> [Article] {
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: try BoilerplateRules.load(from: rulesFolder.appendingPathComponent("boilerplate.yaml"))))
        var generator = SplitMix64(state: seed)
        return try (0 ..< count).map { index -> Article in
            let generated = article(index, rng: &generator)
            let id = "\(idPrefix)\(index)"
            return try builder.build(RawArticle(metadata: ArticleMetadata(id: id, title: generated.title, source: withSources ? "Generator \(index % 7)" : nil,
                                                                          published: generated.published),
                                                body: generated.body, origin: SourceLocation(file: "gen"), fallbackID: id)).get()
        }
    }
}

/// This process's peak resident memory: VmHWM, which (unlike getrusage's maxrss on Linux) does
/// not carry over the parent's peak into a child process.
func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024 // Linux reports kilobytes
}

func seconds(_ start: Date) -> Double { Date().timeIntervalSince(start) }

/// CPU time of this process so far, user and system, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
}

// --analyze-db PATH --jobs N: one analysis of a store (a child process, so its peak memory is its own).
if let index = arguments.firstIndex(of: "--analyze-db"), index + 1 < arguments.count {
    let jobs = option("--jobs", default: 1)
    // --one-core: the whole process (analysis, reads, writes) held to CPU 0.
    let oneCore = arguments.contains("--one-core")
    if oneCore {
        // Glibc's header hides sched_setaffinity from Swift (it needs _GNU_SOURCE): look it up.
        typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity") else { fatalError("no sched_setaffinity") }
        var cpus = cpu_set_t()
        withUnsafeMutableBytes(of: &cpus) { $0[0] = 1 }
        let status = withUnsafeBytes(of: &cpus) { unsafeBitCast(symbol, to: SetAffinity.self)(0, MemoryLayout<cpu_set_t>.size, $0.baseAddress!) }
        guard status == 0 else { fatalError("sched_setaffinity failed") }
    }
    var openedStore: RightsStore? = try RightsStore(path: arguments[index + 1])
    let compiled = CompiledRules(try RuleSetLoader.load(from: rulesFolder))
    if arguments.contains("--stages") {
        let store = openedStore!
        // The pipeline's three stages one after the other, each timed alone.
        let pipeline = AnalysisPipeline(compiled: compiled, batchSize: option("--batch", default: AnalysisPipeline.defaultBatchSize), parallelism: 1)
        let hash = compiled.contentHash
        let runID = try store.beginRun(command: "bench", rulesHash: hash, at: Date())
        let version = try store.articleVersion()
        var read = 0.0, analyse = 0.0, write = 0.0, bytes = 0, last: ArticleID?
        while true {
            var stage = Date()
            let articles = try store.articleTextsToAnalyse(rulesHash: hash, force: true, after: last, limit: pipeline.batchSize)
            read += seconds(stage)
            guard let next = articles.last?.id else { break }
            last = next
            bytes += articles.reduce(0) { $0 + $1.cleaned.text.utf8.count }
            stage = Date()
            let results = await pipeline.analyze(articles)
            analyse += seconds(stage)
            stage = Date()
            _ = try store.storeAnalysis(results, rulesHash: hash, runID: runID, unchangedSince: version)
            write += seconds(stage)
        }
        let megabytes = Double(bytes) / 1_000_000
        print(String(format: "stages of analyze, one after the other: read %.2f s (%.1f MB/s), analyse %.2f s (%.1f MB/s), write %.2f s (%.1f MB/s)",
                     read, megabytes / read, analyse, megabytes / analyse, write, megabytes / write))
        exit(0)
    }
    let before = peakMemoryMB()
    // As `rightsbrief analyze` does, the store is closed at the end, and that is timed: SQLite
    // then copies what is left in its write-ahead log into the database file.
    var open = openedStore
    openedStore = nil
    let start = Date()
    let cpuBefore = cpuSeconds()
    let report = try await AnalysisPipeline(compiled: compiled, batchSize: option("--batch", default: AnalysisPipeline.defaultBatchSize), parallelism: jobs).run(store: open!, force: true)
    open = nil
    let elapsed = seconds(start)
    let cpu = cpuSeconds() - cpuBefore
    let cores = UsableCores.count
    let rate = Double(report.bytes) / 1_000_000 / elapsed
    let how = cores == 1 ? "each page read, analysed and written in turn" : "\(jobs) analysis task\(jobs == 1 ? "" : "s") + the store writer, reads and writes included"
    print(String(format: "analyze on %d core%@ (%@): %d articles, %.1f MB in %.2f s: %.1f MB/s, %.1f MB/s per core, %d findings; peak memory %.0f MB (%.0f MB before analysing)",
                 cores, cores == 1 ? "" : "s", how, report.articlesAnalyzed, Double(report.bytes) / 1_000_000, elapsed,
                 rate, rate / Double(cores), report.findings, peakMemoryMB(), before))
    // How busy the cores were: what is left to gain from overlapping, against doing less.
    print(String(format: "CPU time %.2f s: %.0f %% of %d core%@ over %.2f s", cpu, 100 * cpu / elapsed / Double(cores), cores, cores == 1 ? "" : "s", elapsed))
    exit(0)
}

// --analyzer-only: the analyzer on generated articles in memory (for profiling the hot path).
if arguments.contains("--analyzer-only") {
    let articles = try CorpusGenerator.built(articleCount, seed: 7, idPrefix: "g", withSources: false)
    var analyzer = ArticleAnalyzer(CompiledRules(try RuleSetLoader.load(from: rulesFolder)))
    analyzer.detail = .findings
    let repeats = arguments.contains("--repeat") ? 5 : 1
    let cache = arguments.contains("--no-cache") ? nil : WordCache()
    // All cores: each thread analyses the whole set with its own word cache.
    if let threadCount = Optional(option("--threads", default: 1)), threadCount > 1 {
        let shared = analyzer
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: threadCount) { _ in
            let cache = WordCache()
            for article in Array(repeating: articles, count: repeats).joined() { _ = shared.analyze(article, cache: cache) }
        }
        let elapsed = seconds(start)
        let bytes = Double(articles.reduce(0) { $0 + $1.cleaned.text.utf8.count } * repeats * threadCount)
        print(String(format: "analyzer alone (%d threads): %.1f MB in %.2f s: %.1f MB/s, %.1f MB/s per thread", threadCount, bytes / 1_000_000, elapsed,
                     bytes / 1_000_000 / elapsed, bytes / 1_000_000 / elapsed / Double(threadCount)))
        exit(0)
    }
    let start = Date()
    var findings = 0, textBytes = 0
    for article in Array(repeating: articles, count: repeats).joined() {
        findings += analyzer.analyze(article, cache: cache).findings.count
        textBytes += article.cleaned.text.utf8.count
    }
    let elapsed = seconds(start)
    // Where the time goes: the stages of the analyzer one by one.
    var stage = Date()
    var sentenceCount = 0
    for article in articles { sentenceCount += TextScanner.scan(article.cleaned.text).sentences.count }
    let tRead = seconds(stage); stage = Date()
    var prepared: [PreparedText] = []
    for article in articles { prepared.append(analyzer.compiled.prepare(article.cleaned.text, cache: cache)) }
    let tPrepare = seconds(stage); stage = Date()
    var places = 0
    for text in prepared { for sentence in text.sentences { places += analyzer.compiled.scan(text, sentence.tokenRange).places.count } }
    let tScan = seconds(stage)
    print(String(format: "stages: tokenize and split %.2f s (%d sentences), the same with rule atoms %.2f s, scan every sentence %.2f s",
                 tRead, sentenceCount, tPrepare, tScan))
    print(String(format: "analyzer alone (1 core): %d articles, %.1f MB in %.2f s: %.1f MB/s, %d findings", articles.count, Double(textBytes) / 1_000_000, elapsed, Double(textBytes) / 1_000_000 / elapsed, findings))
    exit(0)
}

// --write-only [--articles N]: the store's write of findings alone, on this thread with no Swift
// concurrency, so that callgrind (which does not run `--analyze-db` here) can count it
// (tools/analyzer-instructions.sh). N generated articles are stored and analysed first, untimed.
if arguments.contains("--write-only") {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rightsbench-write-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try RightsStore(path: folder.appendingPathComponent("write.sqlite").path)
    _ = try store.insert(try CorpusGenerator.built(articleCount, seed: 42, idPrefix: "gen-", withSources: true), at: Date())
    let pipeline = AnalysisPipeline(compiled: CompiledRules(try RuleSetLoader.load(from: rulesFolder)))
    let hash = pipeline.analyzer.compiled.contentHash
    let runID = try store.beginRun(command: "bench", rulesHash: hash, at: Date())
    let version = try store.articleVersion()
    let cache = WordCache()
    var pages: [[AnalysedArticle]] = [], last: ArticleID?
    while true {
        let texts = try store.articleTextsToAnalyse(rulesHash: hash, force: true, after: last, limit: AnalysisPipeline.defaultBatchSize)
        guard let next = texts.last?.id else { break }
        last = next
        pages.append(texts.map { AnalysedArticle(id: $0.id, contentHash: $0.contentHash, findings: pipeline.analyzer.analyze($0, cache: cache).findings) })
    }
    let start = Date()
    for page in pages { _ = try store.storeAnalysis(page, rulesHash: hash, runID: runID, unchangedSince: version) }
    let findings = pages.reduce(0) { $0 + $1.reduce(0) { $0 + $1.findings.count } }
    print(String(format: "store write alone: %d findings of %d articles in %d pages, %.2f s", findings, articleCount, pages.count, seconds(start)))
    exit(0)
}

// --long-article: one long article whose every sentence is evidence (a finding each), as big as
// `max_article_bytes` allows; its time must grow with its size, not with the size squared.
if arguments.contains("--long-article") {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rightsbench-long-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var analyzer = ArticleAnalyzer(CompiledRules(try RuleSetLoader.load(from: rulesFolder)))
    analyzer.detail = .findings
    let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))
    let sentence = "Police in Minsk detained a journalist. "
    for megabytes in [1, 2, 4] {
        let body = String(repeating: sentence, count: megabytes * 1_000_000 / sentence.utf8.count)
        let article = try builder.build(RawArticle(metadata: ArticleMetadata(id: "long\(megabytes)", title: "Long", published: "2026-10-15"),
                                                   body: body, origin: SourceLocation(file: "gen"), fallbackID: "long\(megabytes)")).get()
        var start = Date()
        let findings = analyzer.analyze(article).findings
        let analysis = seconds(start)
        let store = try RightsStore(path: folder.appendingPathComponent("long\(megabytes).sqlite").path)
        _ = try store.insert([article], at: Date())
        start = Date()
        try store.replaceFindings([(article.id, findings)], rulesHash: "bench", runID: try store.beginRun(command: "bench", rulesHash: "bench", at: Date()))
        print(String(format: "long article: %d MB, %d findings: analysis %.2f s, store write %.2f s", megabytes, findings.count, analysis, seconds(start)))
    }
    exit(0)
}

// --export-findings N: one month with N findings exported to a workbook (constant-memory mode).
if let index = arguments.firstIndex(of: "--export-findings"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    // --keep DIR: the store and workbook stay in DIR (export.sqlite, export.xlsx), to time `review import` by hand.
    let kept = arguments.firstIndex(of: "--keep").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    let folder = kept.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("rightsbench-export-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
    let store = try RightsStore(path: folder.appendingPathComponent("export.sqlite").path)
    let rules = try RuleSetLoader.load(from: rulesFolder)
    let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))
    let countries: [CountryCode] = ["KZ", "UZ", "GE", "BY", "TR", "NG", "ET", "MX", "VE", "VN", "EG", "PK"]
    let perArticle = 10
    var generator = SplitMix64(state: 11)
    for batch in stride(from: 0, to: count / perArticle, by: 1_000) {
        var articles: [Article] = []
        var results: [(article: ArticleID, findings: [Finding])] = []
        for number in batch ..< min(batch + 1_000, count / perArticle) {
            let generated = CorpusGenerator.article(number, rng: &generator)
            let article = try builder.build(RawArticle(metadata: ArticleMetadata(id: "e\(number)", title: generated.title, source: "Source \(number % 9)",
                                                                                 url: "https://example.org/\(number)", published: "2026-10-15"),
                                                       body: generated.body, origin: SourceLocation(file: "gen"), fallbackID: "e\(number)")).get()
            articles.append(article)
            let findings = (0 ..< perArticle).map { slot -> Finding in
                let rule = rules.patterns[(number * perArticle + slot) % rules.patterns.count]
                let country = countries[(number + slot) % countries.count]
                return Finding(id: Finding.makeID(article: article.id, sentenceStart: slot, sentenceEnd: slot + 1, indicator: rule.indicator, country: country),
                               articleID: article.id, month: article.published?.month, country: country, indicator: rule.indicator, rules: [rule.id],
                               severity: rule.severity, polarity: rule.polarity, method: .sentence, attribution: "sentence: generated", confidence: 0.9,
                               qualifier: nil, sentence: "Generated evidence sentence \(slot) of article \(number), long enough to wrap in a spreadsheet cell like real quotes do.",
                               sentenceStart: slot, sentenceEnd: slot + 1, originalStart: nil, originalEnd: nil)
            }
            results.append((article.id, findings))
        }
        _ = try store.insert(articles, at: Date())
        try store.replaceFindings(results, rulesHash: "bench", runID: try store.beginRun(command: "bench", rulesHash: "bench", at: Date()))
    }
    let before = peakMemoryMB()
    let start = Date()
    let path = folder.appendingPathComponent("export.xlsx")
    // The export groups the month into incidents first, as `rightsbrief export` does (timed with it).
    let incidentRules = try IncidentRules.load(rules: rulesFolder, ruleSet: rules)
    let incidents: IncidentsOfMonth = { try MonthIncidents.read(store: store, month: $0, extractor: incidentRules.extractor, settings: incidentRules.settings) }
    let result = try WorkbookExporter(rules: rules, toolVersion: "bench").export(month: Month(rawValue: "2026-10")!, store: store, incidents: incidents,
                                                                               to: path, now: Date())
    let size = ((try FileManager.default.attributesOfItem(atPath: path.path))[.size] as? NSNumber)?.intValue ?? 0
    print(String(format: "export: %d findings in %.2f s, workbook %.1f MB; peak memory %.0f MB (before export %.0f MB)",
                 result.findings, seconds(start), Double(size) / 1_000_000, peakMemoryMB(), before))
    exit(0)
}

let keptStore = arguments.firstIndex(of: "--keep-store").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
// Ingest is measured into an empty store: into an existing one, every article is already there.
if let keptStore, FileManager.default.fileExists(atPath: keptStore) {
    FileHandle.standardError.write(Data("rightsbench: \(keptStore) exists; --keep-store needs a path that does not\n".utf8))
    exit(2)
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("rightsbench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let storePath = keptStore ?? work.appendingPathComponent("bench.sqlite").path

// 1. Generate the corpus as one JSONL file (the bulk form) plus nothing else.
var rng = SplitMix64(state: 42)
let feed = work.appendingPathComponent("corpus.jsonl")
FileManager.default.createFile(atPath: feed.path, contents: nil)
let handle = try FileHandle(forWritingTo: feed)
var bytes = 0
for index in 0 ..< articleCount {
    let article = CorpusGenerator.article(index, rng: &rng)
    let object: [String: String] = ["id": "gen-\(index)", "title": article.title, "source": "Generator \(index % 7)", "published": article.published, "body": article.body]
    var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    line.append(0x0A)
    bytes += article.body.utf8.count
    try handle.write(contentsOf: line)
}
try handle.close()
print("corpus: \(articleCount) articles, \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB of article text")

// 2. Ingest. The store is closed after, as `rightsbrief ingest` leaves it: its write-ahead log
// copied into the file.
var ingestStore: RightsStore? = try RightsStore(path: storePath)
let boilerplate = try BoilerplateRules.load(from: rulesFolder.appendingPathComponent("boilerplate.yaml"))
let pipeline = IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: boilerplate)))
var start = Date()
let ingest = try pipeline.run(InputCollector.collect([feed.path], relativeTo: work).files, into: ingestStore!)
ingestStore = nil
var elapsed = seconds(start)
print(String(format: "ingest: %d articles in %.2f s: %.1f MB/s, %.0f articles/s (peak memory so far %.0f MB)",
             ingest.inserted.count, elapsed, Double(bytes) / 1_000_000 / elapsed, Double(ingest.inserted.count) / elapsed, peakMemoryMB()))

// 3. Analyse: rules compiled once, then one core, then all cores.
start = Date()
let rules = try RuleSetLoader.load(from: rulesFolder)
let compiled = CompiledRules(rules)
print(String(format: "rules: %d patterns, %d place names compiled in %.2f s", compiled.rules.count, compiled.places.count, seconds(start)))

// One core for everything; then all cores with one analysis task and with one task per core
// (the default). Each is a first analysis, on a copy of the store as ingest left it; then the
// default once more on the store it analysed, which replaces its findings (as `analyze --force`).
let coreCount = ProcessInfo.processInfo.activeProcessorCount
let analysedStore = storePath + ".analysed.sqlite"
func copyIngestedStore() throws {
    let files = FileManager.default
    for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: analysedStore + suffix) }
    try files.copyItem(atPath: storePath, toPath: analysedStore)
    if files.fileExists(atPath: storePath + "-wal") { try files.copyItem(atPath: storePath + "-wal", toPath: analysedStore + "-wal") }
    // The copy on disk before the run, so that the system does not write it out during the run.
    sync()
}
for (jobs, oneCore, fresh) in [(1, true, true), (1, false, true), (coreCount, false, true), (coreCount, false, false)] {
    if fresh { try copyIngestedStore() } else { print("again, replacing the findings of the run before:") }
    fflush(nil)
    let child = Process()
    child.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--analyze-db", analysedStore, "--jobs", String(jobs)] + (oneCore ? ["--one-core"] : [])
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0 else { fatalError("the analysis process failed") }
}
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: analysedStore + suffix) }

// 4. The matcher alone, on one core: sentences per second through the automaton.
let store = try RightsStore(path: storePath)
let sample = try store.articles(Array(try store.articleIDs().prefix(2_000)))
var analyzer = ArticleAnalyzer(compiled)
analyzer.detail = .findings
let cache = WordCache()
start = Date()
var sentences = 0
var textBytes = 0
for article in sample { _ = analyzer.analyze(article, cache: cache) }
elapsed = seconds(start)
for article in sample {
    sentences += SentenceSplitter.split(article.cleaned.text).count
    textBytes += article.cleaned.text.utf8.count
}
print(String(format: "analyzer alone (1 core, no store): %.1f MB/s, %.0f sentences/s", Double(textBytes) / 1_000_000 / elapsed, Double(sentences) / elapsed))
// The same on every core at once, each with its own word cache.
let shared = analyzer
start = Date()
DispatchQueue.concurrentPerform(iterations: coreCount) { _ in
    let cache = WordCache()
    for article in sample { _ = shared.analyze(article, cache: cache) }
}
elapsed = seconds(start)
print(String(format: "analyzer alone (%d cores, no store): %.1f MB/s, %.1f MB/s per core", coreCount,
             Double(textBytes * coreCount) / 1_000_000 / elapsed, Double(textBytes) / 1_000_000 / elapsed))
print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
