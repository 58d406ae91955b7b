import Testing
@testable import RightsCore

/// A local paper writing for its own readers may name no country at all; the currency it counts
/// money in (engine.yaml `places.national_currencies`) then says where it is.
@Suite struct CurrencyAttributionTests {
    let analyzer = ShippedRules.analyzer
    let evidence = "The council said two reporters of a district weekly were arrested at night under the cyber security law."

    func findings(_ text: String, title: String? = nil) -> [Finding] {
        analyzer.analyze(text: text, title: title).findings
    }

    @Test("an article that names no country is about the country of its currency, and the finding says so")
    func currencyPlacesTheArticle() throws {
        let found = findings(evidence + "\nEach faces a fine of up to Tk 10 lakh and seven years in jail.", title: "Editors decry arrests under the cyber law")
        #expect(Set(found.map(\.country.rawValue)) == ["BD"])
        let first = try #require(found.first)
        #expect(first.method == .article)
        #expect(first.attribution == "article: the article names no country; its currency 'tk' is BD's")
        // A currency's name counts alone.
        #expect(Set(findings(evidence + "\nThe naira fell again on Monday.").map(\.country.rawValue)) == ["NG"])
    }

    @Test("a symbol counts only in an amount; two countries' currencies, or a country named, leave the currency unused")
    func currencyOnlyWhenAlone() {
        // "Tk" not next to a number is no amount.
        #expect(findings(evidence + "\nThe TK group of editors signed the statement.").isEmpty)
        // Amounts in two countries' currencies: about neither.
        #expect(findings(evidence + "\nThe fine is Tk 10 lakh, about 1.2 million naira.").isEmpty)
        // A country named is the subject, whatever the amounts are in.
        let named = findings(evidence + "\nThe fine is Tk 10 lakh.\nThe law was passed in Myanmar last year.")
        #expect(Set(named.map(\.country.rawValue)) == ["MM"])
        #expect(named.allSatisfy { !$0.attribution.contains("currency") })
    }

    @Test("the shipped currencies belong to one country each, and every country exists")
    func shippedCurrencies() {
        let currencies = ShippedRules.ruleSet.engine.nationalCurrencies
        #expect(currencies.count >= 25)
        let countries = Set(ShippedRules.ruleSet.gazetteer.countries.map(\.code))
        #expect(currencies.allSatisfy { countries.contains($0.country) })
        #expect(Dictionary(grouping: currencies, by: \.word).values.allSatisfy { Set($0.map(\.country)).count == 1 })
    }
}
