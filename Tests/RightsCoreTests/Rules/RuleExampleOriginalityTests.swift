import Foundation
import Testing
@testable import RightsCore

/// Rule examples are written for the rules, never copied from the shared articles: a copied
/// sentence would make the accuracy tests measure memory instead of rules, and the articles'
/// text must not enter the project (../shared/README.md). Five words in a row in common is
/// taken as copying; shorter runs ("was detained by police") are ordinary phrasing.
@Suite struct RuleExampleOriginalityTests {
    static let runLength = 5

    /// Every example sentence of every pattern and exclusion, with the rule it belongs to.
    static var examples: [(rule: RuleID, text: String)] {
        let patterns = ShippedRules.ruleSet.indicators.flatMap(\.patterns).flatMap { rule in
            (rule.examples.match + rule.examples.noMatch).map { (rule.id, $0) }
        }
        let exclusions = ShippedRules.ruleSet.exclusions.flatMap { rule in
            (rule.examples.match + rule.examples.noMatch).map { (rule.id, $0) }
        }
        return patterns + exclusions
    }

    /// The folded five-word runs of `words`, joined by spaces.
    static func runs(_ words: [String]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0 ... words.count - runLength).map { words[$0 ..< $0 + runLength].joined(separator: " ") }
    }

    /// "rule: example — 'run' in article" for each example sharing a run with an article below `corpus/articles`.
    static func copiedExamples(from corpus: URL) throws -> [String] {
        let folder = corpus.appendingPathComponent("articles")
        var firstArticle: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for run in runs(Tokenizer.words(text)) where firstArticle[run] == nil { firstArticle[run] = file }
        }
        var found: [String] = []
        for example in examples {
            guard let run = runs(Tokenizer.words(example.text)).first(where: { firstArticle[$0] != nil }) else { continue }
            found.append("\(example.rule): \(example.text) — '\(run)' in \(corpus.lastPathComponent)/articles/\(firstArticle[run] ?? "")")
        }
        return found
    }

    @Test("the shipped rules have examples to check")
    func examplesExist() {
        #expect(Self.examples.count > 100)
    }

    /// Examples that share a run today, most of them stock phrases ("on the eve of the", "to two
    /// years in prison"): corpus-world gained two after the examples were last rewritten
    /// (7019b35), corpus-hrds came later. The rules' owner rewrites them; the ceilings only keep
    /// the number from growing and go down to 0 with the rewrite. The log lists each one.
    static let knownCopiesCeiling = ["corpus-world": 2, "corpus-hrds": 60]

    static func check(_ corpus: URL) throws {
        let copied = try copiedExamples(from: corpus)
        let ceiling = knownCopiesCeiling[corpus.lastPathComponent] ?? 0
        if !copied.isEmpty {
            print("\(corpus.lastPathComponent): \(copied.count) rule example(s) share five words in a row with an article:\n  "
                + copied.joined(separator: "\n  "))
        }
        #expect(copied.count <= ceiling, Comment(rawValue: "\n" + copied.joined(separator: "\n")))
    }

    /// The phrasing batteries measure the rules on sentences nobody wrote for them: an example that
    /// repeats one would make them measure memory. Eight words: the batteries are in the rules' own
    /// domain, and six or seven in common are stock phrases ("riot police fired tear gas at").
    @Test("no rule example shares eight words in a row with a phrasing battery line")
    func phrasingBatteries() throws {
        let run = 8
        let folder = TestPaths.fixtures.appendingPathComponent("phrasing")
        var firstLine: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".txt") {
            for line in try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n") {
                let words = Tokenizer.words(String(line.split(separator: "|").last ?? ""))
                guard words.count >= run else { continue }
                for start in 0 ... words.count - run { firstLine[words[start ..< start + run].joined(separator: " "), default: file] = file }
            }
        }
        let copied = Self.examples.compactMap { example -> String? in
            let words = Tokenizer.words(example.text)
            guard words.count >= run else { return nil }
            return (0 ... words.count - run).lazy.map { words[$0 ..< $0 + run].joined(separator: " ") }
                .first { firstLine[$0] != nil }.map { "\(example.rule): \(example.text) — '\($0)' in \(firstLine[$0] ?? "")" }
        }
        #expect(copied.isEmpty, Comment(rawValue: "\n" + copied.joined(separator: "\n")))
    }

    @Test("no rule example shares five words in a row with a corpus article", .enabled(if: TestPaths.hasCorpus))
    func corpus() throws {
        try Self.check(TestPaths.corpus)
    }

    @Test("no more rule examples than today share five words in a row with a corpus-world article", .enabled(if: TestPaths.hasCorpusWorld))
    func corpusWorld() throws {
        try Self.check(TestPaths.corpusWorld)
    }

    @Test("no more rule examples than today share five words in a row with a corpus-hrds article", .enabled(if: TestPaths.hasCorpusHRDS))
    func corpusHRDS() throws {
        try Self.check(TestPaths.corpusHRDS)
    }
}
