import Foundation
import Testing
@testable import RightsCore

@Suite struct IncidentGrouperTests {
    /// Evidence of one invented sentence, made as the builder makes it.
    static func evidence(_ article: String, _ sentence: String, day: String, source: String, indicator: IndicatorID = "press_freedom",
                         country: CountryCode = "KZ", start: Int = 0) -> IncidentEvidence {
        let finding = Finding(id: Finding.makeID(article: ArticleID(article), sentenceStart: start, sentenceEnd: start + sentence.unicodeScalars.count,
                                                 indicator: indicator, country: country),
                              articleID: ArticleID(article), month: Month(rawValue: String(day.prefix(7))), country: country, indicator: indicator,
                              rules: [], severity: 3, polarity: .concern, method: .sentence, attribution: "", confidence: 0.9, qualifier: nil,
                              sentence: sentence, sentenceStart: start, sentenceEnd: start + sentence.unicodeScalars.count, originalStart: nil, originalEnd: nil)
        let article = Article(id: ArticleID(article), title: nil, source: source, url: nil, published: PublishedDate(day), language: "en",
                              original: sentence, cleaned: CleanedText(text: String(repeating: " ", count: start) + sentence, segments: [], removedLines: []),
                              contentHash: article, origin: SourceLocation(file: article))
        // The people the analysis stores with the finding.
        var named = finding
        named.people = ShippedIncidentRules.extractor.read(article.cleaned.text).people(sentenceStart: start)
        return IncidentEvidenceBuilder(extractor: ShippedIncidentRules.extractor).evidence(of: article, findings: [named])[0]
    }

    static let grouper = IncidentGrouper(settings: ShippedIncidentRules.rules.settings)

    @Test("the same person reported by two outlets is one incident; another person the same week is another")
    func samePerson() {
        let incidents = Self.grouper.group([
            Self.evidence("a", "Police in Almaty detained reporter Amina Yusuf on Monday.", day: "2026-10-05", source: "One"),
            Self.evidence("b", "Amina Yusuf, a journalist, was held by police in Almaty for a second day.", day: "2026-10-06", source: "Two"),
            Self.evidence("c", "Police in Almaty detained reporter Omar Haddad on Tuesday.", day: "2026-10-06", source: "Three"),
        ])
        #expect(incidents.count == 2)
        #expect(incidents.first { $0.articles.contains("a") }?.articles == ["a", "b"])
        #expect(incidents.first { $0.articles.contains("a") }?.sources == ["One", "Two"])
    }

    @Test("a finding is compared only along what it shares, a bounded number along each key; within that, grouping is as all pairs")
    func boundedComparisons() {
        // 600 reports of one detention on one day, and 600 of other people: one incident of the
        // first, and none of the second joined to it or to each other through the common words.
        var items: [IncidentEvidence] = []
        for number in 0 ..< 600 {
            items.append(Self.evidence("a\(number)", "Police in Almaty detained reporter Amina Yusuf on Monday.", day: "2026-10-05", source: "S\(number % 9)"))
        }
        let names = ["Omar Haddad", "Lina Sabri", "Marat Ospanov", "Dana Kim", "Erlan Bek", "Aru Sadyk"]
        for number in 0 ..< 600 {
            items.append(Self.evidence("b\(number)", "Police in Almaty detained reporter \(names[number % 6]) \(["Ivanov", "Petrov", "Smirnov", "Orlov", "Volkov"][number % 5]) on Monday.",
                                       day: "2026-10-05", source: "S\(number % 9)"))
        }
        let candidates = CandidatePairs(items, limit: IncidentGrouper.candidateLimit)
        #expect(candidates.after(0).count <= 4 * IncidentGrouper.candidateLimit)
        let incidents = Self.grouper.group(items)
        #expect(incidents.filter { $0.articles.contains("a0") }.first?.articles.count == 600)
        // Thirty people (six first names by five surnames), each reported 20 times: thirty incidents.
        #expect(incidents.count == 31)
    }

    @Test("the same count in two towns is two incidents; in one town, one")
    func countsAndPlaces() {
        let incidents = Self.grouper.group([
            Self.evidence("a", "Police in Shymkent detained two journalists on Monday.", day: "2026-10-05", source: "One"),
            Self.evidence("b", "Two journalists were detained by police in Shymkent, their editor said.", day: "2026-10-06", source: "Two"),
            Self.evidence("c", "Police in Aktau detained two journalists on Monday.", day: "2026-10-05", source: "Three"),
        ])
        #expect(incidents.map(\.articles).sorted { $0.count > $1.count } == [["a", "b"], ["c"]])
    }

    @Test("a syndicated sentence is one incident; the same words weeks apart are not")
    func syndication() {
        let sentence = "Police detained a journalist who had reported on the sale of public land to officials' relatives, the press club said."
        #expect(Self.grouper.group([Self.evidence("a", sentence, day: "2026-10-05", source: "One"),
                                    Self.evidence("b", sentence, day: "2026-10-06", source: "Two")]).count == 1)
        #expect(Self.grouper.group([Self.evidence("a", sentence, day: "2026-10-01", source: "One"),
                                    Self.evidence("b", sentence, day: "2026-10-29", source: "Two")]).count == 2)
    }

    @Test("different countries and months never share an incident")
    func partitions() {
        let sentence = "Police detained reporter Amina Yusuf on Monday over her reporting."
        let incidents = Self.grouper.group([Self.evidence("a", sentence, day: "2026-10-05", source: "One"),
                                            Self.evidence("b", sentence, day: "2026-10-05", source: "Two", country: "KG")])
        #expect(incidents.count == 2)
    }

    @Test("the id is the hash of the earliest finding's id")
    func stableID() {
        let first = Self.evidence("a", "Police detained reporter Amina Yusuf on Monday.", day: "2026-10-05", source: "One")
        let second = Self.evidence("b", "Reporter Amina Yusuf was detained, colleagues said.", day: "2026-10-06", source: "Two")
        let one = Self.grouper.group([first, second]), other = Self.grouper.group([second, first])
        #expect(one == other)
        #expect(one.first?.id == Incident.makeID(earliest: first.finding.id))
        #expect(one.first?.id.rawValue.hasPrefix("i") == true && one.first?.id.rawValue.count == 17)
    }

    @Test("days between two dates, across months and leap years", arguments: [
        ("2026-10-05", "2026-10-05", 0), ("2026-09-30", "2026-10-01", 1), ("2024-02-28", "2024-03-01", 2), ("2025-12-31", "2026-01-01", 1),
    ])
    func days(_ a: String, _ b: String, _ expected: Int) {
        #expect(IncidentGrouper.daysBetween(a, b) == expected)
    }

    @Test("where it happened: a town after 'in' or 'in the city of', a city of the country; not a dateline, another country's city or a speaker's seat",
          arguments: [
              ("Police in Gebze detained 11 union organisers.", "TR", ["gebze"]),
              ("Police in the western Kazakh city of Aktobe detained a reporter.", "KZ", ["aktobe"]),
              ("ALMATY — A court jailed a reporter for ten days.", "KZ", []),
              ("Police detained a reporter in Almaty on Monday.", "KZ", ["almaty"]),
              ("The Vilnius-based group said a court in Grodno jailed him.", "BY", ["grodno"]),
              ("Exiles in Vilnius said a journalist was jailed.", "BY", []),
          ])
    func places(_ sentence: String, _ country: String, _ expected: [String]) {
        let item = Self.evidence("a", sentence, day: "2026-10-05", source: "One", country: CountryCode(country))
        #expect(item.places == Set(expected))
    }
}
