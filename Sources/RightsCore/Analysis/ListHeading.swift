/// A numbered list heading that names a country in parentheses, as lists of cases are written
/// ("2. Esraa Abdel Fattah (Egypt)", "10) The staff of Iwacu (Burundi)"): the paragraphs under it,
/// up to the next such heading, are about that country where they name none themselves.
enum ListHeading {
    /// At most this many tokens: a heading is a line, not a sentence of reporting.
    static let longest = 16

    /// The country mention a paragraph made of `sentences` is a heading for, or an empty slice.
    /// `mentions(i)` gives sentence `i`'s place mentions.
    static func country(paragraph sentences: Range<Int>, text: ScannedText, mentions: (Int) -> ArraySlice<PlaceMention>) -> ArraySlice<PlaceMention> {
        guard let firstSentence = sentences.first, let lastSentence = sentences.last else { return [] }
        let first = text.sentences[firstSentence].tokenStart, end = text.sentences[lastSentence].tokenEnd
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
