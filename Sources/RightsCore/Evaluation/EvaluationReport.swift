import Foundation

/// Renders an `Evaluation` for people (text) and for scripts (one JSON object).
public enum EvaluationReport {
    /// The summary, the per-indicator table, then every missed core pair with its gold evidence
    /// and every false pair with the sentences that made it.
    public static func text(_ evaluation: Evaluation) -> String {
        var lines = [summary(evaluation), "", indicatorTable(evaluation)]
        if evaluation.goldLinesOutsideManifest > 0 || evaluation.findingsOutsideManifest > 0 {
            lines += ["", "Left out, their article is not in the manifest: \(evaluation.goldLinesOutsideManifest) gold line(s), "
                + "\(evaluation.findingsOutsideManifest) finding(s)."]
        }
        lines += ["", "Missed core pairs (\(evaluation.missed.count))"]
        for missed in evaluation.missed {
            lines.append("  \(missed.pair)")
            lines += missed.evidence.map { "      gold: \(quoted($0))" }
        }
        lines += ["", "False pairs (\(evaluation.falsePositives.count))"]
        for pair in evaluation.falsePositives {
            lines.append("  \(pair.pair)" + (pair.rules.isEmpty ? "" : "  [\(pair.rules.map(\.rawValue).joined(separator: ", "))]"))
            lines += pair.sentences.map { "      found: \(quoted($0))" }
        }
        return lines.joined(separator: "\n")
    }

    /// Two lines: the counts, then precision, recall and F1.
    public static func summary(_ evaluation: Evaluation) -> String {
        let score = evaluation.overall
        return "\(evaluation.articleCount) articles: \(score.corePairs) core pairs, \(score.acceptablePairs) acceptable; "
            + "\(score.predictedPairs) predicted, \(score.correctPairs) correct, \(score.falsePairs) false\n"
            + "precision \(ratio(score.precision))  recall \(ratio(score.recall))  F1 \(ratio(score.f1))"
    }

    /// One row per indicator and a total row; numbers right-aligned.
    public static func indicatorTable(_ evaluation: Evaluation) -> String {
        let header = ["indicator", "core", "hit", "recall", "predicted", "false", "precision", "F1"]
        func row(_ name: String, _ score: PairScore) -> [String] {
            [name, String(score.corePairs), String(score.coreHits), ratio(score.recall), String(score.predictedPairs),
             String(score.falsePairs), ratio(score.precision), ratio(score.f1)]
        }
        let rows = [header] + evaluation.perIndicator.map { row($0.indicator.rawValue, $0.score) } + [row("all", evaluation.overall)]
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A single object: `overall`, `per_indicator`, `missed`, `false_positives` (and what was left out).
    public static func json(_ evaluation: Evaluation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EvaluationDocument(evaluation)), as: UTF8.self)
    }

    /// `0.88`: two decimals, as score.py prints them.
    static func ratio(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func quoted(_ sentence: String) -> String {
        "\"" + sentence.split(whereSeparator: \.isNewline).joined(separator: " ") + "\""
    }
}

/// The JSON form, with snake_case keys as the other JSON outputs of the tool use.
private struct EvaluationDocument: Encodable {
    struct Score: Encodable {
        var core_pairs, acceptable_pairs, predicted_pairs, correct_pairs, core_hits, false_pairs: Int
        var precision, recall, f1: Double

        init(_ score: PairScore) {
            core_pairs = score.corePairs
            acceptable_pairs = score.acceptablePairs
            predicted_pairs = score.predictedPairs
            correct_pairs = score.correctPairs
            core_hits = score.coreHits
            false_pairs = score.falsePairs
            precision = score.precision
            recall = score.recall
            f1 = score.f1
        }
    }

    struct Overall: Encodable {
        var articles: Int
        var score: Score
        var gold_lines_outside_manifest, findings_outside_manifest: Int

        func encode(to encoder: Encoder) throws {
            try score.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(articles, forKey: .articles)
            try container.encode(gold_lines_outside_manifest, forKey: .gold_lines_outside_manifest)
            try container.encode(findings_outside_manifest, forKey: .findings_outside_manifest)
        }

        enum Key: String, CodingKey { case articles, gold_lines_outside_manifest, findings_outside_manifest }
    }

    struct Indicator: Encodable {
        var indicator: String
        var score: Score

        func encode(to encoder: Encoder) throws {
            try score.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(indicator, forKey: .indicator)
        }

        enum Key: String, CodingKey { case indicator }
    }

    struct Missed: Encodable {
        var article, country, indicator: String
        var evidence: [String]
    }

    struct False: Encodable {
        var article, country, indicator: String
        var sentences, rules: [String]
    }

    var overall: Overall
    var per_indicator: [Indicator]
    var missed: [Missed]
    var false_positives: [False]

    init(_ evaluation: Evaluation) {
        overall = Overall(articles: evaluation.articleCount, score: Score(evaluation.overall),
                          gold_lines_outside_manifest: evaluation.goldLinesOutsideManifest,
                          findings_outside_manifest: evaluation.findingsOutsideManifest)
        per_indicator = evaluation.perIndicator.map { Indicator(indicator: $0.indicator.rawValue, score: Score($0.score)) }
        missed = evaluation.missed.map {
            Missed(article: $0.pair.article.rawValue, country: $0.pair.country.rawValue, indicator: $0.pair.indicator.rawValue, evidence: $0.evidence)
        }
        false_positives = evaluation.falsePositives.map {
            False(article: $0.pair.article.rawValue, country: $0.pair.country.rawValue, indicator: $0.pair.indicator.rawValue,
                  sentences: $0.sentences, rules: $0.rules.map(\.rawValue))
        }
    }
}
