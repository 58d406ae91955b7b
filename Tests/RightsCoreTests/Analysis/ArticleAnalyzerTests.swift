import Testing
@testable import RightsCore

/// Engine behaviour on single sentences, with the shipped rules and gazetteer.
@Suite struct ArticleAnalyzerTests {
    let analyzer = ShippedRules.analyzer

    func findings(_ text: String, title: String? = nil) -> [String] {
        analyzer.analyze(text: text, title: title).findings.map { "\($0.country) \($0.indicator)" }.sorted()
    }

    @Test("plain negation drops a match: nothing happened")
    func negation() {
        #expect(countries("Police in Kazakhstan arrested two journalists on Monday.") == ["KZ"])
        #expect(countries("Police in Kazakhstan did not arrest any journalists on Monday.").isEmpty)
        #expect(countries("No journalists were arrested in Kazakhstan on Monday.").isEmpty)
    }

    @Test("a denied or alleged abuse is still evidence, marked and with lower confidence")
    func denialAndHedging() throws {
        let denied = analyzer.analyze(text: "Egypt's interior ministry denied that detainees were tortured in custody.").findings
        let finding = try #require(denied.first { $0.indicator == "torture" })
        #expect(finding.country == "EG")
        #expect(finding.qualifier == .denied)
        #expect(finding.confidence < 0.9)
        let alleged = analyzer.analyze(text: "Detainees were allegedly tortured in custody in Egypt.").findings
        #expect(alleged.first { $0.indicator == "torture" }?.qualifier == .alleged)
    }

    /// The qualifier of the finding for `indicator` in `text`; nil when there is no such finding.
    func qualifier(_ text: String, _ indicator: IndicatorID) -> Qualifier?? {
        analyzer.analyze(text: text).findings.first { $0.indicator == indicator }.map(\.qualifier)
    }

    @Test("a denial word that tells what was refused or done to someone is not a denial")
    func deprivationIsNotDenial() {
        // Refused to someone: the object follows the word.
        #expect(qualifier("The journalist was detained and denied access to a lawyer in Minsk.", "press_freedom") == .some(nil))
        #expect(qualifier("Prisoners in Tashkent were beaten and denied family visits.", "torture") == .some(nil))
        #expect(qualifier("Courts in Egypt deny detained activists basic due process.", "political_prisoners") == .some(nil))
        // Done to someone: a be-verb before it, "after" right after it, or "and" joining it to the evidence.
        #expect(qualifier("Dozens of striking workers in Lagos were dismissed after the walkout.", "labor_rights") == .some(nil))
        #expect(qualifier("Police in Minsk arrested the blogger and denied any wrongdoing.", "political_prisoners") == .some(nil))
        // Still denials: a clause after "that", allegations "of" the abuse, a denial that ends the clause.
        #expect(qualifier("Police in Minsk denied that the journalist was beaten in custody.", "torture") == .some(.denied))
        #expect(qualifier("The ministry denied allegations of ill-treatment of detainees in Minsk.", "torture") == .some(.denied))
        #expect(qualifier("Activists in Cairo were tortured, the ministry denied.", "torture") == .some(.denied))
    }

    @Test("an exclusion vetoes the match in its sentence, and explain says why")
    func exclusions() {
        let report = analyzer.analyze(text: "The striker was sent off after a free kick in the Turkish league match, and the club was banned.")
        #expect(report.findings.isEmpty)
        #expect(findings("He told a press conference in Minsk on Monday that the weather was fine.") == [])
        // A review retells fiction or history; a year "in review" is reporting.
        let retold = "Police in Chile tortured political prisoners held in a stadium."
        #expect(!findings(retold).isEmpty)
        #expect(findings(retold, title: "Film review: a stadium of ghosts").isEmpty)
        #expect(findings(retold, title: "The Stadium review – grief without consolation").isEmpty)
        #expect(!findings(retold, title: "2025 in review: a year of crackdowns").isEmpty)
    }

    @Test("what marks a review headline is engine.yaml's review_headlines, not code")
    func reviewHeadlineWords() {
        var settings = EngineSettings()
        settings.reviewMarkers = ["recensione"]
        settings.reviewNotAfter = ["anno"]
        #expect(ReviewHeadline.announcesReview("Recensione: il carcere", settings: settings))
        #expect(ReviewHeadline.announcesReview("Il carcere recensione – un film duro", settings: settings))
        #expect(!ReviewHeadline.announcesReview("Un anno recensione: cronaca", settings: settings))
        #expect(!ReviewHeadline.announcesReview("Film review: the long night", settings: settings))
        #expect(!ReviewHeadline.announcesReview("Film review: the long night", settings: EngineSettings()))
    }

