import Foundation
import Testing
@testable import RightsCore

/// Named vocabularies (`@name`) and order-free frames (`{…}`): parsing, expansion and matching.
@Suite struct VocabularyTests {
    static let vocabulary = Vocabulary([
        VocabularyClass(name: "detain", about: "custody", entries: [[.exact("detained")], [.exact("jailed")], [.exact("taken"), .exact("into"), .exact("custody")]],
                        origins: ["detain", "jail", "taken into custody"], includes: [], location: SourceLocation(file: "v")),
        VocabularyClass(name: "media_worker", about: "press", entries: [[.prefix("journalist")], [.prefix("reporter")]],
                        origins: ["journalist*", "reporter*"], includes: [], location: SourceLocation(file: "v")),
    ])

    func matches(_ pattern: String, _ sentence: String) throws -> [String] {
        var builder = PhraseAutomatonBuilder()
        builder.add(try PatternParser.parse(pattern, vocabulary: Self.vocabulary), payload: 0)
        let (scanned, found) = builder.build().matches(in: sentence)
        return found.map { match in (match.start ..< match.end).map(scanned.word).joined(separator: " ") }
    }

    @Test("@name stands for the class's entries, alone or among alternatives")
    func classReference() throws {
        let pattern = try PatternParser.parse("police ~3 (@detain|arrested) @media_worker", vocabulary: Self.vocabulary)
        #expect(pattern.classes == ["detain", "media_worker"])
        #expect(pattern.elements[1].alternatives.count == 4)
        #expect(try matches("police ~3 (@detain|arrested) @media_worker", "Police on Monday took into custody reporters.") == [])
        #expect(try matches("police ~3 @detain ~2 @media_worker", "Police on Monday detained two journalists.") == ["police on monday detained two journalists"])
        #expect(try matches("@detain ~2 @media_worker", "They were taken into custody with reporters.") == ["taken into custody with reporters"])
    }

    @Test("a frame matches its parts in any order, within its window")
    func frameOrders() throws {
        let pattern = try PatternParser.parse("{@detain @media_worker ~4}", vocabulary: Self.vocabulary)
        #expect(pattern.sequences.count == 2)
        #expect(pattern.frameParts == 2)
        #expect(try matches("{@detain @media_worker ~4}", "Police detained a journalist.") == ["detained a journalist"])
        #expect(try matches("{@detain @media_worker ~4}", "Reporter Amina Yusuf, 34, was jailed.") == ["reporter amina yusuf 34 was jailed"])
        #expect(try matches("{@detain @media_worker ~4}", "The journalist said that five of his sources were later jailed.") == [])
        // Three parts: six orders.
        #expect(try PatternParser.parse("{police @detain @media_worker}", vocabulary: Self.vocabulary).sequences.count == 6)
        // Elements before and after a frame keep their place.
        #expect(try matches("police ~2 {@detain @media_worker ~3} ~2 custody", "Police in Minsk journalists detained and held in custody.") == [])
        #expect(try matches("police ~2 {@detain @media_worker ~3} ~3 court", "Police in Minsk journalists detained and sent to court.") == ["police in minsk journalists detained and sent to court"])
    }

