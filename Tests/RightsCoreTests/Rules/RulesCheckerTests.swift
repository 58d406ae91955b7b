import Foundation
import Testing
@testable import RightsCore

/// Each folder under Fixtures/rules-check/ is the small valid rule set in `base/` with one
/// deliberate defect laid over it; the checker must report exactly that defect, where it is.
@Suite struct RulesCheckerTests {
    static let fixtures = TestPaths.fixtures.appendingPathComponent("rules-check")

    /// `base` with the case's files laid over it, in a temporary folder.
    static func ruleSet(_ name: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let fileManager = FileManager.default
        for source in ["base", name] {
            let root = fixtures.appendingPathComponent(source)
            guard let enumerator = fileManager.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                try folder.write(relative, try Data(contentsOf: url))
            }
        }
        return folder
    }

    static func check(_ name: String) throws -> RulesChecker.Report {
        let folder = try ruleSet(name)
        return RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
    }

    struct Expected: Sendable, CustomStringConvertible {
        var fixture: String
        var code: String
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(fixture): \(code) at \(file):\(line):\(column)" }
    }

    static let cases: [Expected] = [
        Expected(fixture: "r001-yaml-syntax", code: "R001", file: "indicators/torture.yaml", line: 2, column: 7),
        Expected(fixture: "r002-unknown-key", code: "R002", file: "indicators/torture.yaml", line: 8, column: 5),
        Expected(fixture: "r003-missing-key", code: "R003", file: "indicators/torture.yaml", line: 6, column: 5),
        Expected(fixture: "r004-wrong-type", code: "R004", file: "indicators/torture.yaml", line: 3, column: 9),
        Expected(fixture: "r005-out-of-range", code: "R005", file: "indicators/torture.yaml", line: 8, column: 15),
        Expected(fixture: "r006-empty-patterns", code: "R006", file: "indicators/torture.yaml", line: 5, column: 11),
        Expected(fixture: "r010-duplicate-indicator", code: "R010", file: "indicators/torture_again.yaml", line: 1, column: 1),
        Expected(fixture: "r011-duplicate-rule-id", code: "R011", file: "indicators/torture.yaml", line: 12, column: 5),
        Expected(fixture: "r012-file-name", code: "R012", file: "indicators/abuse.yaml", line: 1, column: 5),
        Expected(fixture: "r013-bad-rule-id", code: "R013", file: "indicators/torture.yaml", line: 6, column: 9),
        Expected(fixture: "r020-unknown-indicator", code: "R020", file: "exclusions.yaml", line: 5, column: 17),
        Expected(fixture: "r021-unknown-country", code: "R021", file: "regions.yaml", line: 2, column: 5),
        Expected(fixture: "r021-currency-country", code: "R021", file: "engine.yaml", line: 8, column: 10),
        Expected(fixture: "r022-unknown-reference", code: "R022", file: "indicators/torture.yaml", line: 4, column: 14),
        Expected(fixture: "r030-pattern-syntax", code: "R030", file: "indicators/torture.yaml", line: 7, column: 28),
        Expected(fixture: "r031-never-matches", code: "R031", file: "indicators/press_freedom.yaml", line: 13, column: 14),
        Expected(fixture: "r032-duplicate-pattern", code: "R032", file: "indicators/torture.yaml", line: 13, column: 14),
        Expected(fixture: "r033-opposite-polarity", code: "R033", file: "indicators/torture.yaml", line: 7, column: 14),
        Expected(fixture: "r034-example-not-matched", code: "R034", file: "indicators/torture.yaml", line: 6, column: 5),
        Expected(fixture: "r035-counter-example-matched", code: "R035", file: "indicators/torture.yaml", line: 6, column: 5),
        Expected(fixture: "r036-no-examples", code: "R036", file: "indicators/torture.yaml", line: 6, column: 5),
        Expected(fixture: "r040-duplicate-country", code: "R040", file: "countries.yaml", line: 5, column: 5),
        Expected(fixture: "r041-shared-alias", code: "R041", file: "countries.yaml", line: 2, column: 5),
        Expected(fixture: "r041-shared-currency", code: "R041", file: "engine.yaml", line: 8, column: 15),
        Expected(fixture: "r042-leader-overlap", code: "R042", file: "countries.yaml", line: 7, column: 9),
        Expected(fixture: "r043-malformed-code", code: "R043", file: "countries.yaml", line: 2, column: 13),
        Expected(fixture: "r044-ambiguous-not-a-name", code: "R044", file: "countries.yaml", line: 5, column: 17),
        Expected(fixture: "r045-common-word-alias", code: "R045", file: "countries.yaml", line: 5, column: 26),
        Expected(fixture: "r050-thresholds", code: "R050", file: "scoring.yaml", line: 2, column: 3),
        Expected(fixture: "r051-level-values", code: "R051", file: "scoring.yaml", line: 2, column: 3),
        Expected(fixture: "r060-unknown-class", code: "R060", file: "indicators/torture.yaml", line: 7, column: 15),
        Expected(fixture: "r061-unused-class", code: "R061", file: "vocabulary/agent.yaml", line: 1, column: 1),
        Expected(fixture: "r062-class-cycle", code: "R062", file: "vocabulary/force.yaml", line: 5, column: 5),
        Expected(fixture: "r063-duplicate-entry", code: "R063", file: "vocabulary/torture_verb.yaml", line: 4, column: 11),
        Expected(fixture: "r064-single-part-frame", code: "R064", file: "indicators/torture.yaml", line: 7, column: 25),
        Expected(fixture: "r065-empty-class", code: "R065", file: "vocabulary/torture_verb.yaml", line: 1, column: 1),
        Expected(fixture: "r066-repeated-alternatives", code: "R066", file: "indicators/torture.yaml", line: 13, column: 14),
        Expected(fixture: "r067-class-too-large", code: "R067", file: "vocabulary/phrase.yaml", line: 3, column: 11),
        Expected(fixture: "r070-unknown-attribution-strategy", code: "R070", file: "engine.yaml", line: 5, column: 31),
        Expected(fixture: "r060-people-role-class", code: "R060", file: "people.yaml", line: 2, column: 16),
    ]

    @Test("the base fixture is clean")
    func baseIsClean() throws {
        let report = try Self.check("base")
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test("each broken rule set reports its code at the exact file, line and column", arguments: cases)
    func reportsDefect(_ expected: Expected) throws {
        let report = try Self.check(expected.fixture)
        let found = report.diagnostics.filter { $0.code == expected.code }
        #expect(found.count == 1, "\(report.diagnostics.map(\.description))")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location == SourceLocation(file: "rules/" + expected.file, line: expected.line, column: expected.column))
        // Nothing else is an error besides what the defect implies.
        let otherErrors = report.diagnostics.filter { $0.severity == .error && $0.code != expected.code }
        let implied: [String: Set<String>] = ["r010-duplicate-indicator": ["R012"]]
        #expect(otherErrors.allSatisfy { implied[expected.fixture]?.contains($0.code) ?? false }, "\(otherErrors.map(\.description))")
    }

    @Test("single letters and listed common words are refused as place names unless marked ambiguous; names in capitals only match capitals")
    func commonWordPlaceNames() throws {
        let folder = try Self.ruleSet("base")
        try folder.write("countries.yaml", """
            countries:
              - alpha2: BY
                alpha3: BLR
                name: Belarus
                aliases: [A, US, Chase]
                demonyms: [The]
                cities: [Of]
                leaders:
                  - {name: Alexander Lukashenko, aliases: [will], office: president, from: 1994}
              - alpha2: KZ
                alpha3: KAZ
                name: Kazakhstan
                aliases: [May]
                ambiguous: [May]
            """)
        let report = RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
        let refused = report.diagnostics.filter { $0.code == "R045" }
        #expect(refused.map(\.location) == [
            SourceLocation(file: "rules/countries.yaml", line: 5, column: 15),
            SourceLocation(file: "rules/countries.yaml", line: 5, column: 22),
            SourceLocation(file: "rules/countries.yaml", line: 6, column: 16),
            SourceLocation(file: "rules/countries.yaml", line: 7, column: 14),
            SourceLocation(file: "rules/countries.yaml", line: 9, column: 48),
        ], "\(report.diagnostics.map(\.description))")
        #expect(refused.first?.message == "'A' is a single letter, not a place name: remove it, or list it in BY's `ambiguous` if it must stay")
        #expect(refused.allSatisfy { $0.severity == .error })
        #expect(report.errorCount == refused.count, "\(report.diagnostics.map(\.description))")
        #expect(throws: RuleError.self) { _ = try RuleSetLoader.load(from: folder.url) }
    }

    /// `base` with two torture patterns whose first groups are the given lists.
    static func twoLists(_ first: String, _ second: String) throws -> RulesChecker.Report {
        let folder = try ruleSet("base")
        try folder.write("indicators/torture.yaml", """
            id: torture
            name: Torture
            weight: 1
            references: ["CIRI:TORT"]
            patterns:
              - id: torture.detainees_tortured
                pattern: "(\(first)) ~3 tortured"
                severity: 3
                polarity: concern
                examples:
                  match: ["Police tortured the detainees."]
              - id: torture.detainees_beaten
                pattern: "(\(second)) ~3 beat"
                severity: 3
                polarity: concern
                examples:
                  match: ["Guards beat the detainees."]
            """)
        return RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
    }

    @Test("a written list repeated in another pattern, or drifted from it, is reported with what each copy lacks; two lists sharing a few common words are not")
    func repeatedAndDriftingLists() throws {
        let drifted = try Self.twoLists("police|soldiers|guards|troops|militias|agents|wardens", "police|soldiers|guards|troops|militias|agents|jailers")
        let warning = try #require(drifted.diagnostics.first { $0.code == "R066" }, "\(drifted.diagnostics.map(\.description))")
        #expect(drifted.diagnostics.filter { $0.code == "R066" }.count == 1)
        #expect(warning.location == SourceLocation(file: "rules/indicators/torture.yaml", line: 13, column: 14))
        #expect(warning.subject == "torture.detainees_beaten")
        #expect(warning.message == "6 of these alternatives are also written out in torture.detainees_tortured (rules/indicators/torture.yaml:7:14), "
            + "a copy drifting from this list (only here: 'jailers'; only there: 'wardens'); name the list once in rules/vocabulary/ and write @name")

        let same = try Self.twoLists("police|soldiers|guards|troops|militias|agents", "agents|militias|troops|guards|soldiers|police")
        #expect(same.diagnostics.filter { $0.code == "R066" }.map(\.message) == [
            "the same 6 alternatives are written out in torture.detainees_tortured (rules/indicators/torture.yaml:7:14); name them once in rules/vocabulary/ and write @name",
        ])

        // Six shared of twelve in all: two lists that share common words, not one list drifting.
        let different = try Self.twoLists("arrested|detained|jailed|charged|fined|sentenced|summoned|questioned|deported|expelled",
                                          "arrested|detained|jailed|charged|fined|sentenced|beaten|tortured")
        #expect(!different.diagnostics.contains { $0.code == "R066" }, "\(different.diagnostics.map(\.description))")

        // Five shared: below the size at which a list should be named, however similar.
        let short = try Self.twoLists("police|soldiers|guards|troops|militias|wardens", "police|soldiers|guards|troops|militias|jailers")
        #expect(!short.diagnostics.contains { $0.code == "R066" })
    }

    @Test("the words that are never a place name load from engine.yaml")
    func notPlaceNamesLoad() throws {
        let words = ShippedRules.ruleSet.engine.notPlaceNames
        #expect(words.isSuperset(of: ["a", "an", "the", "of", "in", "and"]))
        let folder = try Self.ruleSet("base")
        try folder.write("engine.yaml", "negation:\n  negators: [not]\nnot_place_names: the\n")
        let report = RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
        #expect(report.diagnostics.map(\.code) == ["R004"], "\(report.diagnostics.map(\.description))")
    }

    @Test("one broken file does not hide problems in another")
    func twoFiles() throws {
        let report = try Self.check("two-broken-files")
        #expect(report.diagnostics.map(\.code).sorted() == ["R030", "R043"])
        #expect(Set(report.perFile.map(\.file)) == ["rules/countries.yaml", "rules/indicators/torture.yaml"])
    }

    @Test("a missing required file is reported, not crashed on")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("indicators/x.yaml", "id: x\n")
        let report = RulesChecker.check(folder.url, display: "rules", examples: RuleExampleRunner.diagnostics)
        #expect(report.diagnostics.contains { $0.code == "R007" && $0.location.file == "rules/references.yaml" })
        #expect(report.errorCount > 0)
    }

    @Test("the shipped rule set passes with no errors and no warnings")
    func shipped() {
        let report = RulesChecker.check(TestPaths.rules, display: "rules", examples: RuleExampleRunner.diagnostics)
        #expect(report.diagnostics.map(\.description) == [])
    }
}