    @Test("the country named in the sentence wins over the speaker's country")
    func speakers() {
        #expect(countries("U.S.-based Human Rights Watch said Uzbekistan still holds political prisoners.") == ["UZ"])
        #expect(countries("A US official said Uzbekistan must release political prisoners.") == ["UZ"])
        #expect(!countries("Secretary of State John Kerry said the U.S. State Department was concerned that journalists were jailed in Tajikistan.").contains("US"))
    }

    @Test("a place the sentence is set in is its subject; a person's nationality, a place of exile or a currency is not")
    func scenesAndNationalities() {
        // "In X, the groups said": X is where it happened, not a speaker.
        #expect(countries("In Laos, the groups said, authorities have jailed dozens of bloggers.") == ["LA"])
        #expect(countries("In neighbouring Kyrgyzstan, police detained two journalists on Friday.") == ["KG"])
        // A demonym describing the victim gives way to the place of the abuse.
        #expect(countries("A Ghanaian journalist was detained in Togo and held without charge for a week.") == ["TG"])
        // But not when the demonym names the actor.
        #expect(countries("Ugandan police detained two journalists in Kampala.") == ["UG"])
        // Places of exile, origin and war are not the subject.
        #expect(countries("In Turkmenistan, an activist deported from Poland was jailed for 12 years.") == ["TM"])
        #expect(!countries("Exiled dissidents based in Warsaw said political prisoners in Belarus were held incommunicado.").contains("PL"))
        // The nationality of what was targeted yields to where it happened; "between" joins two sides, not a list.
        #expect(countries("Military rulers in neighbouring Mali and Burkina Faso have suspended two French broadcasters.") == ["ML", "BF"])
        #expect(countries("Freelance journalist Rami Saad has been in detention since March over a report on trade between Lebanon and Israel.") == ["LB"])
        #expect(countries("A British-Egyptian blogger was jailed for five years over a post about prison conditions.") == ["EG"])
        #expect(countries("Prisoners of conscience from Nicaragua were freed and flown to Guatemala on Friday.") == ["NI"])
        #expect(countries("Azerbaijan has jailed at least 20 journalists, among them two Georgian citizens.") == ["AZ"])
        #expect(!countries("Parliament passed a foreign agents law modelled on a Russian law, under which NGOs were shut down in Kyrgyzstan.").contains("RU"))
        #expect(countries("The foreign agents law, which its authors say is modelled on a US law, was used to shut down NGOs.").isEmpty)
        #expect(countries("In Kuwait, migrant workers from Nepal, Ghana and India said employers confiscated their passports.") == ["KW"])
        #expect(countries("Two rights activists and a Swedish-Iranian researcher were sentenced to death in Tehran.") == ["IR"])
        #expect(!countries("Belarusian courts handed long prison terms to journalists living in Poland.").contains("PL"))
        #expect(!countries("Families described unpaid wages and recruitment fees of up to 1,500 U.S. dollars in Qatar.").contains("US"))
        #expect(countries("Venezuela freed ten prisoners described by Washington as political prisoners.") == ["VE"])
        // "US$500" is money.
        #expect(!countries("Migrant workers in Qatar said employers confiscated their passports and charged fees of US$500.").contains("US"))
    }

    @Test("the nearest country to the evidence is chosen, with the rest of its list")
    func nearestAndLists() {
        #expect(countries("A UN mission in Ukraine says Russia has executed dozens of detained civilians.") .contains("RU"))
        #expect(countries("Migrant workers in Saudi Arabia, Qatar and the United Arab Emirates described forced labour and wage theft.") == ["SA", "QA", "AE"])
    }

    @Test("a broadcaster named for its country, and a place name shared with another country, do not decide the country")
    func namesThatAreNotTheSubject() {
        #expect(!countries("A Radio France fixer was tortured with electricity by soldiers in the occupied city.").contains("FR"))
        #expect(countries("Police in the eastern Cuban region of Guantanamo beat the reporter.") == ["CU"])
        #expect(countries("Police in Alabama beat the reporter.") == ["US"])
        // A verb of speech in the passive is said of the name: "were accused" does not make a voice.
        #expect(countries("Cambodian police were accused of beating the detained activists.") == ["KH"])
    }

