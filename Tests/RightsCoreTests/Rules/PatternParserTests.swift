import Testing
@testable import RightsCore

@Suite struct PatternParserTests {
    @Test("words, prefixes, alternatives and gaps parse into elements")
    func parses() throws {
        let pattern = try PatternParser.parse("(arrest*|detain*) ~3 (independent journalist*|blogger)")
        #expect(pattern.elements.count == 2)
        #expect(pattern.elements[0].alternatives == [[.prefix("arrest")], [.prefix("detain")]])
        #expect(pattern.elements[1].maxGapBefore == 3)
        #expect(pattern.elements[1].alternatives == [[.exact("independent"), .prefix("journalist")], [.exact("blogger")]])
        #expect(pattern.description == "(arrest*|detain*) ~3 (independent journalist*|blogger)")
    }

    @Test("syntax errors name the column inside the pattern", arguments: [
        ("arrest* ~9 journalist*", 9, "a gap is '~N'"),
        ("~2 journalist*", 1, "cannot start with a gap"),
        ("journalist* ~2", 13, "cannot end with a gap"),
        ("(arrest*|detain* journalist", 1, "never closed"),
        ("arrest*) x", 8, "without '('"),
        ("ar* journalist", 1, "at least 3 letters"),
        ("Anti-State", 1, "not one token"),
        ("(a|(b|c))", 4, "cannot be nested"),
        ("jour*nalist", 1, "may only end a word"),
        ("arrest | detain", 8, "outside parentheses"),
        ("(arrest||detain)", 9, "empty alternative"),
    ])
    func errors(source: String, column: Int, message: String) {
        #expect {
            _ = try PatternParser.parse(source)
        } throws: { error in
            guard let error = error as? PatternParser.SyntaxError else { return false }
            return error.column == column && error.message.contains(message)
        }
    }
}

@Suite struct PhraseAutomatonTests {
    func matches(_ pattern: String, _ sentence: String) throws -> [String] {
        var builder = PhraseAutomatonBuilder()
        builder.add(try PatternParser.parse(pattern), payload: 0)
        let (scanned, found) = builder.build().matches(in: sentence)
        return found.map { match in (match.start ..< match.end).map(scanned.word).joined(separator: " ") }
    }

    @Test("an exact word matches only itself")
    func exact() throws {
        #expect(try matches("torture", "They faced Torture.") == ["torture"])
        #expect(try matches("torture", "They were tortured.") == [])
    }

    @Test("a prefix matches every word starting with it")
    func prefix() throws {
        #expect(try matches("journalist*", "Two journalists and a journalist.") == ["journalists", "journalist"])
    }

    @Test("alternatives may be several words")
    func alternatives() throws {
        #expect(try matches("(riot police|security forces) fired", "Security forces fired on them.") == ["security forces fired"])
        #expect(try matches("(riot police|security forces) fired", "Riot police fired.") == ["riot police fired"])
        #expect(try matches("(riot police|security forces) fired", "Police fired.") == [])
    }

    @Test("a gap of N allows up to N words between, not more")
    func gaps() throws {
        #expect(try matches("arrest* ~2 journalist*", "arrested two journalists") == ["arrested two journalists"])
        #expect(try matches("arrest* ~2 journalist*", "arrested two local journalists") == ["arrested two local journalists"])
        #expect(try matches("arrest* ~2 journalist*", "arrested two young local journalists") == [])
        #expect(try matches("arrest* journalist*", "arrested two journalists") == [])
    }

    @Test("a later reading is found when the first candidate fails (backtracking over gaps)")
    func backtracking() throws {
        #expect(try matches("police ~3 fired on", "police fired tear gas and fired on crowds") == [])
        #expect(try matches("police ~4 fired on", "police fired tear gas and fired on crowds") == ["police fired tear gas and fired on"])
    }

    @Test("one scan finds many entries, each once per start")
    func manyEntries() throws {
        var builder = PhraseAutomatonBuilder()
        for (index, source) in ["arrest*", "arrest* ~3 journalist*", "(journalist*|reporter*)", "police"].enumerated() {
            builder.add(try PatternParser.parse(source), payload: Int32(index))
        }
        let automaton = builder.build()
        let found = automaton.matches(in: "Police arrested a journalist and a reporter.").matches.map { Int(automaton.payload(of: $0.entry)) }
        #expect(found.sorted() == [0, 1, 2, 2, 3])
    }

