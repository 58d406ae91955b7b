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
        #expect(Tokenizer.tokenize(text).map(\.text) == expected)
    }

    @Test("offsets are scalar offsets into the text and capitals are noted")
    func offsets() {
        let tokens = Tokenizer.tokenize("Police beat “Kazakh” men")
        #expect(tokens.map(\.start) == [0, 7, 13, 21])
        #expect(tokens.map(\.isCapitalized) == [true, false, true, false])
    }
}

@Suite struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars).map { String(String.UnicodeScalarView(scalars[$0.start ..< $0.end])) }
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
