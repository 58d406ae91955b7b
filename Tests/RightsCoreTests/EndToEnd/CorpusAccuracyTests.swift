import Foundation
import Testing
@testable import RightsCore

/// Ingest each shared manifest, analyse, and score against the hand labels (../shared/README.md).
@Suite(.serialized) struct CorpusAccuracyTests {
    static func analyse(_ corpus: URL, pipeline: AnalysisPipeline = AnalysisPipeline(compiled: ShippedRules.compiled)) async throws
        -> (findings: [Finding], articles: Set<String>) {
        let store = try RightsStore()
        let files = InputCollector.collect([corpus.appendingPathComponent("manifest.jsonl").path], relativeTo: TestPaths.repository).files
        let report = try IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)))
            .run(files, into: store)
        #expect(report.problems.isEmpty)
        _ = try await pipeline.run(store: store)
        return (try store.findings(), Set(try store.articleIDs().map(\.rawValue)))
    }

    @Test("the findings are the same whether the store work overlaps the analysis (several cores) or not (one)",
          .enabled(if: TestPaths.hasCorpusWorld))
    func sequentialAndOverlapped() async throws {
        var overlapped = AnalysisPipeline(compiled: ShippedRules.compiled, batchSize: 7, parallelism: 2)
        overlapped.overlapsStore = true
        var sequential = AnalysisPipeline(compiled: ShippedRules.compiled, batchSize: 7, parallelism: 1)
        sequential.overlapsStore = false
        let one = try await Self.analyse(TestPaths.corpusWorld, pipeline: overlapped).findings
        let other = try await Self.analyse(TestPaths.corpusWorld, pipeline: sequential).findings
        #expect(!one.isEmpty)
        #expect(one == other)
    }

    @Test("corpus: recall of core pairs ≥ 0.90 and precision ≥ 0.85", .enabled(if: TestPaths.hasCorpus))
    func seedCorpus() async throws {
        let (findings, articles) = try await Self.analyse(TestPaths.corpus)
        let score = try GoldScore.score(findings: findings, gold: TestPaths.corpus.appendingPathComponent("gold.jsonl"), articles: articles)
        print("corpus: precision \(String(format: "%.2f", score.precision)) recall \(String(format: "%.2f", score.recall)); missed \(score.missed); false \(score.falsePositives)")
        #expect(score.recall >= 0.90)
        #expect(score.precision >= 0.85)
        // The RFE/RL footer about Russia and US officials speaking make no finding.
        #expect(!findings.contains { $0.country == "RU" })
        #expect(!findings.contains { $0.country == "US" })
    }

    @Test("corpus-world: recall ≥ 0.85, precision ≥ 0.85, nothing from the articles that are not about human rights",
          .enabled(if: TestPaths.hasCorpusWorld))
    func worldCorpus() async throws {
        let (findings, articles) = try await Self.analyse(TestPaths.corpusWorld)
        let score = try GoldScore.score(findings: findings, gold: TestPaths.corpusWorld.appendingPathComponent("gold.jsonl"), articles: articles)
        print("corpus-world: precision \(String(format: "%.2f", score.precision)) recall \(String(format: "%.2f", score.recall)); missed \(score.missed); false \(score.falsePositives)")
        #expect(score.recall >= 0.85)
        #expect(score.precision >= 0.85)
        let traps = ["f1-saudi-gp-perez-pole-verstappen-15th", "google-wiz-acquisition-israel-cyber", "gr-acropolis-heatwave-closure",
                     "trap-cricket-mashrafe-over-rate-suspension", "trap-cyclone-freddy-malawi-death-toll", "trap-sensex-exit-polls-record"]
        for trap in traps {
            #expect(!findings.contains { $0.articleID.rawValue == trap }, "\(trap) produced a finding")
        }
        // Evidence is the exact sentence of the article, at the offsets recorded.
        for finding in findings.prefix(50) {
            #expect(finding.sentenceEnd > finding.sentenceStart)
            #expect(finding.originalStart != nil)
        }
    }
}
