import Testing
@testable import RightsCore

@Suite struct ScorerTests {
    static let weights = [Scorer.Weight(indicator: "press_freedom", weight: 2), Scorer.Weight(indicator: "torture", weight: 1),
                          Scorer.Weight(indicator: "elections", weight: 1)]
    let config = ScoringConfig()

    static func input(_ article: String, _ indicator: IndicatorID = "press_freedom", month: String = "2026-10", country: CountryCode = "KZ",
                      severity: Int = 2, polarity: Polarity = .concern, source: String? = nil, decision: ReviewDecision? = nil,
                      sentence: Int = 0) -> ScoringInput {
        let finding = Finding(id: FindingID("\(article)-\(indicator)-\(country)-\(sentence)"), articleID: ArticleID(article), month: Month(rawValue: month),
                              country: country, indicator: indicator, rules: [], severity: severity, polarity: polarity, method: .sentence,
                              attribution: "sentence", confidence: 0.9, qualifier: nil, sentence: "s\(sentence)", sentenceStart: sentence * 10,
                              sentenceEnd: sentence * 10 + 5, originalStart: nil, originalEnd: nil)
        return ScoringInput(finding: finding, source: source ?? "source-\(article)", decision: decision)
    }

    func score(_ inputs: [ScoringInput], month: String = "2026-10") -> [CountryScore] {
        Scorer.score(inputs, month: Month(rawValue: month)!, indicators: Self.weights, config: config)
    }

    @Test("coverage level follows distinct articles: 1 thin, 2 moderate, 4 strong")
    func levels() {
        let one = score([Self.input("a"), Self.input("a", sentence: 1)])
        #expect(one[0].score("press_freedom")?.level == .thin)
        #expect(one[0].score("press_freedom")?.findings == 2)
        #expect(score((1 ... 2).map { Self.input("a\($0)") })[0].score("press_freedom")?.level == .moderate)
        #expect(score((1 ... 4).map { Self.input("a\($0)") })[0].score("press_freedom")?.level == .strong)
        #expect(one[0].score("torture")?.level == CoverageLevel.none)
    }

    @Test("distinct sources are counted apart from articles")
    func sources() {
        let scores = score([Self.input("a", source: "Wire"), Self.input("b", source: "Wire"), Self.input("c", source: "Other")])
        #expect(scores[0].score("press_freedom")?.articles == 3)
        #expect(scores[0].score("press_freedom")?.sources == 2)
    }

    @Test("concern is the severity sum, capped per article so one long article cannot dominate")
    func concernCap() {
        let long = (0 ..< 10).map { Self.input("long", severity: 3, sentence: $0) }
        let scores = score(long + [Self.input("short", severity: 2)])
        #expect(scores[0].score("press_freedom")?.concern == 6 + 2)
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

@Suite struct EvidenceGroupTests {
    @Test("the store's SQL grouping scores exactly like the Swift grouping, reviews included")
    func storeMatchesSwift() async throws {
        let store = try await BriefTests.store()
        let findings = try store.findings()
        try store.record([Review(findingID: findings[0].id, decision: .rejected, note: nil, reviewer: nil, reviewedAt: "x", sourceFile: nil),
                          Review(findingID: findings[1].id, decision: .accepted, note: nil, reviewer: nil, reviewedAt: "x", sourceFile: nil)])
        let reviews = try store.reviews()
        let articles = try store.articleReferences(Array(Set(findings.map(\.articleID))))
        let inputs = findings.map { ScoringInput(finding: $0, source: articles[$0.articleID]?.source, decision: reviews[$0.id]?.decision) }
        let weights = ShippedRules.ruleSet.indicators.map { Scorer.Weight(indicator: $0.id, weight: $0.weight) }
        let month = Month(rawValue: "2026-10")!
        let fromSwift = Scorer.score(inputs, month: month, indicators: weights, config: ShippedRules.ruleSet.scoring)
        let groups = try store.evidenceGroups(months: [month, month.previous], minimumConfidence: 0)
        let fromStore = Scorer.score(groups: groups, month: month, indicators: weights, config: ShippedRules.ruleSet.scoring)
        #expect(fromSwift == fromStore)
        #expect(!fromSwift.isEmpty)
    }
}
