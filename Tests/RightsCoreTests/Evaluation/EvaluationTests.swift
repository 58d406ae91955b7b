import Foundation
import Testing
@testable import RightsCore

@Suite struct EvaluationTests {
    @Test("precision counts acceptable pairs as correct, recall counts core pairs only, F1 is their harmonic mean")
    func overall() throws {
        let score = try EvaluationFixture.evaluate().overall
        // Core: a1 KZ press_freedom, a1 KZ political_prisoners, a2 UZ torture (core wins over acceptable).
        #expect(score.corePairs == 3)
        #expect(score.acceptablePairs == 1)
        // Predicted pairs, duplicates merged: a1 KZ pf, a1 RU pf, a2 UZ torture, a3 TJ elections.
        #expect(score.predictedPairs == 4)
        #expect(score.correctPairs == 3)
        #expect(score.falsePairs == 1)
        #expect(score.coreHits == 2)
        #expect(score.precision == 0.75)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-12)
        #expect(abs(score.f1 - 2 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0)) < 1e-12)
    }

    @Test("per-indicator rows: every indicator with a core or a predicted pair, by id")
    func perIndicator() throws {
        let rows = try EvaluationFixture.evaluate().perIndicator
        #expect(rows.map(\.indicator.rawValue) == ["elections", "political_prisoners", "press_freedom", "torture"])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.indicator.rawValue, $0.score) })
        let press = try #require(byID["press_freedom"])
        #expect((press.corePairs, press.predictedPairs, press.correctPairs, press.precision, press.recall) == (1, 2, 2, 1, 1))
        let prisoners = try #require(byID["political_prisoners"])
        #expect((prisoners.coreHits, prisoners.predictedPairs, prisoners.precision, prisoners.recall, prisoners.f1) == (0, 0, 0, 0, 0))
        // No core pair: recall is 1 by score.py's convention, the false pair shows in precision.
        let elections = try #require(byID["elections"])
        #expect((elections.falsePairs, elections.precision, elections.recall, elections.f1) == (1, 0, 1, 0))
    }

