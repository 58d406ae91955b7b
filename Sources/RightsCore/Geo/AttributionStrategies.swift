/// One way of choosing the countries a piece of evidence is about. `CountryAttributor` tries them
/// in the order engine.yaml's `attribution` names them (by their method's name) until one places
/// the evidence; each is a type of its own so that adding or moving one touches nothing else.
protocol AttributionStrategy {
    /// Whether it runs once an earlier strategy has placed the evidence, to add to that choice
    /// (`list` adds the rest of the list the sentence's name stands in). The others run only while
    /// the evidence is unplaced.
    static var extendsChoice: Bool { get }
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace)
}

extension AttributionStrategy {
    static var extendsChoice: Bool { false }
}

/// `sentence`: the usable name of the sentence nearest to the evidence, an actor preferred ("Nigerian
/// security forces"); a demonym describing the target yields to the place where it happened.
enum SentenceStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        for mention in place.sentenceMentions {
            if mention.isSpeaker { trace.attributionStep("'\(mention.text)' is a speaker here, not the subject") }
            else if mention.isOrganisation { trace.attributionStep("'\(mention.text)' is part of an organisation's name") }
            else if mention.isDateline { trace.attributionStep("'\(mention.text)' is the dateline, where the report was filed") }
            else if mention.isOtherNationality { trace.attributionStep("'\(mention.text)' is the other half of a dual nationality") }
            else if mention.isMissionSeat { trace.attributionStep("'\(mention.text)' is where a foreign embassy or consulate stands; the mission is the scene") }
            else if mention.place.isAmbiguous && !CountryAttributor.isUsable(mention, context: context) && !mention.isRegion {
                trace.attributionStep("'\(mention.text)' is ambiguous and the article does not name \(mention.countries.map(\.rawValue).joined(separator: "/")) otherwise")
            }
        }
        var usable = 0, single = place.sentenceMentions.startIndex
        for index in place.sentenceMentions.indices where CountryAttributor.isUsable(place.sentenceMentions[index], context: context) {
            usable += 1
            single = index
        }
        guard usable > 0 else { return }
        // One usable name, the usual case: it is the choice (a demonym has no other place to yield
        // to) and it stands in no list, so nothing is copied for `list`.
        if usable == 1 {
            let nearest = place.sentenceMentions[single]
            search.choose(nearest, .sentence)
            search.isPlaced = true
            trace.attributionStep("sentence names '\(nearest.text)' (nearest to the evidence)")
            return
        }
        let candidates: [PlaceMention] = place.sentenceMentions.filter { CountryAttributor.isUsable($0, context: context) }
        let evidence = place.evidence
        func distance(_ mention: PlaceMention) -> Int {
            var gap = 0
            if mention.end <= evidence.lowerBound { gap = evidence.lowerBound - mention.end }
            else if mention.start >= evidence.upperBound { gap = mention.start - evidence.upperBound + 1 }
            return gap - (mention.isActor ? 4 : 0)
        }
        var nearest = candidates.min { (distance($0), $0.start) < (distance($1), $1.start) }!
        // "A Kenyan activist detained in Tanzania", "Russia held thirty journalists, among them
        // Ukrainians": a demonym describing the target gives its nationality; the place where it
        // happened, or the name the sentence opens with, is the subject.
        if nearest.place.kind == .demonym, !nearest.isActor,
           let scene = candidates.filter({ ($0.isLocative || $0.opensSentence) && $0.place.kind != .demonym && !$0.countries.contains { nearest.countries.contains($0) } })
               .min(by: { (distance($0), $0.start) < (distance($1), $1.start) }) {
            trace.attributionStep("'\(nearest.text)' describes who or what was targeted; '\(scene.text)' is where it happened")
            nearest = scene
        }
        // Mentions come in the order of the sentence, so the sort is seldom needed.
        let ordered = zip(candidates, candidates.dropFirst()).allSatisfy({ $0.start <= $1.start }) ? candidates : candidates.sorted { $0.start < $1.start }
        search.choose(nearest, .sentence)
        search.sentenceChoice = (ordered, nearest)
        search.isPlaced = true
        trace.attributionStep("sentence names '\(nearest.text)' (nearest to the evidence)")
    }
}

/// `list`: the rest of the list the sentence's chosen name stands in ("Saudi Arabia, Qatar and the UAE").
enum ListStrategy: AttributionStrategy {
    static var extendsChoice: Bool { true }

    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        guard let (ordered, nearest) = search.sentenceChoice else { return }
        let listed = ordered.firstIndex(of: nearest).map { CountryAttributor.listSpan(around: $0, in: ordered, place.tokens) } ?? 0 ..< 0
        guard listed.count > 1 else { return }
        for mention in ordered[listed] where mention != nearest { search.choose(mention, .list) }
        trace.attributionStep("the list '\(nearest.text)' stands in adds " + ordered[listed].filter { $0 != nearest }.map { "'\($0.text)'" }.joined(separator: ", "))
    }
}