    @Test("unknown classes and one-part frames are errors of their own kind, at their column")
    func errors() {
        #expect {
            _ = try PatternParser.parse("police ~3 @detian", vocabulary: Self.vocabulary)
        } throws: { error in
            guard let error = error as? PatternParser.SyntaxError else { return false }
            return error.kind == .unknownClass("detian") && error.column == 11 && error.message.contains("did you mean '@detain'")
        }
        #expect {
            _ = try PatternParser.parse("police {@detain}", vocabulary: Self.vocabulary)
        } throws: { error in
            (error as? PatternParser.SyntaxError)?.kind == .singlePartFrame
        }
        for (source, message) in [("{@detain @media_worker", "never closed"), ("{a b} {c d}", "only one frame"), ("{a {b c}}", "nested"),
                                  ("{a b ~3 c}", "stands last"), ("(a|{b c})", "cannot stand inside"), ("a }", "without '{'"), ("(jail @detain)", "whole alternative")] {
            #expect(throws: PatternParser.SyntaxError.self, "\(source)") { _ = try PatternParser.parse(source, vocabulary: Self.vocabulary) }
            do { _ = try PatternParser.parse(source, vocabulary: Self.vocabulary) } catch {
                #expect(error.message.contains(message), "\(source): \(error.message)")
            }
        }
    }

    @Test("regular verb and noun forms are generated from the base word")
    func wordForms() {
        #expect(WordForms.verb(["detain"]) == [["detain"], ["detains"], ["detained"], ["detaining"]])
        #expect(WordForms.verb(["seize"]) == [["seize"], ["seizes"], ["seized"], ["seizing"]])
        #expect(WordForms.verb(["harass"]) == [["harass"], ["harasses"], ["harassed"], ["harassing"]])
        #expect(WordForms.verb(["bury"]) == [["bury"], ["buries"], ["buried"], ["burying"]])
        #expect(WordForms.verb(["round", "up"]) == [["round", "up"], ["rounds", "up"], ["rounded", "up"], ["rounding", "up"]])
        #expect(WordForms.verb(["free"]) == [["free"], ["frees"], ["freed"], ["freeing"]])
        #expect(WordForms.noun(["rights", "defender"]) == [["rights", "defender"], ["rights", "defenders"]])
        #expect(WordForms.noun(["activist"]) == [["activist"], ["activists"]])
        #expect(WordForms.noun(["lawyer"]) == [["lawyer"], ["lawyers"]])
        #expect(WordForms.noun(["authority"]) == [["authority"], ["authorities"]])
    }

    @Test("classes include classes; an include of an unknown class is reported with a suggestion")
    func includes() throws {
        let folder = try TemporaryFolder()
        try folder.write("vocabulary/agent.yaml", "name: agent\nabout: state\nentries: [police, \"@military\", \"@milita\"]\n")
        try folder.write("vocabulary/military.yaml", "name: military\nabout: armed forces\nnouns: [soldier]\nentries: [troops]\n")
        var written: [VocabularyReader.Written] = []
        for name in ["agent", "military"] {
            var doc = YAMLDocument.load(folder.url.appendingPathComponent("vocabulary/\(name).yaml"), display: name)
            written.append(try #require(VocabularyReader.read(&doc, fileStem: name)))
            #expect(doc.diagnostics.isEmpty)
        }
        let (vocabulary, diagnostics) = VocabularyReader.expand(written)
        #expect(vocabulary.entries(of: "agent") == [[.exact("police")], [.exact("soldier")], [.exact("soldiers")], [.exact("troops")]])
        #expect(vocabulary.origin(of: [.exact("soldiers")], in: "agent") == "@military ← 'soldier'")
        #expect(diagnostics.map(\.code) == ["R060"])
        #expect(diagnostics.first?.message.contains("did you mean '@military'") == true)
    }

    /// The classes of `files` (name → YAML), read and expanded.
    static func expand(_ files: [String: String]) throws -> (Vocabulary, [Diagnostic]) {
        let folder = try TemporaryFolder()
        var written: [VocabularyReader.Written] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try folder.write("vocabulary/\(name).yaml", text)
            var doc = YAMLDocument.load(folder.url.appendingPathComponent("vocabulary/\(name).yaml"), display: name)
            written.append(try #require(VocabularyReader.read(&doc, fileStem: name)))
            #expect(doc.diagnostics.isEmpty)
        }
        return VocabularyReader.expand(written)
    }

    @Test("an entry that joins classes and words in a row stands for every combination, and says where it came from")
    func sequences() throws {
        let (vocabulary, diagnostics) = try Self.expand([
            "passive": "name: passive\nabout: passives\nentries: [\"@be @adverb arrested\", \"were taken away\"]\n",
            "be": "name: be\nabout: to be\nentries: [was, were]\n",
            "adverb": "name: adverb\nabout: adverbs\nentries: [later, briefly, \"@seldom\"]\n",
            "seldom": "name: seldom\nabout: rare adverbs\nentries: [once again]\n",
        ])
        #expect(diagnostics.isEmpty)
        let phrases = (vocabulary.entries(of: "passive") ?? []).map { $0.map(\.description).joined(separator: " ") }
        #expect(phrases == ["were taken away", "was later arrested", "was briefly arrested", "was once again arrested",
                            "were later arrested", "were briefly arrested", "were once again arrested"])
        #expect(vocabulary.origin(of: [.exact("were"), .exact("once"), .exact("again"), .exact("arrested")], in: "passive") == "@be @adverb arrested")
        // The classes a sequence names are used by its class.
        #expect(Set(vocabulary.classes["passive"]?.includes ?? []) == ["be", "adverb"])
    }

    @Test("a sequence naming an unknown class, or one that leads back to its own class, is reported; one past 20,000 entries is R067")
    func sequenceProblems() throws {
        let (_, unknown) = try Self.expand(["passive": "name: passive\nabout: p\nentries: [\"@bee arrested\", jailed]\n",
                                            "be": "name: be\nabout: b\nentries: [was]\n"])
        #expect(unknown.map(\.code) == ["R060"])
        let (_, cycle) = try Self.expand(["loop": "name: loop\nabout: l\nentries: [\"very @loop\", big]\n"])
        #expect(cycle.map(\.code) == ["R062"])
        // 30 × 30 × 30 = 27,000 combinations: refused before any is made.
        let words = (0 ..< 30).map { "w\($0)" }.joined(separator: ", ")
        let (vocabulary, large) = try Self.expand(["big": "name: big\nabout: b\nentries: [\"@w @w @w\", small]\n",
                                                   "w": "name: w\nabout: w\nentries: [\(words)]\n"])
        #expect(large.map(\.code) == ["R067"])
        #expect(large.first?.message == "entry \"@w @w @w\" makes 27000 entries; a class may have at most 20000")
        #expect(vocabulary.entries(of: "big")?.count == 1)
    }
}

