import Testing
@testable import RightsCore

/// The token and the word cache's entry are read for every word of every article: their sizes are
/// a choice (`Token`'s case bits share the word of its classes; the entry's length is in its key).
@Suite struct TokenLayoutTests {
    @Test("a token is 40 bytes, a word cache entry 32")
    func sizes() {
        #expect(MemoryLayout<Token>.stride == 40)
        #expect(MemoryLayout<WordCache.Entry>.stride == 32)
    }

    @Test("a token's case and its classes do not overwrite each other")
    func caseAndClasses() {
        var token = Token(inline0: 0x61, inline1: 0, spill: -1, start: 0, end: 1, isCapitalized: true, isAllCaps: false, utf8Start: 0, utf8End: 1,
                          classes: Token.classMask)
        #expect(token.isCapitalized && !token.isAllCaps && token.classes == Token.classMask)
        token.classes = 0
        #expect(token.isCapitalized && !token.isAllCaps && token.classes == 0)
        let people = WordFacts.all.rawValue
        #expect(people & Token.classMask == people)
        #expect(people & 0xFFFF == 0)  // above the rules' word classes
        // The rules' word classes fit beside the people's facts, in the bits a token keeps.
        #expect(WordClass.all.rawValue & Token.classMask == WordClass.all.rawValue)
        #expect(WordClass.all.rawValue & people == 0)
    }
}
