import Testing
@testable import RightsCore

@Suite struct ScorerTests {
    static let weights = [Scorer.Weight(indicator: "press_freedom", weight: 2), Scorer.Weight(indicator: "torture", weight: 1),
                          Scorer.Weight(indicator: "elections", weight: 1)]
    let config = ScoringConfig()

    static func input(_ article: String, _ indicator: IndicatorID = "press_freedom", month: String = "2026-10", country: CountryCode = "KZ",
                      severity: Int = 2, polarity: Polarity = .concern, source: String? = nil, decision: ReviewDecision? = nil,
                      sentence: Int = 0, incident: IncidentID? = nil) -> ScoringInput {
        let finding = Finding(id: FindingID("\(article)-\(indicator)-\(country)-\(sentence)"), articleID: ArticleID(article), month: Month(rawValue: month),
                              country: country, indicator: indicator, rules: [], severity: severity, polarity: polarity, method: .sentence,
                              attribution: "sentence", confidence: 0.9, qualifier: nil, sentence: "s\(sentence)", sentenceStart: sentence * 10,
                              sentenceEnd: sentence * 10 + 5, originalStart: nil, originalEnd: nil)
        return ScoringInput(finding: finding, source: source ?? "source-\(article)", decision: decision, incident: incident)
    }

    func score(_ inputs: [ScoringInput], month: String = "2026-10") -> [CountryScore] {
        Scorer.score(inputs, month: Month(rawValue: month)!, indicators: Self.weights, config: config)
    }

    @Test("coverage level follows distinct incidents: 1 thin, 2 moderate, 4 strong; a finding without an incident is one of its own")
    func levels() {
        let one = score([Self.input("a", incident: "i1"), Self.input("a", sentence: 1, incident: "i1")])
        #expect(one[0].score("press_freedom")?.level == .thin)
        #expect(one[0].score("press_freedom")?.findings == 2)
        #expect(one[0].score("press_freedom")?.incidents == 1)
        #expect(score((1 ... 2).map { Self.input("a\($0)") })[0].score("press_freedom")?.level == .moderate)
        #expect(score((1 ... 4).map { Self.input("a\($0)") })[0].score("press_freedom")?.level == .strong)
        #expect(one[0].score("torture")?.level == CoverageLevel.none)
    }

    @Test("five reports of one event give the level of one incident, and still show five articles and their sources")
    func fiveReportsOneIncident() throws {
        let reports = (1 ... 5).map { Self.input("r\($0)", severity: 3, source: $0 <= 3 ? "Wire \($0)" : "Wire 1", incident: "arrest") }
        let press = try #require(score(reports).first?.score("press_freedom"))
        #expect(press.incidents == 1)
        #expect(press.level == .thin)
        #expect(press.articles == 5)
        #expect(press.sources == 3)
        #expect(press.concern == 3, "an event is as grave as its gravest report")
        #expect(press.concerns == 1)
        #expect(score(reports)[0].incidents == 1 && score(reports)[0].articles == 5)
    }

    @Test("three events in one article give three incidents")
    func threeEventsOneArticle() throws {
        let events = (0 ..< 3).map { Self.input("long", severity: 3, sentence: $0, incident: IncidentID("event\($0)")) }
        let press = try #require(score(events).first?.score("press_freedom"))
        #expect(press.incidents == 3)
        #expect(press.level == .moderate)
        #expect(press.articles == 1)
        #expect(press.concern == 9)
    }

    @Test("an incident touching two indicators counts once for each, and once for the country")
    func oneIncidentTwoIndicators() {
        let kz = score([Self.input("a", "press_freedom", incident: "i1"), Self.input("a", "torture", sentence: 1, incident: "i1"),
                        Self.input("b", "torture", incident: "i2")])[0]
        #expect(kz.score("press_freedom")?.incidents == 1)
        #expect(kz.score("torture")?.incidents == 2)
        #expect(kz.incidents == 2)
    }

    @Test("distinct sources are counted apart from articles")
    func sources() {
        let scores = score([Self.input("a", source: "Wire"), Self.input("b", source: "Wire"), Self.input("c", source: "Other")])
        #expect(scores[0].score("press_freedom")?.articles == 3)
        #expect(scores[0].score("press_freedom")?.sources == 2)
    }

