import Testing
@testable import RightsCore

/// The table the phrase tries and speaker phrases look tokens up in, by packed word.
@Suite struct PackedWordTableTests {
    @Test("a word is found with its own number only, across growth, and a later value replaces an earlier")
    func findsWhatWasSet() throws {
        let words = (0 ..< 300).map { "w\($0)" } + ["journalist", "sixteen-letter-x", "a"]
        var table = PackedWordTable<Int32>()
        var expected: [String: Int32] = [:]
        for (position, word) in words.enumerated() {
            let packed = try #require(Token.pack(word))
            table.set(Int32(position), for: PackedWord(packed), tag: Int32(position % 3))
            expected[word] = Int32(position)
        }
        table.set(-1, for: PackedWord(try #require(Token.pack("a"))), tag: Int32((words.count - 1) % 3))
        expected["a"] = -1
        #expect(table.count == words.count)
        for (position, word) in words.enumerated() {
            let packed = PackedWord(try #require(Token.pack(word)))
            #expect(table.value(packed, tag: Int32(position % 3)) == expected[word])
            #expect(table.value(packed, tag: Int32(position % 3 + 1)) == nil)
        }
        #expect(table.value(PackedWord(try #require(Token.pack("absent")))) == nil)
    }

    @Test("role and place phrases are found from packed tokens as from their words")
    func trieReadsPackedTokens() {
        let lexicon = ShippedRules.ruleSet.people
        let text = TextScanner.scan("Opposition leader Ilya Sorin and journalist Amina Yusuf were held in Nur-Sultan and Almaty.")
        let words = text.tokens.indices.map(text.word)
        for index in text.tokens.indices {
            let byWord = lexicon.roleTrie.longest(at: index, limit: text.tokens.count - index) { text.word($0) }
            let byToken = lexicon.roleTrie.longest(at: index, limit: text.tokens.count - index, in: text)
            #expect(byWord?.value == byToken?.value && byWord?.length == byToken?.length)
            #expect(lexicon.placeLength(at: index, in: words) == lexicon.placeLength(at: index, in: text))
        }
        #expect(lexicon.role(at: 0, in: text)?.phrase == "opposition leader")
    }
}
