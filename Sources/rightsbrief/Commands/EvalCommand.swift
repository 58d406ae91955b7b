import ArgumentParser
import Foundation
import RightsCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score findings against hand-made labels: precision, recall and F1 per indicator.",
        discussion: """
            GOLD.jsonl: one line per (article, country, indicator) an analyst found: {"article", "country", \
            "indicator", "level": "core" or "acceptable", "evidence"}. MANIFEST.jsonl: the articles to score \
            (each line's "id", as for ingest); labels and findings of other articles are left out. A predicted \
            pair labelled core or acceptable is correct, any other is false; recall counts core pairs only. \
            Findings come from the store (--db) or from a `findings --format jsonl` file (--findings). \
            Exit codes: 0 scored; 1 below --min-precision or --min-recall; 2 usage error or a bad input line \
            (reported as file:line).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The hand labels (JSON Lines).", valueName: "gold.jsonl"))
    var gold: GivenPath

    @Argument(help: ArgumentHelp("The articles to score (JSON Lines with `id`).", valueName: "manifest.jsonl"))
    var manifest: GivenPath

    @Option(help: ArgumentHelp("Read findings from this JSON Lines file instead of the store.", valueName: "file.jsonl"))
    var findings: GivenPath?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Exit 1 when precision is below this.", valueName: "0…1"))
    var minPrecision: Double?

    @Option(help: ArgumentHelp("Exit 1 when recall is below this.", valueName: "0…1"))
    var minRecall: Double?

    func validate() throws {
        for (name, value) in [("--min-precision", minPrecision), ("--min-recall", minRecall)] {
            if let value, !(0 ... 1).contains(value) { throw ValidationError("\(name) \(value) is not between 0 and 1.") }
        }
    }

    func run() throws {
        let evaluation: Evaluation
        do {
            let labels = try GoldLabels.read(gold.url, display: gold.written)
            let articles = try EvaluationManifest.read(manifest.url, display: manifest.written)
            let predicted = try findings.map { try PredictedFinding.read($0.url, display: $0.written) }
                ?? common.workspace(.readOnly).store().findings().map(PredictedFinding.init)
            evaluation = Evaluation.evaluate(gold: labels, manifest: articles, findings: predicted)
        } catch let error as EvaluationError {
            throw CommandFailure.usage("error: " + (error.errorDescription ?? "unreadable input"))
        }
        switch format {
        case .text: print(EvaluationReport.text(evaluation))
        case .json: print(try EvaluationReport.json(evaluation))
        }
        let shortfalls = evaluation.shortfalls(minimumPrecision: minPrecision, minimumRecall: minRecall)
        if !shortfalls.isEmpty {
            throw CommandFailure.problems(shortfalls.map { "failed: \($0)" }.joined(separator: "\n"))
        }
    }
}
