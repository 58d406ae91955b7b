import Foundation
import Testing
@testable import RightsCore

/// The people a finding names: read when the finding is made, stored with it, written out.
@Suite struct FindingPeopleTests {
    static let sentence = "Police in Almaty detained journalist Amina Yusuf and 12 activists on Monday, her lawyer said."

    @Test("a finding carries the people its sentence names; the speaker's relation is not one of them")
    func madeWithTheFinding() throws {
        let findings = ShippedRules.analyzer.analyze(text: Self.sentence).findings
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.people == [PersonMention(name: "Amina Yusuf", role: "journalist", roleClass: "media_worker", count: nil),
                                       PersonMention(name: nil, role: "activist", roleClass: "activist", count: 12)])
        }
    }

    @Test("a finding in a later sentence names a person the article introduced before, by surname or by 'she'")
    func articleContext() throws {
        let text = "Reporter Amina Yusuf covered the protest in Almaty.\n"
            + "Police in Almaty arrested reporter Yusuf on Monday. She is one of the journalists arrested in Almaty this year."
        let findings = ShippedRules.analyzer.analyze(text: text).findings
        #expect(Set(findings.map(\.sentenceStart)).count == 2, "\(findings.map(\.sentence))")
        for finding in findings { #expect(finding.people.map(\.description) == ["Amina Yusuf (reporter)"], "\(finding.sentence)") }
        // The same as reading the whole article at once.
        let whole = ShippedIncidentRules.extractor.read(text)
        for finding in findings { #expect(finding.people == whole.people(sentenceStart: finding.sentenceStart)) }
    }

    @Test("a long paragraph of 'She …' sentences is read without recursion, each sentence once")
    func longPronounChain() {
        let text = "Reporter Amina Yusuf was detained in Almaty." + String(repeating: " She was held.", count: 5000)
        var people = SentencePeople(lexicon: ShippedRules.ruleSet.people, text: TextScanner.scan(text))
        let last = people.people(ofSentence: 5000)
        #expect(last.map(\.name) == ["Amina Yusuf"])
        #expect(people.people(ofSentence: 5001).isEmpty)
    }

    @Test("an article naming thousands of people is read in a bounded number of passes, with the same people as a whole reading")
    func manyDistinctNames() {
        // Names made of letter pairs, each distinct: "Journalist Abab Acac was arrested in Minsk."
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let names = (0 ..< 2000).map { index -> String in
            let first = String(letters[index % 26]).uppercased() + String(letters[(index / 26) % 26]) + "ra"
            let last = String(letters[(index / 7) % 26]).uppercased() + String(letters[index % 26]) + String(letters[(index / 26) % 26]) + "ov"
            return first + " " + last
        }
        let text = names.map { "Journalist \($0) was arrested in Minsk." }.joined(separator: " ")
        let scanned = TextScanner.scan(text)
        var people = SentencePeople(lexicon: ShippedRules.ruleSet.people, text: scanned)
        let whole = PeopleExtractor(lexicon: ShippedRules.ruleSet.people).read(scanned)
        for index in scanned.sentences.indices {
            #expect(people.people(ofSentence: index) == whole.people(sentenceStart: scanned.sentences[index].start))
        }
        #expect(people.castPasses <= SentencePeople.castsBeforeWhole + 1)
    }

    @Test("the samples: every stored finding's people are what reading its whole article gives")
    func storedEqualsReread() async throws {
        let store = try RightsStore()
        let files = InputCollector.collect([TestPaths.repository.appendingPathComponent("samples").path], relativeTo: TestPaths.repository).files
        _ = try IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)))
            .run(files, into: store)
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        let findings = try store.findings()
        var byArticle: [ArticleID: [Finding]] = [:]
        for finding in findings { byArticle[finding.articleID, default: []].append(finding) }
        var named = 0
        for article in try store.articles(Array(byArticle.keys)) {
            let people = ShippedIncidentRules.extractor.read(article.cleaned.text)
            for finding in byArticle[article.id] ?? [] {
                #expect(finding.people == people.people(sentenceStart: finding.sentenceStart), "\(finding.id): \(finding.sentence)")
                if !finding.people.isEmpty { named += 1 }
            }
        }
        #expect(named > 20, "findings naming someone: \(named) of \(findings.count)")
    }

    @Test("the people column keeps names with quotes, backslashes and control characters")
    func storedJSON() {
        let people = [PersonMention(name: "A \"B\" C\\D\u{1}", role: "journalist", roleClass: "media_worker", count: nil),
                      PersonMention(name: nil, role: "activist", roleClass: nil, count: 12),
                      PersonMention(name: nil, role: nil, roleClass: nil, count: nil)]
        var bytes: [UInt8] = []
        StoredPeople.encode(people, into: &bytes)
        let column = String(decoding: bytes, as: UTF8.self)
        #expect(StoredPeople.decode(column) == people)
        #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil)
        StoredPeople.encode([], into: &bytes)
        #expect(bytes == Array("[]".utf8))
        #expect(StoredPeople.decode("not json").isEmpty)
    }

    @Test("people are written to the store and read back with the finding")
    func storeRoundTrip() throws {
        let store = try RightsStore()
        let text = "Police in Almaty detained journalist Amina Yusuf on Monday."
        let article = Article(id: "a", title: nil, source: "S", url: nil, published: PublishedDate("2026-10-05"), language: "en", original: text,
                              cleaned: CleanedText(text: text, segments: [], removedLines: []), contentHash: "h-a", origin: SourceLocation(file: "a"))
        _ = try store.insert([article], at: Date())
        let findings = ShippedRules.analyzer.analyze(article).findings
        #expect(!findings.isEmpty)
        try store.replaceFindings([("a", findings)], rulesHash: "h", runID: try store.beginRun(command: "test", rulesHash: "h", at: Date()))
        let stored = try store.findings()
        #expect(stored.map(\.people) == findings.map(\.people))
        #expect(stored.first?.people.first?.name == "Amina Yusuf")
    }

    @Test("people are written on one line: a name with its role, a count with its role in the plural", arguments: [
        (PersonMention(name: "Amina Yusuf", role: "reporter", roleClass: nil, count: nil), "Amina Yusuf (reporter)"),
        (PersonMention(name: "Ahmed Salem", role: nil, roleClass: nil, count: nil), "Ahmed Salem"),
        (PersonMention(name: nil, role: "journalist", roleClass: nil, count: 2), "2 journalists"),
        (PersonMention(name: nil, role: "opposition leader", roleClass: nil, count: 3), "3 opposition leaders"),
        (PersonMention(name: nil, role: "trade union member", roleClass: nil, count: 40), "40 trade union members"),
        (PersonMention(name: nil, role: "businessman", roleClass: nil, count: 2), "2 businessmen"),
        (PersonMention(name: nil, role: "deputy", roleClass: nil, count: 5), "5 deputies"),
        (PersonMention(name: nil, role: nil, roleClass: nil, count: 5), "5 people"),
    ])
    func line(_ person: PersonMention, _ expected: String) {
        #expect(person.description == expected)
    }
}
