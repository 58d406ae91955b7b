import ArgumentParser
import Foundation
import RightsCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which rules fire on a sentence, which are vetoed and why, and how the country is chosen.",
        discussion: """
            The rule writer's debugger. With --context FILE the sentence is analysed as part of that \
            text (so paragraph and article context count); the file's first line is used as headline.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The sentence (or text) to explain.")
    var text: String

    @Option(help: ArgumentHelp("A text file to analyse the sentence within.", valueName: "file"))
    var context: String?

    @Option(help: ArgumentHelp("Headline to use as article context.", valueName: "text"))
    var title: String?

    func run() throws {
        let rules = try common.workspace(.readOnly).rules()
        let analyzer = ArticleAnalyzer(CompiledRules(rules))
        var body = text
        var headline = title
        if let context {
            guard let data = FileManager.default.contents(atPath: context) else { throw CommandFailure.usage("error: cannot read --context \(context)") }
            let contextText = String(decoding: data, as: UTF8.self)
            if headline == nil { headline = contextText.split(separator: "\n").first.map(String.init) }
            body = contextText + "\n" + text
        }
        // What is shown is what the analysis stages told the trace, as they decided it.
        var trace = TraceCollector()
        _ = analyzer.analyze(text: body, title: headline, trace: &trace)
        let reports = context == nil ? trace.sentences : trace.sentences.filter { text.contains($0.text) || $0.text.contains(text) }
        if reports.isEmpty {
            print("No pattern fires on this text.")
            return
        }
        for report in reports {
            print("Sentence: \(report.text)")
            for match in report.matches {
                print("  fires   \(match.rule) [\(match.indicator)] on \"\(match.text)\"\(match.qualifier.map { " (\($0.rawValue))" } ?? "")")
                if let explanation = analyzer.explanation(of: match) {
                    let frame = explanation.frameReordered ? "frame, its parts in this order: " : ""
                    print("          \(frame)\(explanation.parts.map(\.description).joined(separator: " · "))")
                }
            }
            for veto in report.vetoed { print("  vetoed  \(veto.rule): \(veto.reason)") }
            for place in report.places {
                var notes: [String] = [place.place.kind.rawValue]
                if place.place.isAmbiguous { notes.append("ambiguous") }
                if place.isSpeaker { notes.append("speaker") }
                if place.isActor { notes.append("actor") }
                print("  place   '\(place.text)' → \(place.countries.map(\.rawValue).joined(separator: ",")) (\(notes.joined(separator: ", ")))")
            }
            for step in report.steps { print("  step    \(step)") }
            for finding in report.findings {
                print("  finding \(finding.country) \(finding.indicator) severity \(finding.severity) \(finding.polarity.rawValue) confidence \(finding.confidence) — \(finding.attribution)")
                // Names are cut from the text given: shown with any control character made visible.
                if !finding.people.isEmpty { print("          people: " + VisibleControls.escaped(PersonMention.line(finding.people))) }
            }
            if report.findings.isEmpty { print("  no finding") }
        }
    }
}
