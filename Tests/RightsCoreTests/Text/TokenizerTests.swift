import Foundation
import Testing
@testable import RightsCore

@Suite struct TokenizerTests {
    @Test("words are folded: case, diacritics, apostrophes, hyphens", arguments: [
        ("İmamoğlu's arrest", ["imamoglu", "arrest"]),
        ("Côte d’Ivoire", ["cote", "divoire"]),
        ("didn't detain", ["didnt", "detain"]),
        ("anti-state propaganda", ["anti", "state", "propaganda"]),
        ("U.S.-based group", ["u", "s", "based", "group"]),
        ("Łukaszenka’s regime", ["lukaszenka", "regime"]),
        ("the country's 18 million", ["the", "country", "18", "million"]),
    ])
    func folding(text: String, expected: [String]) {
        #expect(Tokenizer.words(text) == expected)
    }

    @Test("offsets are scalar offsets into the text and capitals are noted")
    func offsets() {
        let tokens = TextScanner.scan("Police beat “Kazakh” men").tokens
        #expect(tokens.map(\.start) == [0, 7, 13, 21])
        #expect(tokens.map(\.isCapitalized) == [true, false, true, false])
    }
}

@Suite struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(text).map { String(String.UnicodeScalarView(scalars[$0.start ..< $0.end])) }
    }

    @Test("abbreviations and initials do not end a sentence")
    func abbreviations() {
        #expect(split("U.S. Secretary of State John Kerry met Dr. Smith on Jan. 5 in Astana. He left.") ==
            ["U.S. Secretary of State John Kerry met Dr. Smith on Jan. 5 in Astana.", "He left."])
        #expect(split("Nahel M., a teenager, was shot. Police said so.") == ["Nahel M., a teenager, was shot.", "Police said so."])
    }

    @Test("quotes close a sentence, and lower case does not start one")
    func quotes() {
        #expect(split("He said \"they were tortured.\" The ministry denied it.") == ["He said \"they were tortured.\"", "The ministry denied it."])
        #expect(split("It was 3 p.m. on Monday. Later") == ["It was 3 p.m. on Monday.", "Later"])
    }

    @Test("line breaks and list bullets end sentences; bullets are not part of the text")
    func bullets() {
        #expect(split("Key points:\n• Journalists jailed\n- Protesters beaten") == ["Key points:", "Journalists jailed", "Protesters beaten"])
    }

    @Test("paragraphs are numbered by line")
    func paragraphs() {
        let sentences = SentenceSplitter.split("One. Two.\nThree.")
        #expect(sentences.map(\.paragraph) == [0, 0, 1])
    }
}

@Suite struct TextScannerTests {
    /// Every article text we have (shared corpora and samples), plus hand-made hard cases.
    static func texts() throws -> [String] {
        var texts = [
            "Dr. Smith met Gen. Ali on Jan. 5. He left…  Then “they were tortured.” (Really?) Yes!",
            "İmamoğlu’s arrest; ŁUKASZENKA's regime. STRASSE and Straße. didn't—couldn't. x'y 'quoted' O'Neil.",
            "U.S.-based group. The U.S. said so. 3 p.m. on Monday. Gov't. approx. 5 etc. Then",
            "• bullet one\n- bullet two\n\n* three\n> quote. Next\n",
            "Emoji 👍 are not words. Kana カタカナ and Arabic العربية are. Digits ٣ too. e\u{301}tude.",
            "a.b.c. d… E… 'quoted.' \"Quoted.\" (Bracketed.) [Square.] «Guillemets.» Lower. upper",
            "", ".", "   ", "\n\n", "Word", "ALL CAPS HEADLINE. and lower. 12 Angry Men.",
            // Words at 16 and 17 bytes, near and at the end of the text, next to an apostrophe or non-ASCII.
            "abcdefghijklmnop ABCDEFGHIJKLMNOPQ x1Y2z3 ABC123 OK'd don’t café naïve Zürich abcdefghijklmnop",
            "MIXEDcase0123456789 UN's", "A", "ab'", "abcdefghijklmnopq",
        ]
        let folders = [TestPaths.corpus, TestPaths.corpusWorld, TestPaths.repository.appendingPathComponent("samples")]
        for folder in folders {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where ["md", "txt", "jsonl", "csv"].contains(file.pathExtension) {
                texts.append(try String(contentsOf: file, encoding: .utf8))
            }
        }
        return texts
    }