    @Test("an entry is followed only when the sentence has a word for each later element; when it has, order and gaps still decide")
    func sentencePrefilter() throws {
        // Five alternatives: the element is looked up by the token's own words.
        let pattern = "police ~5 (beat*|shot|detained) (protester*|student*|journalist*|activist*|worker*)"
        #expect(try matches(pattern, "Police beat and detained students.") == ["police beat and detained students"])
        #expect(try matches(pattern, "Police detained.") == [])
        #expect(try matches(pattern, "Students were detained by police.") == [])
        // The anchored alternative's second word is needed in the sentence, and right after the first.
        #expect(try matches("(riot police|security forces) fired", "Riot fired police.") == [])
        var builder = PhraseAutomatonBuilder()
        builder.add(phrase: ["the", "gambia"], payload: 0, capitalized: true)
        builder.add(phrase: ["gambia"], payload: 1, capitalized: true)
        let automaton = builder.build()
        func places(_ sentence: String) -> [Int32] { automaton.matches(in: sentence).matches.map { automaton.payload(of: $0.entry) } }
        #expect(places("The Gambia held talks.") == [0, 1])
        #expect(places("The president of Gambia spoke.") == [1])
        #expect(places("The talks ended.") == [])
    }

    @Test("a hostile pattern cannot make the scan take exponential time")
    func boundedBacktracking() throws {
        let source = Array(repeating: "a", count: 40).joined(separator: " ~8 ") + " zzz"
        // Every word the pattern needs is in the sentence, so only following it shows that "zzz" is
        // not right after an "a". Without the step budget this call does not return in any useful time.
        let sentence = Array(repeating: "a", count: 200).joined(separator: " ") + " b zzz"
        #expect(try matches(source, sentence) == [])
    }

    @Test("the words of a class are numbered side by side however they were first met, so its test reads few words of the sentence's bitset")
    func classAtomsSideBySide() throws {
        var builder = PhraseAutomatonBuilder()
        // Each class word is first met beside another word: numbered in that order, the class's
        // hundred atoms would be every other number, spread over four 64-bit words.
        for index in 0 ..< 100 { builder.add(try PatternParser.parse("filler\(index) member\(index)"), payload: 0) }
        let members = (0 ..< 100).map { "member\($0)" }.joined(separator: "|")
        builder.add(try PatternParser.parse("start (\(members))"), payload: 1)
        let automaton = builder.build()
        let tables = automaton.tables
        let widest = (0 ..< tables.requirements.count).map { Int(tables.requirements[$0].count) }.max()
        #expect(widest == 2)
        // Matching is as before.
        let found = automaton.matches(in: "Start member57 and filler3 member3.").matches.map { automaton.payload(of: $0.entry) }
        #expect(found == [1, 0])
        #expect(automaton.matches(in: "Start member100 now.").matches.isEmpty)
    }

