import Testing
@testable import RightsCore

/// A numbered list of cases, each under a heading naming its country in parentheses: the
/// paragraphs under a heading that name no country are about the heading's.
@Suite struct ListHeadingTests {
    let analyzer = ShippedRules.analyzer

    func pairs(_ text: String, title: String) -> Set<String> {
        Set(analyzer.analyze(text: text, title: title).findings.map { "\($0.country.rawValue) \($0.indicator.rawValue)" })
    }

    @Test("evidence under '2. Name (Country)' goes to that country, up to the next heading")
    func sections() {
        let text = """
            Five reporters whose cases need attention this month.
            1. Tomas Varga (Hungary)
            The editor was fined twice for his columns on public tenders.
            2. Leila Haddad (Morocco)
            The reporter has been detained since March on charges of spreading false news.
            Her lawyers say she was beaten during questioning.
            3) Pavel Orlov (Belarus)
            The photographer was sentenced to four years in a penal colony.
            """
        let found = pairs(text, title: "The most urgent cases of jailed reporters")
        #expect(found.contains("MA press_freedom"))
        #expect(found.contains("BY press_freedom"))
        #expect(!found.contains("HU political_prisoners"))
    }

    @Test("a paragraph that names its own country keeps it; a line that is not a numbered heading sets nothing")
    func notHeadings() {
        let own = """
            1. Leila Haddad (Morocco)
            In Algeria, the reporter was detained on charges of spreading false news.
            """
        #expect(pairs(own, title: "Cases").contains("DZ press_freedom"))
        #expect(!pairs(own, title: "Cases").contains("MA press_freedom"))
        let unnumbered = """
            Our correspondent reports from the capital (Morocco)
            The reporter was detained on charges of spreading false news.
            """
        #expect(!pairs(unnumbered, title: "Cases in Tunisia").contains("MA press_freedom"))
        let noParentheses = """
            2. Leila Haddad, Morocco
            The reporter was detained on charges of spreading false news.
            """
        #expect(!pairs(noParentheses, title: "Cases in Tunisia").contains("MA press_freedom"))
    }
}