/// The shipped rules on the phrasing the rule language v2 is for: apposition, passive voice, lists.
@Suite struct ShippedFrameTests {
    func findings(_ sentence: String) -> Set<String> {
        Set(ShippedRules.analyzer.analyze(text: sentence).findings.map { "\($0.country) \($0.indicator)" })
    }

    @Test("a journalist jailed, named in apposition, is press freedom and a political prisoner")
    func apposition() {
        #expect(findings("Reporter Amina Yusuf, 34, was jailed for six weeks in Harare.").isSuperset(of: ["ZW press_freedom", "ZW political_prisoners"]))
    }

    @Test("a wave of arrests listing activists and journalists is press freedom, political prisoners and civil society")
    func listOfVictims() {
        let found = findings("Police in Minsk answered with a wave of arrests, including students, activists and two journalists.")
        #expect(found.isSuperset(of: ["BY press_freedom", "BY political_prisoners", "BY civil_society"]))
    }

    @Test("explain shows which class entry matched and the order of the frame's parts")
    func explanation() throws {
        let analysis = ShippedRules.analyzer.analyze(text: "Reporter Amina Yusuf, 34, was taken into custody in Harare.")
        let match = try #require(analysis.sentences.first?.matches.first { $0.rule.rawValue == "press_freedom.media_worker_detained_frame" })
        let explanation = try #require(ShippedRules.analyzer.explanation(of: match))
        #expect(explanation.frameReordered)
        #expect(explanation.parts.map(\.description) == ["@media_worker ← 'reporter'", "@detain ← 'taken into custody'"])
        let jailed = try #require(ShippedRules.analyzer.analyze(text: "Two reporters were jailed in Harare.").sentences.first?.matches
            .first { $0.rule.rawValue == "press_freedom.media_worker_detained_frame" })
        #expect(ShippedRules.analyzer.explanation(of: jailed)?.parts.map(\.description) == ["@media_worker ← 'reporters' (entry 'reporter')", "@detain ← 'jailed' (entry 'jail')"])
    }

    @Test("a frame does not reach across a clause boundary or a speaker")
    func clauseBoundary() {
        for sentence in ["In Harare the reporter said the suspects were arrested after a long chase.",
                         "In Harare the reporter stayed home; the burglars were arrested the next day."] {
            let report = ShippedRules.analyzer.analyze(text: sentence).sentences.first
            #expect(report?.matches.contains { $0.rule.rawValue.hasSuffix("_frame") } == false, "\(sentence)")
            #expect(report?.vetoed.contains { $0.rule.rawValue == "press_freedom.media_worker_detained_frame" && $0.reason.contains("different clauses") } == true, "\(sentence)")
        }
    }
}

@Suite struct VocabularyExpansionCostTests {
    @Test("classes that include each other in a deep diamond expand once each, and a cycle among them is reported")
    func diamond() {
        // c0 includes c1 and c2, c1 includes c2 and c3, … : 2^40 paths if expanded per path.
        let count = 40
        var written: [VocabularyReader.Written] = []
        for index in 0 ..< count {
            var item = VocabularyReader.Written(name: "c\(index)", about: "test", location: SourceLocation(file: "c\(index).yaml"))
            item.entries = [([.exact("w\(index)")], "w\(index)", SourceLocation(file: "c\(index).yaml"))]
            for next in [index + 1, index + 2] where next < count { item.includes.append(("c\(next)", SourceLocation(file: "c\(index).yaml"))) }
            if index == count - 1 { item.includes.append(("c0", SourceLocation(file: "c\(index).yaml"))) }
            written.append(item)
        }
        let (vocabulary, diagnostics) = VocabularyReader.expand(written)
        #expect(vocabulary.entries(of: "c0")?.count == count)
        #expect(diagnostics.map(\.code) == ["R062"])
    }
}
