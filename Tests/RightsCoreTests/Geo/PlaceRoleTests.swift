import Testing
@testable import RightsCore

/// Whether a place name in the evidence's sentence may be its subject: a possessive is the
/// country's own, not part of an organisation's name, and a place the sentence is set in stays the
/// subject when a direction word stands before it and others speak after it.
@Suite struct PlaceRoleTests {
    @Test("a country's possessive before a capitalised word ('Mexico's Guerrero state') is the country, not an organisation's name")
    func possessiveBeforeCapital() {
        #expect(countries("Unknown gunmen murdered a local newspaper editor in Mexico's Guerrero state.") == ["MX"])
        #expect(countries("Unknown gunmen murdered a local newspaper editor in Mexico\u{2019}s Guerrero state.") == ["MX"])
        // Without the possessive the capitalised word still makes the name an organisation's.
        #expect(countries("Police in Berlin detained two activists of Palestine Action on Friday.") == ["DE"])
    }

    @Test("a place after 'in' and a direction word ('in central Mali') is where it happened, whoever speaks after it")
    func locativeWithDirection() {
        #expect(countries("At least nine villagers were killed when soldiers raided a settlement in central Mali, residents said.") == ["ML"])
        #expect(countries("Two journalists were detained in northern Ethiopia, their editor told reporters.") == ["ET"])
    }

    @Test("a verb of speech in a relative clause after the name ('Eritrean officials who called for…') leaves the name the subject")
    func speechInRelativeClause() {
        #expect(countries("Eleven Eritrean officials who called for reforms have been held incommunicado ever since.") == ["ER"])
        // Said by the name itself: a voice, not the subject.
        #expect(countries("Eritrean officials said the eleven men had been held incommunicado by rebels.").isEmpty)
    }

    @Test("the possessive is read from the token's span, straight or curly, and only as 's")
    func possessiveSpan() {
        let text = TextScanner.scan("Mexico's Chad\u{2019}s Mali Texas")
        #expect(CountryAttributor.isPossessive(text.tokens[0], in: text))
        #expect(CountryAttributor.isPossessive(text.tokens[1], in: text))
        #expect(!CountryAttributor.isPossessive(text.tokens[2], in: text))
        #expect(!CountryAttributor.isPossessive(text.tokens[3], in: text))
    }
}
