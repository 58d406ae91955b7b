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

    /// Scores `findings` with the library evaluator, as `rightsbrief eval GOLD MANIFEST` does.
    static func evaluate(_ findings: [Finding], gold: URL, manifest: URL) throws -> Evaluation {
        Evaluation.evaluate(gold: try GoldLabels.read(gold, display: gold.lastPathComponent),
                            manifest: try EvaluationManifest.read(manifest, display: manifest.lastPathComponent),
                            findings: findings.map(PredictedFinding.init))
    }

    static func describe(_ name: String, _ evaluation: Evaluation) -> String {
        "\(name): precision \(String(format: "%.2f", evaluation.overall.precision)) recall \(String(format: "%.2f", evaluation.overall.recall)); "
            + "missed \(evaluation.missed.map(\.pair.description)); false \(evaluation.falsePositives.map(\.pair.description))"
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
        let findings = try await Self.analyse(TestPaths.corpus).findings
        let evaluation = try Self.evaluate(findings, gold: TestPaths.corpus.appendingPathComponent("gold.jsonl"),
                                           manifest: TestPaths.corpus.appendingPathComponent("manifest.jsonl"))
        print(Self.describe("corpus", evaluation))
        #expect(evaluation.overall.recall >= 0.90)
        #expect(evaluation.overall.precision >= 0.85)
        // The RFE/RL footer about Russia and US officials speaking make no finding.
        #expect(!findings.contains { $0.country == "RU" })
        #expect(!findings.contains { $0.country == "US" })
    }

    @Test("corpus-world: recall ≥ 0.85, precision ≥ 0.85, nothing from the articles that are not about human rights",
          .enabled(if: TestPaths.hasCorpusWorld))
    func worldCorpus() async throws {
        let findings = try await Self.analyse(TestPaths.corpusWorld).findings
        let evaluation = try Self.evaluate(findings, gold: TestPaths.corpusWorld.appendingPathComponent("gold.jsonl"),
                                           manifest: TestPaths.corpusWorld.appendingPathComponent("manifest.jsonl"))
        print(Self.describe("corpus-world", evaluation))
        #expect(evaluation.overall.recall >= 0.85)
        #expect(evaluation.overall.precision >= 0.85)
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

    /// Unlabelled articles of the full manifest that produce a finding today: none since "sleep
    /// deprivation" needs a custody word (a harassment trial in London where the defendant spoke of
    /// sleepless months in a noisy flat gave GB torture). Listed so that a new one fails the test;
    /// the set to check is computed from the files.
    static let knownFindingsOnUnlabelledArticles: Set<String> = []

    @Test("corpus-hrds: full labels precision ≥ 0.90 and recall ≥ 0.90, attack pairs recall ≥ 0.80 (the issue's bar), no finding from the unlabelled articles",
          .enabled(if: TestPaths.hasCorpusHRDS))
    func hrdsCorpus() async throws {
        let corpus = TestPaths.corpusHRDS
        let findings = try await Self.analyse(corpus).findings
        let fullManifest = corpus.appendingPathComponent("full.manifest.jsonl")
        let full = try Self.evaluate(findings, gold: corpus.appendingPathComponent("gold.jsonl"), manifest: fullManifest)
        let attacks = try Self.evaluate(findings, gold: corpus.appendingPathComponent("attacks.jsonl"), manifest: corpus.appendingPathComponent("manifest.jsonl"))
        // The tables go to the log so that CI shows where each indicator stands.
        print("corpus-hrds, full labels (gold.jsonl, full.manifest.jsonl)\n\(EvaluationReport.summary(full))\n\(EvaluationReport.indicatorTable(full))")
        print("corpus-hrds, attack pairs, recall only (attacks.jsonl, manifest.jsonl)\n\(EvaluationReport.summary(attacks))\n\(EvaluationReport.indicatorTable(attacks))")
        // Full-label floors a little under what the shipped rules reach (0.94 / 0.93); attack recall
        // at the issue's bar, which the shipped rules meet exactly (300 of 375 pairs). The articles
        // kept aside are in these figures too.
        #expect(full.overall.precision >= 0.90)
        #expect(full.overall.recall >= 0.90)
        #expect(attacks.overall.recall >= 0.80)
        // The full manifest's articles without any label are ordinary crime or business news.
        let labelled = Set(try GoldLabels.read(corpus.appendingPathComponent("gold.jsonl"), display: "gold.jsonl").labels.map(\.pair.article.rawValue))
        let unlabelled = Set(try EvaluationManifest.read(fullManifest, display: "full.manifest.jsonl").articleIDs.map(\.rawValue)).subtracting(labelled)
        #expect(unlabelled.count == 7)
        let withFindings = unlabelled.filter { id in findings.contains { $0.articleID.rawValue == id } }
        print("corpus-hrds: unlabelled articles with findings: \(withFindings.sorted())")
        #expect(withFindings.isSubset(of: Self.knownFindingsOnUnlabelledArticles), "unlabelled articles produced findings: \(withFindings.sorted())")
    }
}