/// `rules check` on a big indicator file stays linear in its size.
@Suite struct RulesCheckerScaleTests {
    @Test("rules that share examples: each example text is analysed once, not once per rule")
    func sharedExamplesAnalysedOnce() throws {
        let folder = try RulesCheckerTests.ruleSet("base")
        let file = folder.url.appendingPathComponent("indicators/torture.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let parts = text.components(separatedBy: "\npatterns:\n")
        try #require(parts.count == 2)
        // The file's patterns twenty times over, with new ids: the same examples twenty times.
        let copies = (0 ..< 20).map { copy in
            parts[1].replacingOccurrences(of: "id: torture.", with: "id: torture.c\(copy)_")
        }
        try (parts[0] + "\npatterns:\n" + copies.joined(separator: "\n")).write(to: file, atomically: true, encoding: .utf8)
        let rules = try RuleSetLoader.load(from: folder.url)
        let once = try RuleSetLoader.load(from: RulesCheckerTests.fixtures.appendingPathComponent("base"))
        let single = RuleExampleRunner(CompiledRules(once)).runCounting()
        let run = RuleExampleRunner(CompiledRules(rules)).runCounting()
        let torture = single.results.filter { $0.rule.rawValue.hasPrefix("torture.") }
        #expect(!torture.isEmpty)
        let expected: Int = single.results.count + 19 * torture.count
        #expect(run.results.count == expected)
        let passed: Int = run.results.filter(\.passed).count
        let expectedPassed: Int = single.results.filter(\.passed).count + 19 * torture.filter(\.passed).count
        #expect(passed == expectedPassed)
        // Twenty times the examples, the same texts: analysed as often as for one copy.
        #expect(run.analyses == single.analyses)
    }
}
