import Foundation
import Testing
@testable import RightsCore

/// Inputs the fuzz targets (Fuzz/Targets/) once crashed on, replayed through the same calls:
/// `Fixtures/fuzz-regressions/<target>/<file>`. Each must now be read, or refused, without a crash.
@Suite struct FuzzRegressionTests {
    static let root = TestPaths.fixtures.appendingPathComponent("fuzz-regressions")

    static func inputs(_ target: String) -> [URL] {
        let folder = root.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// As Fuzz/Targets/corpus.swift: the first byte picks the format.
    @Test("input readers", arguments: inputs("corpus"))
    func corpus(_ input: URL) throws {
        let data = try Data(contentsOf: input)
        guard let first = data.first else { return }
        let folder = try TemporaryFolder()
        let url = try folder.write("input." + ["md", "txt", "jsonl", "csv"][Int(first) % 4], data.dropFirst())
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))
        for file in InputCollector.collect([url.path], relativeTo: folder.url).files {
            CorpusReader(maxBytes: 1_000_000).read(file) { event in
                if case let .article(raw) = event { _ = builder.build(raw) }
            }
        }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        _ = PublishedDate(text)
        _ = Month(rawValue: text)
    }

    /// As Fuzz/Targets/rules.swift: the bytes as a pattern, and laid over one file of the base rule set.
    @Test("rule loader and pattern parser", arguments: inputs("rules"))
    func rules(_ input: URL) throws {
        let data = try Data(contentsOf: input)
        guard let first = data.first else { return }
        _ = try? PatternParser.parse(String(decoding: data.dropFirst(), as: UTF8.self))
        let files = ["indicators/torture.yaml", "indicators/press_freedom.yaml", "exclusions.yaml", "countries.yaml", "engine.yaml", "references.yaml", "scoring.yaml"]
        let folder = try RulesCheckerTests.ruleSet("base")
        try folder.write(files[Int(first) % files.count], data.dropFirst())
        _ = RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
    }

    /// As Fuzz/Targets/analyze.swift: the first line the headline, analysed as `analyze` and `explain` do.
    @Test("analysis with the shipped rules", arguments: inputs("analyze"))
    func analyze(_ input: URL) throws {
        let text = String(decoding: try Data(contentsOf: input), as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let raw = RawArticle(metadata: ArticleMetadata(id: "fuzz", title: lines.count > 1 ? String(lines[0]) : nil, published: "2026-01-15"),
                             body: String(lines.last ?? ""), origin: SourceLocation(file: "fuzz"), fallbackID: "fuzz")
        guard case let .success(article) = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none)).build(raw) else { return }
        var fast = ShippedRules.analyzer
        fast.detail = .findings
        _ = fast.analyze(article, cache: WordCache())
        let analyzer = ShippedRules.analyzer
        for sentence in analyzer.analyze(text: article.cleaned.text, title: article.title).sentences {
            for match in sentence.matches { _ = analyzer.explanation(of: match) }
        }
        let scanned = TextScanner.scan(article.cleaned.text)
        var people = SentencePeople(lexicon: ShippedRules.ruleSet.people, text: scanned)
        for index in scanned.sentences.indices { _ = people.people(ofSentence: index) }
    }

    /// As Fuzz/Targets/xlsx.swift.
    @Test("xlsx reader", arguments: inputs("xlsx"))
    func xlsx(_ input: URL) throws {
        let reader = XlsxSheetReader()
        guard let names = try? reader.sheetNames(in: input) else { return }
        for name in names.prefix(8) { _ = try? reader.readSheet(named: name, from: input) }
    }
}