    @Test("what an article is about comes from its opening, not from the country it names most")
    func articleSubjectFromOpening() {
        // The opening names Kenya; Tanzania's law is compared at length; the last sentence names nobody.
        let compared = """
            Lawmakers in Kenya debated a bill on foreign-funded charities on Tuesday.

            Critics compared it with Tanzania's law. Tanzania passed its law in 2019. Tanzania used it against charities. Tanzania fined groups.

            Three activists were detained after the debate.
            """
        #expect(countries(compared) == ["KE"])
        // A ranking of many countries with none ahead has no single subject to hand an unplaced sentence to.
        let ranking = """
            The census counted journalists held worldwide.

            China held many; Myanmar held many; Belarus held many; Iran held many; Egypt held many.

            Dozens of reporters were jailed on terrorism charges, the census found.
            """
        #expect(countries(ranking).isEmpty)
        // …but a bare list of countries right after such a sentence names them.
        let listed = ranking + "\n\nDozens of reporters were jailed on terrorism charges last year. They are Iran, Egypt and Eritrea."
        #expect(countries(listed) == ["IR", "EG", "ER"])
    }

    @Test("with no country in the sentence, the paragraph, then the headline, then the article decides")
    func fallbacks() throws {
        // A Reuters dateline ("CITY/CITY, date - ") is where the report was filed.
        let filed = analyzer.analyze(text: "LONDON/KYIV, July 28 (Reuters) - Police in Belarus detained two journalists on Monday.")
        #expect(filed.sentences.first?.places.first { $0.text == "LONDON" }?.isDateline == true)
        #expect(Set(filed.findings.map(\.country.rawValue)) == ["BY"])
        // A list that says something of its own is not a bare list continuing the sentence before.
        #expect(!findings("Observers said the election in Belarus was a sham. China, Russia and India sent observers.").contains { $0.hasPrefix("CN") })
        let paragraph = analyzer.analyze(text: "Opposition figures gathered in Minsk. Police beat protesters and detained dozens.").findings
        #expect(paragraph.contains { $0.country == "BY" && $0.method == .paragraph })
        // A list named earlier in the paragraph is the subject as a whole; another paragraph (line) is not.
        let listing = "Migrant workers in Kuwait, Oman and Bahrain spoke to researchers about the summer."
        let evidence = "Many said their employers confiscated their passports and withheld wages for months."
        let listed = analyzer.analyze(text: listing + " " + evidence).findings
        #expect(listed.allSatisfy { $0.method == .paragraph })
        #expect(Set(listed.map(\.country.rawValue)) == ["KW", "OM", "BH"])
        #expect(!analyzer.analyze(text: listing + "\n" + evidence).findings.contains { $0.method == .paragraph })
        let headline = analyzer.analyze(text: "Police beat peaceful protesters and detained dozens on Sunday.", title: "Crackdown in Belarus").findings
        #expect(headline.contains { $0.country == "BY" && $0.method == .headline })
        let dateline = analyzer.analyze(text: "TBILISI -- Police beat peaceful protesters and detained dozens on Sunday.").findings
        #expect(dateline.contains { $0.country == "GE" && ($0.method == .sentence || $0.method == .dateline) })
    }

    @Test("the article's main country: most subject mentions, the headline and dateline count two, the first mentioned wins ties")
    func articleContext() {
        func main(_ text: String, title: String? = nil) -> ArticleContext {
            analyzer.analyze(text: text + " Police arrested journalists.", title: title).context
        }
        let counted = main("Officials in Kenya met officials from Peru. Kenya later hosted talks with Peru and Kenya.")
        #expect(counted.main == "KE")
        #expect(counted.counts == [CountryCount(country: "KE", count: 3), CountryCount(country: "PE", count: 2)])
        #expect(counted.supported == ["KE", "PE"])
        // Equal counts: the country named first.
        #expect(main("Farmers in Peru traded with Kenya.").main == "PE")
        #expect(main("Farmers in Kenya traded with Peru.").main == "KE")
        // The headline adds two: one mention plus the headline beats two mentions.
        #expect(main("Farmers in Kenya traded with Peru. Kenya exported tea.", title: "Peru reforms").main == "PE")
        #expect(main("Farmers in Kenya traded with Peru. Kenya exported tea.", title: "Peru reforms").headline == ["PE"])
        // A speaker is not a subject: "a US official said" does not count for the United States.
        #expect(main("A US official said Kenya must free critics.").count(of: "US") == 0)
    }

    @Test("the findings-only analysis the pipeline runs finds exactly what the traced one (explain) finds")
    func detailLevelsAgree() throws {
        var brief = analyzer
        brief.detail = .findings
        var detailed = analyzer
        detailed.detail = .reports
        let texts = try TextScannerTests.texts()
        #expect(texts.count > 50)
        for text in texts {
            let title = text.split(separator: "\n").first.map(String.init)
            // Findings alone leave out the sentence's text: the store keeps its offsets.
            let found = brief.analyze(text: text, title: title).findings
            #expect(found.allSatisfy { $0.sentence.isEmpty })
            let explained = detailed.analyze(text: text, title: title).findings.map { finding in
                var bare = finding
                bare.sentence = ""
                return bare
            }
            #expect(found == explained, "\(text.prefix(60))")
        }
    }