    @Test("concern is the sum over incidents of each one's gravest severity: a long report of one event adds no more")
    func concernPerIncident() {
        let long = (0 ..< 10).map { Self.input("long", severity: $0 == 4 ? 3 : 1, sentence: $0, incident: "one event") }
        let scores = score(long + [Self.input("short", severity: 2)])
        #expect(scores[0].score("press_freedom")?.concern == 3 + 2)
    }

    @Test("improvements are counted, and do not add concern")
    func improvements() {
        let scores = score([Self.input("a", polarity: .improvement), Self.input("b", severity: 3)])
        let press = scores[0].score("press_freedom")!
        #expect(press.improvements == 1)
        #expect(press.concerns == 1)
        #expect(press.concern == 3)
    }

    @Test("rejected findings never count; accepted ones are verified")
    func reviews() {
        let scores = score([Self.input("a", decision: .rejected), Self.input("b", decision: .accepted), Self.input("c", "torture", decision: .rejected)])
        #expect(scores[0].score("press_freedom")?.articles == 1)
        #expect(scores[0].score("press_freedom")?.verified == 1)
        #expect(scores[0].score("torture")?.level == CoverageLevel.none)
        #expect(score([Self.input("x", decision: .rejected)]).isEmpty)
    }

    @Test("an incident counts while one of its findings does: rejecting some reports keeps it, rejecting all removes it")
    func rejectedReportsOfAnIncident() {
        let partly = score([Self.input("a", severity: 3, decision: .rejected, incident: "i1"), Self.input("b", severity: 1, incident: "i1"),
                            Self.input("c", incident: "i2")])[0].score("press_freedom")!
        #expect(partly.incidents == 2)
        #expect(partly.articles == 2)
        #expect(partly.concern == 1 + 2, "the rejected report's severity is not counted")
        let wholly = score([Self.input("a", decision: .rejected, incident: "i1"), Self.input("b", decision: .rejected, incident: "i1"),
                            Self.input("c", incident: "i2")])[0].score("press_freedom")!
        #expect(wholly.incidents == 1)
        #expect(wholly.level == .thin)
    }

    @Test("trends against the previous month: new, up, down, unchanged, gone")
    func trends() {
        let september = [Self.input("s1", month: "2026-09"), Self.input("s2", "torture", month: "2026-09"),
                         Self.input("s3", "elections", month: "2026-09"), Self.input("s4", "elections", month: "2026-09")]
        let october = [Self.input("o1"), Self.input("o2"), Self.input("o3", "torture"), Self.input("o4", "elections", country: "UZ")]
        let kz = score(september + october)[0]
        #expect(kz.score("press_freedom")?.trend == .up)
        #expect(kz.score("torture")?.trend == .unchanged)
        #expect(kz.score("elections")?.trend == .gone)
        let uz = score(september + october)[1]
        #expect(uz.score("elections")?.trend == .new)
        let lower = score([Self.input("s1", month: "2026-09", severity: 3), Self.input("o1", severity: 1)])[0]
        #expect(lower.score("press_freedom")?.trend == .down)
    }

    @Test("the previous month of January is December of the year before")
    func yearBoundary() {
        let scores = score([Self.input("d", month: "2025-12"), Self.input("j", month: "2026-01"), Self.input("j2", month: "2026-01")], month: "2026-01")
        #expect(scores[0].score("press_freedom")?.trend == .up)
        #expect(scores[0].score("press_freedom")?.previousLevel == .thin)
    }

    @Test("a date late on the 30th in a western time zone is scored in November")
    func timeZone() {
        let date = PublishedDate("2015-11-30T23:30-05:00")!
        var input = Self.input("tz", month: date.month.rawValue)
        input.finding.month = date.month
        #expect(score([input], month: "2015-11").count == 1)
        #expect(score([input], month: "2015-12").isEmpty)
    }

    @Test("coverage index is the weighted share of indicators covered")
    func coverageIndex() {
        // press_freedom (weight 2) thin = 0.34, torture (1) strong = 1, elections (1) none: 100 × (0.68 + 1) / 4 = 42
        let inputs = [Self.input("a")] + (1 ... 4).map { Self.input("t\($0)", "torture") }
        #expect(score(inputs)[0].coverageIndex == 42)
    }
}
