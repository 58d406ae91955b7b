import Foundation
import Testing
@testable import RightsCore

/// The analysis stages as `explain` sees them (the trace), and country attribution as an ordered
/// list of strategies that engine.yaml names.
@Suite struct AnalysisStagesTests {
    let analyzer = ShippedRules.analyzer

    func traced(_ text: String, title: String? = nil) -> (findings: [Finding], sentences: [SentenceReport]) {
        var trace = TraceCollector()
        let analysis = analyzer.analyze(text: text, title: title, trace: &trace)
        return (analysis.findings, trace.sentences)
    }

    @Test("the trace tells each veto's reason: negation, a frame across clauses, an exclusion, a review headline")
    func vetoReasons() throws {
        let negated = try #require(traced("Police in Belarus did not arrest any reporters at the rally.").sentences.first)
        #expect(negated.matches.isEmpty)
        #expect(!negated.vetoed.isEmpty)
        #expect(negated.vetoed.allSatisfy { $0.reason == "negated by 'not'" })
        let spoken = try #require(traced("The reporter said the suspects were arrested near the border.").sentences.first)
        #expect(spoken.vetoed.contains { $0.reason == "the frame's parts are in different clauses ('said' between them)" })
        let excluded = traced("After the game the umpires watched as police in Kenya detained two journalists.")
        #expect(excluded.findings.isEmpty)
        let vetoes = excluded.sentences.first?.vetoed ?? []
        #expect(!vetoes.isEmpty && vetoes.allSatisfy { $0.reason.hasPrefix("excluded by global.match_officials: sports officials") })
        let review = traced("Soldiers in Chile tortured prisoners held in a stadium.", title: "Film review: the long night")
        #expect(review.findings.isEmpty)
        #expect(review.sentences.first?.vetoed.contains { $0.reason.hasPrefix("the headline announces a review") } == true)
        #expect(VetoReason.excluded(by: "x.sport", reason: "sport").description == "excluded by x.sport: sport")
        #expect(VetoReason.excluded(by: "x.sport", reason: "").description == "excluded by x.sport")
    }

    @Test("the trace tells the kept matches with their mark, and each indicator's attribution steps")
    func keptMatchesAndSteps() throws {
        let (findings, sentences) = traced("Inmates in Egypt were reportedly beaten by guards.")
        let report = try #require(sentences.first)
        #expect(!report.matches.isEmpty)
        #expect(report.matches.allSatisfy { $0.qualifier == .alleged })
        #expect(report.steps.map(\.description).contains("torture: sentence names 'Egypt' (nearest to the evidence)"))
        #expect(report.findings == findings)
        // The words a match is explained by are the ones the rules read.
        let match = try #require(report.matches.first { analyzer.explanation(of: $0) != nil })
        #expect(match.words == match.text.lowercased().split(separator: " ").map(String.init))
    }

    @Test("a sentence without a match is not traced, unless it is a bare list continuing the evidence before it")
    func bareListIsTraced() throws {
        let (findings, sentences) = traced("The group counted dozens of reporters jailed on terrorism charges. They are Iran, Egypt and Eritrea. The weather was fine.")
        #expect(sentences.count == 2)
        let list = try #require(sentences.last)
        #expect(list.matches.isEmpty)
        #expect(list.steps.map(\.description) == ["a bare list of countries continuing the evidence of the sentence before"])
        #expect(Set(list.findings.map(\.country.rawValue)) == ["IR", "EG", "ER"])
        #expect(list.findings.allSatisfy { $0.method == .list && $0.attribution.hasSuffix("in a list continuing the sentence before") })
        #expect(findings.count == sentences.flatMap(\.findings).count)
    }