    @Test("an ambiguous name counts only when the article names the country unambiguously too")
    func ambiguousNames() {
        #expect(countries("In Georgia, police beat peaceful protesters and detained dozens.").isEmpty)
        #expect(countries("Tbilisi has seen weeks of rallies. In Georgia, police beat peaceful protesters and detained dozens.") == ["GE"])
        #expect(!countries("Jordan Peterson said police in Chad beat peaceful protesters.").contains("JO"))
    }

    @Test("longest name wins: Papua New Guinea is not Guinea, South Sudan is not Sudan")
    func longestName() {
        #expect(countries("Police in Papua New Guinea beat peaceful protesters and detained dozens.") == ["PG"])
        #expect(countries("Soldiers in South Sudan shot dead unarmed civilians.") == ["SS"])
    }

    @Test("Hong Kong findings are reported under China")
    func reportUnder() {
        #expect(countries("Hong Kong authorities jailed pro-democracy activists under the national security law.") == ["CN"])
    }

    @Test("a region word stands for the article's country when it is a member")
    func regions() throws {
        let text = "Kazakhstan hosted the talks. Rights groups say media freedom has steadily worsened in Central Asia."
        let found = analyzer.analyze(text: text).findings
        #expect(found.allSatisfy { $0.country == "KZ" })
    }

    @Test("finding ids are stable across runs and differ by sentence, indicator and country")
    func stableIDs() {
        let text = "Police in Kazakhstan arrested two journalists on Monday."
        #expect(analyzer.analyze(text: text).findings.map(\.id) == analyzer.analyze(text: text).findings.map(\.id))
        #expect(Finding.makeID(article: "a", sentenceStart: 0, sentenceEnd: 10, indicator: "torture", country: "KZ")
            != Finding.makeID(article: "a", sentenceStart: 0, sentenceEnd: 10, indicator: "torture", country: "UZ"))
        // The hash itself never changes: stored ids and reviews depend on it (values from an independent
        // implementation of the same two FNV-1a lanes).
        #expect(ContentHash.of("Police detained a reporter.") == "89b80553aa4bbae67088b538878bc7d3")
        #expect(ContentHash.of("a", "bc") == "cb31b5381b2a17ab3098d0dd51017dba")
        #expect(ContentHash.of("ab", "c") == "0ab11b2f87ef04a1de6aa75438210f40")
        #expect(ContentHash.of("İmamoğlu", "12", "") == "dfb58163c08a957f64c3ccbeb62504d2")
        // A finding id is "f" and the first half of the hash of its fields, numbers written in decimal.
        for (start, end) in [(0, 0), (7, 1234), (99_999, 1_000_000), (-5, Int.max)] {
            #expect(Finding.makeID(article: "gen-7", sentenceStart: start, sentenceEnd: end, indicator: "torture", country: "KZ").rawValue
                == "f" + ContentHash.of("gen-7", String(start), String(end), "torture", "KZ").prefix(16))
        }
    }
}

@Suite struct NegationTests {
    @Test("a negator's reach ends at a comma or 'but'")
    func clauseBoundary() {
        #expect(indicators("Officials in Belarus did not comment, but police beat peaceful protesters in Minsk.").contains("assembly"))
    }

    @Test("exhortations and 'no excuse to' judge a practice, they do not deny it")
    func exhortations() {
        #expect(!indicators("Belarus must not jail journalists for their reporting.").isEmpty)
        #expect(indicators("Belarus did not jail journalists for their reporting.").isEmpty)
    }
}

/// The cost of analysing one long article grows with its length, not with its square.
@Suite struct ArticleAnalyzerScaleTests {
    let analyzer = ShippedRules.analyzer

    @Test("one paragraph of evidence sentences: the mentions read for paragraph attribution grow linearly")
    func longParagraphIsLinear() {
        func read(_ sentences: Int) -> (findings: Int, read: Int) {
            let body = String(repeating: "Police in Minsk detained a journalist. ", count: sentences)
            let analysis = analyzer.analyze(text: body)
            return (analysis.findings.count, analysis.paragraphMentionsRead)
        }
        let short = read(500), long = read(2_000)
        // Each sentence is press freedom and a political prisoner (a journalist detained).
        #expect(short.findings == 2 * 500)
        #expect(long.findings == 2 * 2_000)
        // Quadratic would read 16 times as many for 4 times the sentences.
        #expect(long.read <= 4 * max(short.read, 1) + 4)
        #expect(long.read <= 2_000)
    }
}
