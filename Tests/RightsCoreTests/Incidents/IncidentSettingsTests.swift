import Foundation
import Testing
@testable import RightsCore

@Suite struct IncidentSettingsTests {
    @Test("the shipped scoring.yaml gives the settings it writes")
    func shipped() throws {
        let settings = try IncidentSettingsReader.load(rules: TestPaths.rules)
        #expect(settings.daysApart == 4)
        #expect(settings.similarSentence == 0.6)
        #expect(settings.repeatedSentenceWords == 10)
    }

    @Test("no incidents section: the defaults")
    func defaults() throws {
        let folder = try TemporaryFolder()
        try folder.write("scoring.yaml", "coverage:\n  thin: 1\n  moderate: 2\n  strong: 4\n")
        #expect(try IncidentSettingsReader.load(rules: folder.url) == IncidentSettings())
    }

    @Test("a bad value or an unknown key is reported with file and line", arguments: [
        ("incidents:\n  days_apart: 90\n", "rules/scoring.yaml:2", "days_apart must be 0 to 31"),
        ("incidents:\n  similar_sentence: many\n", "rules/scoring.yaml:2", "'similar_sentence' must be a number"),
        ("incidents:\n  day_apart: 3\n", "rules/scoring.yaml:2", "unknown key 'day_apart' in incidents; did you mean 'days_apart'?"),
        ("incidents:\n  repeated_sentence_words: 1\n", "rules/scoring.yaml:2", "repeated_sentence_words must be at least 3"),
    ])
    func errors(_ yaml: String, _ location: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("scoring.yaml", yaml)
        #expect {
            try IncidentSettingsReader.load(rules: folder.url)
        } throws: { error in
            let text = (error as? IncidentError)?.errorDescription ?? ""
            return text.contains(location) && text.contains(message)
        }
    }

    /// The shipped rules folder with `people.yaml` replaced, loaded as every command loads it.
    static func rules(people yaml: String?) throws -> (folder: TemporaryFolder, result: RuleSetLoader.Result) {
        let folder = try TemporaryFolder()
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: TestPaths.rules, to: rules)
        let people = rules.appendingPathComponent("people.yaml")
        if let yaml { try yaml.write(to: people, atomically: true, encoding: .utf8) } else { try FileManager.default.removeItem(at: people) }
        return (folder, RuleSetLoader.read(rules, display: "rules"))
    }

    @Test("people.yaml: an unknown vocabulary class and a bad number are reported with file and line by the rule loader")
    func peopleErrors() throws {
        let (_, result) = try Self.rules(people: """
            role_classes: [media_workers]
            titles: [dr]
            organisation_words: [watch]
            not_names: [monday]
            numbers:
              two: none
            """)
        let text = result.diagnostics.map(\.description)
        #expect(text.contains { $0.hasPrefix("rules/people.yaml:1:") && $0.contains("R060") && $0.contains("did you mean 'media_worker'?") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("rules/people.yaml:6:") && $0.contains("'two' must be a whole number") }, "\(text)")
    }

    @Test("people.yaml missing: the rules load, and no one is named")
    func peopleMissing() throws {
        let (_, result) = try Self.rules(people: nil)
        let ruleSet = try #require(result.ruleSet)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.description))")
        #expect(ruleSet.people.namesNoOne)
        let analysis = ArticleAnalyzer(CompiledRules(ruleSet)).analyze(text: "Police in Almaty detained journalist Amina Yusuf on Monday.")
        #expect(!analysis.findings.isEmpty)
        #expect(analysis.findings.allSatisfy { $0.people.isEmpty })
    }

    @Test("people.yaml is in the rules hash: changing it changes the hash findings record")
    func peopleInRulesHash() throws {
        let shipped = try String(contentsOf: TestPaths.rules.appendingPathComponent("people.yaml"), encoding: .utf8)
        let same = try #require(try Self.rules(people: shipped).result.ruleSet)
        let changed = try #require(try Self.rules(people: shipped + "\n# a comment\n").result.ruleSet)
        #expect(same.contentHash == ShippedRules.ruleSet.contentHash)
        #expect(changed.contentHash != same.contentHash)
    }
}