    @Test("one pass over bytes gives the same tokens and sentences as the scalar reference")
    func matchesReference() throws {
        let texts = try Self.texts()
        #expect(texts.count > 50)
        for text in texts {
            let scanned = TextScanner.scan(text)
            let scalars = Array(text.unicodeScalars)
            let expectedTokens = ReferenceTokenizer.tokenize(scalars)
            let tokens = scanned.tokens.map { ReferenceToken(text: scanned.word(of: $0), start: $0.start, end: $0.end, isCapitalized: $0.isCapitalized, isAllCaps: $0.isAllCaps) }
            #expect(tokens == expectedTokens, "\(text.prefix(80))")
            let expectedSentences = ReferenceSentenceSplitter.split(scalars)
            #expect(scanned.sentences.map { ReferenceSentence(start: $0.start, end: $0.end, paragraph: $0.paragraph) } == expectedSentences, "\(text.prefix(80))")
            // UTF-8 offsets cut the same text as scalar offsets, and each sentence owns its tokens.
            for sentence in scanned.sentences {
                #expect(scanned.text(of: sentence) == String(String.UnicodeScalarView(scalars[sentence.start ..< sentence.end])))
                #expect(scanned.tokens[sentence.tokenRange].allSatisfy { $0.start >= sentence.start && $0.end <= sentence.end })
            }
            #expect(scanned.sentences.reduce(0) { $0 + $1.tokenRange.count } == scanned.tokens.count)
            for token in scanned.tokens.prefix(200) {
                #expect(scanned.string(utf8: token.utf8Start ..< token.utf8End) == String(String.UnicodeScalarView(scalars[token.start ..< token.end])))
            }
        }
    }

    @Test("words read eight bytes at a time agree with the scalar reference at every length, case and ending")
    func wordsReadByWords() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let endings = [" ", ".", ",", "'s ", "'t ", "\u{2019}s ", "é", "-", "\n", "$", "@", "\u{00A0}", "Ω", ""]
        for length in 1 ... 18 {
            let lower = String((0 ..< length).map { letters[($0 * 7 + length) % letters.count] })
            let cases = [lower, lower.uppercased(), lower.prefix(1).uppercased() + lower.dropFirst(), "9" + lower.dropFirst().uppercased()]
            for word in cases {
                for ending in endings {
                    // Text after the word, so that its two eight-byte loads stay inside the text; then the same at the end.
                    for text in ["\(word)\(ending) and more words follow here", "x \(word)\(ending)"] {
                        let scanned = TextScanner.scan(text)
                        let tokens = scanned.tokens.map {
                            ReferenceToken(text: scanned.word(of: $0), start: $0.start, end: $0.end, isCapitalized: $0.isCapitalized, isAllCaps: $0.isAllCaps)
                        }
                        #expect(tokens == ReferenceTokenizer.tokenize(Array(text.unicodeScalars)), "\(text)")
                    }
                }
            }
        }
    }

    @Test("a text of more, shorter words than news has (past the tokens' first room) reads the same as the reference")
    func manyShortWords() {
        // One- and two-letter words and digits: a token for every two or three bytes.
        let text = (0 ..< 3_000).map { ["a", "b2", "I", "7", "ok"][$0 % 5] }.joined(separator: " ") + "."
        let scanned = TextScanner.scan(text)
        let tokens = scanned.tokens.map { ReferenceToken(text: scanned.word(of: $0), start: $0.start, end: $0.end, isCapitalized: $0.isCapitalized, isAllCaps: $0.isAllCaps) }
        #expect(tokens.count == 3_000)
        #expect(tokens == ReferenceTokenizer.tokenize(Array(text.unicodeScalars)))
    }

    @Test("long and non-ASCII words keep their folded text")
    func spilledWords() {
        let scanned = TextScanner.scan("Internationalization İmamoğlu abcdefghijklmnop abcdefghijklmnopq Überwachungsstaat")
        #expect(scanned.tokens.indices.map(scanned.word) == ["internationalization", "imamoglu", "abcdefghijklmnop", "abcdefghijklmnopq",
                                                              "uberwachungsstaat"])
        // Folded to short ASCII, "İmamoğlu" is held in its token; only the long words are kept apart.
        #expect(scanned.spilledWords == ["internationalization", "abcdefghijklmnopq", "uberwachungsstaat"])
        #expect(scanned.tokens.map(\.spill) == [0, -1, -1, 1, 2])
    }
}

@Suite struct WordClassTests {
    @Test("engine words are known by class as the text is read; a word cache changes nothing")
    func classes() throws {
        let compiled = ShippedRules.compiled
        let text = "Police did not arrest the journalists, officials said, but soldiers allegedly beat protesters."
        let plain = compiled.prepare(text)
        let cache = WordCache()
        _ = compiled.prepare("Police and soldiers said nothing.", cache: cache)
        let cached = compiled.prepare(text, cache: cache)
        #expect(plain.tokens == cached.tokens)
        let byWord = Dictionary(plain.tokens.indices.map { (plain.scanned.word($0), plain.tokens[$0]) }, uniquingKeysWith: { first, _ in first })
        #expect(byWord["not"]!.is(.negator))
        #expect(byWord["but"]!.is(.clauseWord))
        #expect(byWord["said"]!.is(.speechVerb))
        #expect(byWord["allegedly"]!.is(.hedge))
        #expect(!byWord["journalists"]!.is(.negator))
        let scans = plain.sentences.map { compiled.scan(plain, $0.tokenRange) }
        let cachedScans = cached.sentences.map { compiled.scan(cached, $0.tokenRange) }
        #expect(scans == cachedScans)
        #expect(scans.contains { !$0.rules.isEmpty })
    }
}
