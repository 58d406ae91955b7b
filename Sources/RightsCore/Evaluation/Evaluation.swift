/// Precision, recall and F1 of findings against hand labels, at the level of
/// (article, country, indicator) pairs, as `../shared/tools/score.py` defines them:
///
/// - a predicted pair labelled core or acceptable is correct, any other predicted pair is false;
/// - precision = correct predicted pairs / predicted pairs (0 when nothing is predicted);
/// - recall = core pairs predicted / core pairs (1 when there is no core pair);
/// - F1 = their harmonic mean (0 when both are 0).
///
/// Unlike score.py, the gold labels are restricted to the manifest's articles too, so a manifest
/// listing a subset scores that subset instead of counting every other article's labels as missed.
public struct Evaluation: Sendable, Equatable {
    public var articleCount: Int
    public var overall: PairScore
    /// One row per indicator that has a core pair or a predicted pair, by indicator id.
    public var perIndicator: [IndicatorAccuracy]
    /// Core pairs no finding predicted, sorted, with the analyst's evidence.
    public var missed: [MissedPair]
    /// Predicted pairs nobody labelled, sorted, with the sentences that made them.
    public var falsePositives: [FalsePair]
    /// Gold lines left out because their article is not in the manifest.
    public var goldLinesOutsideManifest: Int
    /// Findings left out because their article is not in the manifest.
    public var findingsOutsideManifest: Int

    /// Scores `findings` on the articles of `manifest`.
    /// - Complexity: O(labels + findings), with hashing.
    public static func evaluate(gold: GoldLabels, manifest: EvaluationManifest, findings: [PredictedFinding]) -> Evaluation {
        let articles = manifest.articleSet
        let scoredGold = gold.restricted(to: articles)
        let scoredFindings = findings.filter { articles.contains($0.pair.article) }
        let core = scoredGold.corePairs
        let labelled = scoredGold.labelledPairs
        let predicted = Set(scoredFindings.map(\.pair))

        func byIndicator(_ pairs: Set<LabelledPair>) -> [IndicatorID: Set<LabelledPair>] {
            Dictionary(grouping: pairs, by: \.indicator).mapValues(Set.init)
        }
        let (coreByIndicator, labelledByIndicator, predictedByIndicator) = (byIndicator(core), byIndicator(labelled), byIndicator(predicted))
        let indicators = Set(coreByIndicator.keys).union(predictedByIndicator.keys).sorted()
        let perIndicator = indicators.map { indicator in
            IndicatorAccuracy(indicator: indicator, score: PairScore(core: coreByIndicator[indicator] ?? [], labelled: labelledByIndicator[indicator] ?? [],
                                                                     predicted: predictedByIndicator[indicator] ?? []))
        }

        let evidence = scoredGold.evidenceByPair
        let missed = core.subtracting(predicted).sorted().map { MissedPair(pair: $0, evidence: evidence[$0] ?? []) }
        var sentences: [LabelledPair: [String]] = [:], rules: [LabelledPair: Set<RuleID>] = [:]
        for finding in scoredFindings where !labelled.contains(finding.pair) {
            if let sentence = finding.sentence, !(sentences[finding.pair]?.contains(sentence) ?? false) {
                sentences[finding.pair, default: []].append(sentence)
            }
            rules[finding.pair, default: []].formUnion(finding.rules)
        }
        let falsePositives = predicted.subtracting(labelled).sorted().map {
            FalsePair(pair: $0, sentences: sentences[$0] ?? [], rules: (rules[$0] ?? []).sorted())
        }
        return Evaluation(articleCount: articles.count, overall: PairScore(core: core, labelled: labelled, predicted: predicted),
                          perIndicator: perIndicator, missed: missed, falsePositives: falsePositives,
                          goldLinesOutsideManifest: gold.labels.count - scoredGold.labels.count,
                          findingsOutsideManifest: findings.count - scoredFindings.count)
    }

    /// The figures below the given floors, empty when the evaluation passes.
    public func shortfalls(minimumPrecision: Double?, minimumRecall: Double?) -> [Shortfall] {
        var result: [Shortfall] = []
        if let minimumPrecision, overall.precision < minimumPrecision {
            result.append(Shortfall(measure: "precision", value: overall.precision, minimum: minimumPrecision))
        }
        if let minimumRecall, overall.recall < minimumRecall {
            result.append(Shortfall(measure: "recall", value: overall.recall, minimum: minimumRecall))
        }
        return result
    }
}

/// Counts and ratios of one set of pairs (all of them, or one indicator's).
public struct PairScore: Sendable, Equatable {
    public var corePairs: Int
    /// Labelled acceptable and not core.
    public var acceptablePairs: Int
    public var predictedPairs: Int
    /// Predicted pairs that are core or acceptable.
    public var correctPairs: Int
    /// Core pairs that were predicted.
    public var coreHits: Int
    public var falsePairs: Int { predictedPairs - correctPairs }
    public var precision: Double
    public var recall: Double
    public var f1: Double

    init(core: Set<LabelledPair>, labelled: Set<LabelledPair>, predicted: Set<LabelledPair>) {
        corePairs = core.count
        acceptablePairs = labelled.subtracting(core).count
        predictedPairs = predicted.count
        correctPairs = predicted.intersection(labelled).count
        coreHits = predicted.intersection(core).count
        precision = predicted.isEmpty ? 0 : Double(correctPairs) / Double(predicted.count)
        recall = core.isEmpty ? 1 : Double(coreHits) / Double(core.count)
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}

public struct IndicatorAccuracy: Sendable, Equatable {
    public var indicator: IndicatorID
    public var score: PairScore
}

public struct MissedPair: Sendable, Equatable {
    public var pair: LabelledPair
    public var evidence: [String]
}

public struct FalsePair: Sendable, Equatable {
    public var pair: LabelledPair
    /// Empty when the findings came from a file without `sentence`.
    public var sentences: [String]
    public var rules: [RuleID]
}

/// A figure under the floor asked for (`--min-precision`, `--min-recall`).
public struct Shortfall: Sendable, Equatable, CustomStringConvertible {
    public var measure: String
    public var value: Double
    public var minimum: Double

    public var description: String {
        "\(measure) \(EvaluationReport.ratio(value, digits: 3)) is below the minimum \(EvaluationReport.ratio(minimum, digits: 3))"
    }
}