/// `region`: a region word of the sentence ("Central Asia") stands for the article's main country
/// when it is a member.
enum RegionStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        guard let region = place.sentenceMentions.first(where: { $0.isRegion }) else { return }
        guard let main = context.main, region.countries.contains(main) else {
            trace.attributionStep("region '\(region.text)' ignored: the article's main country is not a member")
            return
        }
        trace.attributionStep("region '\(region.text)' stands for the article's country \(main)")
        search.chosen.append(Attribution(country: main, method: .region, detail: "'\(region.text)' (region) → article's country", confidence: search.confidence.region))
        search.isPlaced = true
    }
}

/// `paragraph`: the paragraph's subject, named in a sentence before: the article's main country if
/// the paragraph names it, else its first usable name (English puts the subject first). A list
/// there is the subject as a whole: "Migrant workers in Saudi Arabia, Qatar and the UAE
/// described… Interviewees lacked shade and water."
enum ParagraphStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        let main = context.main
        // A list lies within one sentence, so the usable names of the sentence holding `previous`
        // are all that `listSpan` needs of the paragraph.
        let first: [PlaceMention] = paragraph.first.filter { CountryAttributor.isUsable($0, context: context) }
        let withMain: [PlaceMention] = paragraph.withMain.filter { CountryAttributor.isUsable($0, context: context) }
        let earlier = withMain.isEmpty ? first : withMain
        guard let previous = withMain.first(where: { $0.countries.contains { $0 == main } }) ?? first.first else {
            // A list of cases: the heading's country, for a paragraph under it that names none.
            guard let heading = paragraph.heading.first(where: { CountryAttributor.isUsable($0, context: context) }) else { return }
            trace.attributionStep("no country in the sentence or paragraph; the list heading above names '\(heading.text)'")
            search.add(heading, .paragraph, confidence: search.confidence.paragraph) { .text("'\(heading.text)' in the list heading above") }
            search.isPlaced = true
            return
        }
        let named = earlier.firstIndex(of: previous).map { Array(earlier[CountryAttributor.listSpan(around: $0, in: earlier, place.tokens)]) } ?? [previous]
        trace.attributionStep("no country in the sentence; the paragraph named \(named.map { "'\($0.text)'" }.joined(separator: ", ")) before")
        for mention in named {
            search.add(mention, .paragraph, confidence: search.confidence.paragraph) {
                .text("\(mention == previous ? "'\(mention.text)'" : "'\(mention.text)' listed with '\(previous.text)'") earlier in the paragraph")
            }
        }
        search.isPlaced = true
    }
}

/// `headline`: the country the headline names (the article's main one if it names several).
enum HeadlineStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        guard let headline = context.headline.first(where: { $0 == context.main }) ?? context.headline.first else { return }
        trace.attributionStep("no country in the sentence or paragraph; the headline names \(headline)")
        search.chosen.append(Attribution(country: headline, method: .headline, detail: "headline", confidence: search.confidence.headline))
        search.isPlaced = true
    }
}

/// `dateline`: where the report was filed ("ASTANA --").
enum DatelineStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        guard let dateline = context.dateline else { return }
        trace.attributionStep("no country in the sentence or paragraph; the dateline is \(dateline)")
        search.chosen.append(Attribution(country: dateline, method: .dateline, detail: "dateline", confidence: search.confidence.dateline))
        search.isPlaced = true
    }
}

/// `article`: what the article is about (`CountryAttributor.main`).
enum ArticleStrategy: AttributionStrategy {
    static func apply<Trace: AttributionTrace>(_ place: EvidencePlace, paragraph: ParagraphNames, context: ArticleContext,
                                              to search: inout AttributionSearch, trace: inout Trace) {
        guard let main = context.main else { return }
        let detail: String
        if let currency = context.mainCurrency {
            trace.attributionStep("no country in the sentence or paragraph, nor in the article; it counts money in '\(currency.word)', \(main)'s currency")
            detail = "the article names no country; its currency '\(currency.word)' is \(main)'s"
        } else {
            trace.attributionStep("no country in the sentence or paragraph; the article mentions \(main) most")
            detail = "most mentioned in the article"
        }
        search.chosen.append(Attribution(country: main, method: .article, detail: detail, confidence: search.confidence.article))
        search.isPlaced = true
    }
}
