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

    @Test("people.yaml: an unknown vocabulary class and a bad number are reported with file and line")
    func peopleErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("people.yaml", """
            role_classes: [media_workers]
            titles: [dr]
            organisation_words: [watch]
            not_names: [monday]
            numbers:
              two: none
            """)
        #expect {
            try PeopleLexiconReader.load(rules: folder.url, ruleSet: ShippedRules.ruleSet)
        } throws: { error in
            let text = (error as? IncidentError)?.errorDescription ?? ""
            return text.contains("rules/people.yaml:1") && text.contains("did you mean 'media_worker'?")
                && text.contains("rules/people.yaml:6") && text.contains("'two' must be a whole number")
        }
    }

    @Test("people.yaml missing: a clear error")
    func peopleMissing() throws {
        let folder = try TemporaryFolder()
        #expect(throws: IncidentError.self) { try PeopleLexiconReader.load(rules: folder.url, ruleSet: ShippedRules.ruleSet) }
    }
}
