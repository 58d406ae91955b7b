import Foundation
import Testing
@testable import RightsCore

@Suite struct RuleSetLoaderTests {
    @Test("the shipped rules load with no errors and every indicator has at least 25 patterns")
    func shipped() throws {
        let result = RuleSetLoader.read(TestPaths.rules, display: "rules")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let rules = try #require(result.ruleSet)
        let expected: Set<IndicatorID> = ["elections", "press_freedom", "political_prisoners", "torture", "assembly", "civil_society",
                                          "religious_freedom", "labor_rights", "rule_of_law", "lethal_force"]
        #expect(Set(rules.indicators.map(\.id)) == expected)
        for indicator in rules.indicators {
            #expect(indicator.patterns.count >= 25, "\(indicator.id) has \(indicator.patterns.count) patterns")
            #expect(!indicator.references.isEmpty)
        }
        #expect(rules.gazetteer.countries.count >= 249)
    }

    @Test("every example of every shipped pattern and exclusion passes")
    func examples() {
        let failures = RuleExampleRunner(ShippedRules.compiled).run().filter { !$0.passed }
        #expect(failures.map { "\($0.rule) \($0.kind.rawValue): \($0.example) — \($0.detail)" } == [])
    }

    @Test("errors name file, line and column; several problems are all reported")
    func diagnostics() throws {
        let folder = try TemporaryFolder()
        let rules = folder.url
        try FileManager.default.copyItem(at: TestPaths.rules.appendingPathComponent("references.yaml"), to: rules.appendingPathComponent("references.yaml"))
        try folder.write("engine.yaml", "negation:\n  window: 2\n")
        try folder.write("countries.yaml", "countries:\n  - {alpha2: KZ, alpha3: KAZ, name: Kazakhstan}\n")
        try folder.write("indicators/press.yaml", """
            id: press_freedom
            name: Press freedom
            weight: 9
            refrences: ["FH:D1"]
            patterns:
              - id: press_freedom.jailed
                pattern: "jail* ~9 journalist*"
                severity: 2
                polarity: concern
              - id: press_freedom.closed
                pattern: "outlet* closed"
                severity: 5
                polarity: worse

            """)
        let result = RuleSetLoader.read(rules, display: "rules")
        let lines = result.diagnostics.map(\.description)
        #expect(lines.contains("rules/indicators/press.yaml:1:5: error R012: press_freedom: indicator id 'press_freedom' does not match the file name 'press.yaml'; rename one of them"))
        #expect(lines.contains("rules/indicators/press.yaml:3:9: error R005: press_freedom: weight 9.0 is out of range 0.1–5"))
        #expect(lines.contains("rules/indicators/press.yaml:4:1: warning R002: unknown key 'refrences' in an indicator file; did you mean 'references'?"))
        #expect(lines.contains { $0.hasPrefix("rules/indicators/press.yaml:7:21: error R030: press_freedom.jailed: in pattern \"jail* ~9 journalist*\": a gap is '~N'") })
        #expect(lines.contains("rules/indicators/press.yaml:12:15: error R005: press_freedom.closed: severity 5 is out of range 1–3"))
        #expect(lines.contains("rules/indicators/press.yaml:13:15: error R004: press_freedom.closed: polarity 'worse' must be 'concern' or 'improvement'"))
        #expect(throws: RuleError.self) { try RuleSetLoader.load(from: rules) }
    }
}

/// The engine's word lists are data in `rules/engine.yaml`: changing one changes what the engine does.
@Suite struct EngineWordListTests {
    /// The shipped rules folder, with `engine.yaml` edited by `edit`.
    static func rules(_ edit: (String) -> String) throws -> (TemporaryFolder, RuleSet) {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.rules.path) {
            try FileManager.default.copyItem(at: TestPaths.rules.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let engine = folder.url.appendingPathComponent("engine.yaml")
        try edit(try String(contentsOf: engine, encoding: .utf8)).write(to: engine, atomically: true, encoding: .utf8)
        return (folder, try RuleSetLoader.load(from: folder.url))
    }

    @Test("clause words, list words and place words load from engine.yaml")
    func shipped() {
        let engine = ShippedRules.ruleSet.engine
        #expect(engine.clauseWords.contains("but"))
        #expect(engine.bareListJoints == ["and", "or", "the"])
        #expect(engine.locatives.contains("across") && engine.determiners.contains("the") && engine.currencyWords.contains("dollars")
                && engine.missionWords.contains("consulate"))
    }

    @Test("an engine.yaml window out of range is an error, not an overflow in the analysis")
    func windowOutOfRange() throws {
        let (folder, _) = try Self.rules { $0 }
        let engine = folder.url.appendingPathComponent("engine.yaml")
        let text = try String(contentsOf: engine, encoding: .utf8)
        try text.replacingOccurrences(of: "verb_window: 3", with: "verb_window: 9223372036854775807")
            .replacingOccurrences(of: "  window: 5", with: "  window: -9223372036854775808")
            .write(to: engine, atomically: true, encoding: .utf8)
        let lines = RuleSetLoader.read(folder.url, display: "rules").diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("rules/engine.yaml:") && $0.contains("error R005") && $0.contains("'verb_window' 9223372036854775807 is out of range 0–50") })
        #expect(lines.contains { $0.contains("error R005") && $0.contains("'window' -9223372036854775808 is out of range 0–50") })
        #expect(throws: RuleError.self) { try RuleSetLoader.load(from: folder.url) }
    }

    @Test("a clause word added in engine.yaml ends a negator's reach")
    func edited() throws {
        let sentence = "Police in Minsk did not comment yet soldiers detained two journalists."
        #expect(ShippedRules.analyzer.analyze(text: sentence).findings.isEmpty)
        let (folder, ruleSet) = try Self.rules { $0.replacingOccurrences(of: "clause_words: [but,", with: "clause_words: [yet, but,") }
        _ = folder
        #expect(!ArticleAnalyzer(CompiledRules(ruleSet)).analyze(text: sentence).findings.isEmpty)

    }
}