    @Test("missed core pairs carry the gold evidence; false pairs the distinct sentences and every rule that made them")
    func missedAndFalse() throws {
        let evaluation = try EvaluationFixture.evaluate()
        #expect(evaluation.missed == [MissedPair(pair: LabelledPair(article: "a1", country: "KZ", indicator: "political_prisoners"),
                                                 evidence: ["The reporter is held for his posts."])])
        #expect(evaluation.falsePositives == [FalsePair(pair: LabelledPair(article: "a3", country: "TJ", indicator: "elections"),
                                                        sentences: ["Voters queued in Dushanbe."],
                                                        rules: ["elections.ballot_stuffing", "elections.vote_rigged"])])
    }

    @Test("gold lines and findings of articles outside the manifest are left out, and counted")
    func outsideManifest() throws {
        let evaluation = try EvaluationFixture.evaluate()
        #expect(evaluation.articleCount == 3)
        #expect(evaluation.goldLinesOutsideManifest == 1)
        #expect(evaluation.findingsOutsideManifest == 1)
        #expect(!evaluation.missed.contains { $0.pair.article == "a4" })
    }

    @Test("a manifest listing a subset scores that subset: the other articles' labels are not counted as missed")
    func subsetManifest() throws {
        let evaluation = try EvaluationFixture.evaluate(manifest: #"{"id": "a2"}"# + "\n")
        #expect(evaluation.overall.corePairs == 1)
        #expect(evaluation.overall.predictedPairs == 1)
        #expect(evaluation.overall.precision == 1)
        #expect(evaluation.overall.recall == 1)
        #expect(evaluation.goldLinesOutsideManifest == 4)
        #expect(evaluation.missed.isEmpty)
    }

    @Test("predicting only acceptable pairs costs no precision and gains no recall")
    func acceptableOnly() throws {
        let findings = #"{"article_id": "a1", "country": "RU", "indicator": "press_freedom"}"# + "\n"
        let score = try EvaluationFixture.evaluate(findings: findings).overall
        #expect((score.predictedPairs, score.correctPairs, score.coreHits) == (1, 1, 0))
        #expect(score.precision == 1)
        #expect(score.recall == 0)
    }

    @Test("no findings: precision 0 and recall 0, as score.py reports them; no labels: recall 1")
    func emptyInputs() throws {
        let nothingFound = try EvaluationFixture.evaluate(findings: "").overall
        #expect((nothingFound.precision, nothingFound.recall, nothingFound.f1) == (0, 0, 0))
        let nothingLabelled = try EvaluationFixture.evaluate(gold: "").overall
        #expect(nothingLabelled.recall == 1)
        #expect(nothingLabelled.precision == 0)
    }

    @Test("findings from the store keep their sentence and rules")
    func fromFinding() {
        let finding = Finding(id: "f1", articleID: "a1", month: nil, country: "KZ", indicator: "torture", rules: ["torture.beaten"], severity: 3,
                              polarity: .concern, method: .sentence, attribution: "sentence", confidence: 0.9, qualifier: nil,
                              sentence: "Police beat him.", sentenceStart: 0, sentenceEnd: 16, originalStart: nil, originalEnd: nil)
        #expect(PredictedFinding(finding) == PredictedFinding(pair: LabelledPair(article: "a1", country: "KZ", indicator: "torture"),
                                                             sentence: "Police beat him.", rules: ["torture.beaten"]))
    }

    @Test("thresholds: each figure under its floor is one shortfall")
    func shortfalls() throws {
        let evaluation = try EvaluationFixture.evaluate()
        #expect(evaluation.shortfalls(minimumPrecision: 0.75, minimumRecall: 0.66).isEmpty)
        #expect(evaluation.shortfalls(minimumPrecision: nil, minimumRecall: nil).isEmpty)
        let both = evaluation.shortfalls(minimumPrecision: 0.8, minimumRecall: 0.7)
        #expect(both.map(\.description) == ["precision 0.750 is below the minimum 0.800", "recall 0.667 is below the minimum 0.700"])
    }

    @Test("the text report has the summary, the indicator table, the missed evidence and the false sentences")
    func textReport() throws {
        let text = EvaluationReport.text(try EvaluationFixture.evaluate())
        #expect(text.contains("3 articles: 3 core pairs, 1 acceptable; 4 predicted, 3 correct, 1 false"))
        #expect(text.contains("precision 0.75  recall 0.67  F1 0.71"))
        #expect(text.contains("indicator            core  hit  recall  predicted  false  precision    F1"))
        #expect(text.contains("press_freedom           1    1    1.00          2      0       1.00  1.00"))
        #expect(text.contains("all                     3    2    0.67          4      1       0.75  0.71"))
        #expect(text.contains("  a1 KZ political_prisoners\n      gold: \"The reporter is held for his posts.\""))
        #expect(text.contains("  a3 TJ elections  [elections.ballot_stuffing, elections.vote_rigged]\n      found: \"Voters queued in Dushanbe.\""))
        #expect(text.contains("Left out, their article is not in the manifest: 1 gold line(s), 1 finding(s)."))
    }

    @Test("the JSON report is one object with overall, per_indicator, missed and false_positives")
    func jsonReport() throws {
        let json = try EvaluationReport.json(try EvaluationFixture.evaluate())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["overall", "per_indicator", "missed", "false_positives"])
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["precision"] as? Double == 0.75)
        #expect(overall["core_pairs"] as? Int == 3)
        #expect(overall["articles"] as? Int == 3)
        let rows = try #require(object["per_indicator"] as? [[String: Any]])
        #expect(rows.map { $0["indicator"] as? String } == ["elections", "political_prisoners", "press_freedom", "torture"])
        let missed = try #require(object["missed"] as? [[String: Any]])
        #expect(missed.first?["evidence"] as? [String] == ["The reporter is held for his posts."])
        let falsePositives = try #require(object["false_positives"] as? [[String: Any]])
        #expect(falsePositives.first?["sentences"] as? [String] == ["Voters queued in Dushanbe."])
    }
}