    @Test("a later word of a one-alternative element is needed too, wherever the entry is anchored")
    func laterWordsRequired() throws {
        #expect(try matches("{(convicted|sentenced) (activist*|blogger*) in absentia}", "A blogger was sentenced in the capital.") == [])
        #expect(try matches("{(convicted|sentenced) (activist*|blogger*) in absentia}", "A blogger was sentenced in absentia.")
            == ["blogger was sentenced in absentia"])
        #expect(try matches("(riot police|security forces) ~2 fired", "Security officers fired; the riot ended.") == [])
    }

    @Test("one-word alternatives another one covers are dropped only where that cannot change a match")
    func coveredAlternatives() {
        let journalists: [PatternTerm] = [.exact("journalists")], journalistStar: [PatternTerm] = [.prefix("journalist")]
        let journStar: [PatternTerm] = [.prefix("journ")], twoWords: [PatternTerm] = [.exact("journalists"), .exact("said")]
        // Tried through the token's atoms, a prefix comes first wherever it is written.
        #expect(PhraseAutomatonBuilder.withoutCoveredAlternatives([journalists, journalistStar, twoWords], coveredByLater: true)
            == [journalistStar, twoWords])
        #expect(PhraseAutomatonBuilder.withoutCoveredAlternatives([journalistStar, journStar], coveredByLater: true) == [journStar])
        // Tried in the order written, only one written before counts.
        #expect(PhraseAutomatonBuilder.withoutCoveredAlternatives([journalists, journalistStar], coveredByLater: false)
            == [journalists, journalistStar])
        #expect(PhraseAutomatonBuilder.withoutCoveredAlternatives([journalistStar, journalists, journalistStar], coveredByLater: false)
            == [journalistStar])
    }

    @Test("covered alternatives dropped, an entry matches the same text as written out in full")
    func coveredAlternativesMatchTheSame() throws {
        let sentences = ["Journalists were detained.", "A journalist was detained and journalists fled.", "Journos detained.", "journalists said nothing"]
        for pattern in ["(journalists|journalist*|journ*) ~2 detained", "(journalist*|journalists said|journalists) ~3 (detained|fled|nothing)",
                        "police ~3 (detained|jailed|detained|held|detain*) (journalists|journalist*|reporters|reporter*)"] {
            for sentence in sentences {
                var plain = PhraseAutomatonBuilder()
                plain.add(try PatternParser.parse(pattern), payload: 0)
                let expected = try matches(pattern, sentence)
                // The same alternatives one entry each: nothing to drop.
                let parsed = try PatternParser.parse(pattern)
                var separate = PhraseAutomatonBuilder()
                let elements = parsed.sequences[0]
                let first = elements[0].alternatives.map { PatternElement(alternatives: [$0], maxGapBefore: 0) }
                for element in first {
                    separate.add(Pattern(elements: [element] + elements.dropFirst()), payload: 0)
                }
                let (scanned, found) = separate.build().matches(in: sentence)
                let separately = Set(found.map { (match: PhraseMatch) in (match.start ..< match.end).map(scanned.word).joined(separator: " ") })
                #expect(Set(expected) == separately, "\(pattern) on \(sentence)")
            }
        }
    }

    @Test("a scratch used with the tables of other rules still opens the gates that need no other word")
    func scratchAcrossRuleSets() throws {
        // A pattern of one word has a gate with no requirement: it tests the word of the
        // sentence's bits the scan keeps set, which is another word for tables with more atoms.
        var small = PhraseAutomatonBuilder()
        small.add(try PatternParser.parse("detained"), payload: 0)
        let few = small.build()
        var large = PhraseAutomatonBuilder()
        for index in 0 ..< 300 { large.add(try PatternParser.parse("word\(index) ~2 detained"), payload: Int32(index)) }
        let many = large.build()
        func count(_ automaton: PhraseAutomaton, _ text: String, _ scratch: inout MatchScratch) -> Int {
            var collector = automaton.atomCollector()
            let scanned = TextScanner.scan(text, visitor: &collector)
            var found: [PhraseMatch] = []
            automaton.matches(collector.atoms, tokens: scanned.tokens, range: 0 ..< scanned.tokens.count, into: &found, scratch: &scratch)
            return found.count
        }
        var scratch = MatchScratch()
        let text = "Police detained word7 and word250 detained."
        var counts: [Int] = []
        for automaton in [few, many, few, many] { counts.append(count(automaton, text, &scratch)) }
        #expect(counts == [2, 2, 2, 2])
    }

    @Test("a scratch kept from sentence to sentence forgets what the sentence before had")
    func scratchAcrossSentences() throws {
        var builder = PhraseAutomatonBuilder()
        builder.add(try PatternParser.parse("police ~3 detained ~2 (journalist*|reporter*)"), payload: 0)
        let automaton = builder.build()
        var collector = automaton.atomCollector()
        let scanned = TextScanner.scan("Police detained nobody. Police detained two journalists. Police detained.", visitor: &collector)
        let atoms = collector.atoms
        var scratch = MatchScratch()
        var perSentence: [Int] = []
        for sentence in scanned.sentences {
            var found: [PhraseMatch] = []
            automaton.matches(atoms, tokens: scanned.tokens, range: sentence.tokenRange, into: &found, scratch: &scratch)
            perSentence.append(found.count)
        }
        #expect(perSentence == [0, 1, 0])
    }
}
