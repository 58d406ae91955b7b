/// A numbered list heading that names a country in parentheses, as lists of cases are written
/// ("2. Esraa Abdel Fattah (Egypt)", "10) The staff of Iwacu (Burundi)"): the paragraphs under it,
/// up to the next such heading, are about that country where they name none themselves.
enum ListHeading {
    /// At most this many tokens: a heading is a line, not a sentence of reporting.
    static let longest = 16

    /// The country mention of the paragraph starting at sentence `firstSentence`, when that
    /// paragraph is such a heading, else an empty slice. `mentions(i)` gives sentence `i`'s place mentions.
    static func country(paragraphAt firstSentence: Int, text: ScannedText, mentions: (Int) -> ArraySlice<PlaceMention>) -> ArraySlice<PlaceMention> {
        let sentences = text.sentences
        let paragraph = sentences[firstSentence].paragraph
        // The paragraph's sentences ("2." may stand as one of its own), as far as a heading's length.
        var lastSentence = firstSentence
        while lastSentence + 1 < sentences.count, sentences[lastSentence + 1].paragraph == paragraph {
            lastSentence += 1
            if sentences[lastSentence].tokenEnd - sentences[firstSentence].tokenStart > longest { return [] }
        }
        let first = sentences[firstSentence].tokenStart, end = sentences[lastSentence].tokenEnd
        guard end > first, end - first <= longest else { return [] }
        // "2." or "10)": one or two digits, then the mark.
        let number = text.tokens[first]
        guard (1 ... 2).contains(number.utf8End - number.utf8Start),
              text.utf8[number.utf8Start ..< number.utf8End].allSatisfy({ (0x30 ... 0x39).contains($0) }),
              number.utf8End < text.utf8.count, text.utf8[number.utf8End] == UInt8(ascii: ".") || text.utf8[number.utf8End] == UInt8(ascii: ")")
        else { return [] }
        // "(Egypt)" closing the line.
        let names = mentions(lastSentence)
        guard let index = names.indices.last, names[index].end == end else { return [] }
        let open = text.tokens[names[index].start].utf8Start - 1, close = text.tokens[end - 1].utf8End
        guard open >= 0, close < text.utf8.count, text.utf8[open] == UInt8(ascii: "("), text.utf8[close] == UInt8(ascii: ")") else { return [] }
        return names[index ... index]
    }
}