    @Test("the silent trace the pipeline uses and the collecting one find the same")
    func silentAndCollectingAgree() {
        let text = "Opposition figures gathered in Minsk. Police beat protesters and detained dozens.\n\nHong Kong authorities jailed activists."
        var silent = SilentTrace()
        var collector = TraceCollector()
        let quiet = analyzer.analyze(text: text, title: "Crackdown", trace: &silent).findings
        let told = analyzer.analyze(text: text, title: "Crackdown", trace: &collector).findings
        #expect(!quiet.isEmpty)
        #expect(quiet.map(\.id) == told.map(\.id))
        #expect(quiet.map(\.attribution) == told.map(\.attribution))
        #expect(quiet.allSatisfy { $0.sentence.isEmpty } && told.allSatisfy { !$0.sentence.isEmpty })
    }

    /// The shipped rules with engine.yaml's `attribution` line replaced.
    static func analyzer(attribution: String) throws -> ArticleAnalyzer {
        let folder = try TemporaryFolder()
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: TestPaths.rules, to: rules)
        let engine = rules.appendingPathComponent("engine.yaml")
        let lines = try String(contentsOf: engine, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("attribution:") }.count == 1)
        try lines.map { $0.hasPrefix("attribution:") ? "attribution: \(attribution)" : String($0) }.joined(separator: "\n")
            .write(to: engine, atomically: true, encoding: .utf8)
        return ArticleAnalyzer(CompiledRules(try RuleSetLoader.load(from: rules)))
    }

    @Test("engine.yaml's attribution order decides between strategies that disagree")
    func reorderedStrategies() throws {
        #expect(ShippedRules.ruleSet.engine.attributionOrder == [.sentence, .list, .region, .paragraph, .headline, .dateline, .article])
        let sentence = "Police beat peaceful protesters in Minsk and detained dozens."
        let title = "Crackdown in Kazakhstan"
        func countries(_ analyzer: ArticleAnalyzer) -> Set<String> {
            Set(analyzer.analyze(text: sentence, title: title).findings.map(\.country.rawValue))
        }
        #expect(countries(analyzer) == ["BY"])
        let headlineFirst = try Self.analyzer(attribution: "[headline, sentence, list, region, paragraph, dateline, article]")
        #expect(countries(headlineFirst) == ["KZ"])
        #expect(headlineFirst.analyze(text: sentence, title: title).findings.allSatisfy { $0.method == .headline })
        // `list` adds to the sentence's choice only right after it: behind `region` it never runs.
        let workers = "Migrant workers in Kuwait, Oman and Bahrain described unpaid wages and confiscated passports."
        #expect(Set(analyzer.analyze(text: workers).findings.map(\.country.rawValue)) == ["KW", "OM", "BH"])
        let listLast = try Self.analyzer(attribution: "[sentence, region, list, paragraph, headline, dateline, article]")
        #expect(Set(listLast.analyze(text: workers).findings.map(\.country)).count == 1)
    }

    @Test("an unknown, repeated or missing strategy name is refused with R070, where it is written")
    func unknownStrategy() throws {
        /// The diagnostics of loading `base` with this engine.yaml (the check is the engine.yaml
        /// reader's, so loading reports it as `rules check` does).
        func diagnostics(_ engine: String) throws -> [Diagnostic] {
            let folder = try RulesCheckerTests.ruleSet("base")
            try folder.write("engine.yaml", engine)
            do {
                _ = try RuleSetLoader.load(from: folder.url, display: "rules")
                return []
            } catch let error as RuleError {
                return error.diagnostics
            }
        }
        let refused = try diagnostics("negation:\n  negators: [not]\nattribution: [sentence, sentence, dateline, town]\n")
        #expect(refused.map(\.code) == ["R070", "R070"], "\(refused.map(\.description))")
        #expect(refused.map(\.location) == [SourceLocation(file: "rules/engine.yaml", line: 3, column: 25),
                                            SourceLocation(file: "rules/engine.yaml", line: 3, column: 45)])
        #expect(refused.last?.message.contains("'town'") == true)
        #expect(try diagnostics("negation:\n  negators: [not]\nattribution: []\n").map(\.code) == ["R070"])
    }
}
