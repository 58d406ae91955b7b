/// The second stage of analysing an article: the place names of every sentence with their roles
/// (speaker, actor, dateline…), the headline's names, and what the article as a whole is about.
struct ArticlePlaces {
    /// The mentions of every sentence, one sentence after the other: sentence `i`'s are
    /// `all[shares[i].places]`, as each mention is made from the scan's place name at the same
    /// index. (One array per sentence was an allocation per sentence with a name.)
    private(set) var all: [PlaceMention]
    private let shares: [ArticleScan.Share]
    var context: ArticleContext

    /// The mentions of sentence `index`.
    @inline(__always)
    func mentions(_ index: Int) -> ArraySlice<PlaceMention> { all[shares[index].places] }

    /// `matches` and `scratch`: the matcher's buffers, reused for the headline.
    init(_ prepared: PreparedText, scan: ArticleScan, title: String?, compiled: CompiledRules, attributor: CountryAttributor, cache: WordCache?,
         matches: inout [PhraseMatch], scratch: inout MatchScratch) {
        let scanned = prepared.scanned
        let sentences = scanned.sentences
        var all: [PlaceMention] = []
        all.reserveCapacity(scan.places.count)
        for (index, sentence) in sentences.enumerated() {
            let places = scan.sentences[index].places
            guard !places.isEmpty else { continue }
            attributor.mentions(scan.places[places], places: compiled.places, text: scanned, sentenceRange: sentence.tokenRange,
                                sentence: index, paragraph: sentence.paragraph, into: &all)
        }
        // A dateline opens one of the first paragraphs ("ASTANA --", "(Beirut) –").
        var datelineEnd: Int?
        for (index, sentence) in sentences.enumerated().prefix(8) where sentence.paragraph < 4 {
            guard index == 0 || sentences[index - 1].paragraph != sentence.paragraph else { continue }
            if let end = Self.datelineEnd(scanned, sentence) {
                datelineEnd = end
                for mention in scan.sentences[index].places where all[mention].end <= end { all[mention].isDateline = true }
                break
            }
        }
        var titleMentions: [PlaceMention] = []
        if let title, !title.isEmpty {
            let titleText = compiled.prepare(title, cache: cache)
            var titleScan = ArticleScan()
            compiled.scan(titleText, 0 ..< titleText.tokens.count, matches: &matches, scratch: &scratch, into: &titleScan)
            if !titleScan.places.isEmpty {
                attributor.mentions(titleScan.places[...], places: compiled.places, text: titleText.scanned,
                                    sentenceRange: 0 ..< titleText.tokens.count, sentence: -1, paragraph: -1, into: &titleMentions)
            }
        }
        context = attributor.context(title: titleMentions, body: all, datelineEnd: datelineEnd, text: scanned)
        self.all = all
        shares = scan.sentences
    }

    /// The end (token index) of a dateline such as "ASTANA --", "(Beirut) –" or
    /// "KYIV, Oct 2 (Reuters) —", if the sentence starts with one: a short head before a dash.
    static func datelineEnd(_ text: ScannedText, _ sentence: Sentence) -> Int? {
        // A dash within the first 60 scalars, looked for in the bytes: most sentences have none.
        let utf8 = text.utf8
        var index = sentence.utf8Start, scalars = 0
        // Most openings have no dash: passed over to the first byte that could start one or end
        // the line, counting scalars as below.
        while index < utf8.count, scalars < 60 {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0xE2 || byte == UInt8(ascii: "-") { break }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        while index < utf8.count, scalars < 60 {
            let byte = utf8[index]
            if byte == 0x0A { return nil }
            // "—", "–", "--", or a hyphen between spaces ("LONDON, July 28 (Reuters) - ").
            let isDash = (byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0x94 || utf8[index + 2] == 0x93))
                || (byte == UInt8(ascii: "-") && index + 1 < utf8.count && utf8[index + 1] == UInt8(ascii: "-"))
                || (byte == UInt8(ascii: "-") && index > sentence.utf8Start && utf8[index - 1] == 0x20 && index + 1 < utf8.count && utf8[index + 1] == 0x20)
            if isDash {
                let words = text.string(utf8: sentence.utf8Start ..< index).split(separator: " ")
                guard let first = words.first, words.count <= 6 else { return nil }
                // The place is written in capitals ("ASTANA") or in brackets ("(Beirut)").
                let letters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
                guard !letters.isEmpty, first.hasPrefix("(") || letters.allSatisfy({ $0.properties.isUppercase }) else { return nil }
                let dash = sentence.start + scalars
                return text.tokens[sentence.tokenStart...].firstIndex { $0.start >= dash } ?? text.tokens.count
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return nil
    }
}
