/// A sentence of an article: its span in the cleaned text and its paragraph.
public struct Sentence: Sendable, Equatable, Codable {
    /// Scalar offsets in the cleaned text.
    public var start: Int
    public var end: Int
    /// 0-based paragraph (line of the cleaned text).
    public var paragraph: Int
}

/// Splits cleaned text into sentences.
///
/// Every line is a paragraph, so a line break always ends a sentence. Inside a line a sentence
/// ends at `.`, `!` or `?` (closing quotes and brackets included) when white space and a capital,
/// digit, opening quote or bullet follow, unless the word before the full stop is an
/// abbreviation (`Dr.`, `Jan.`, `Gen.`) or a single letter (`U.S.`, `John F. Kennedy`).
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "sen", "rep", "gov",
        "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "govt", "hon", "rev", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "est", "fig", "al", "eg", "ie", "op", "art", "para", "vol", "pp", "ft", "sq", "gov't",
    ]

    public static func split(_ scalars: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        var paragraph = 0
        var lineStart = 0
        for index in 0 ... scalars.count where index == scalars.count || scalars[index] == "\n" {
            splitLine(scalars, lineStart ..< index, paragraph: paragraph, into: &sentences)
            paragraph += 1
            lineStart = index + 1
        }
        return sentences
    }

    public static func split(_ text: String) -> [Sentence] {
        split(Array(text.unicodeScalars))
    }

    private static func splitLine(_ s: [Unicode.Scalar], _ line: Range<Int>, paragraph: Int, into sentences: inout [Sentence]) {
        var start = line.lowerBound
        var index = line.lowerBound
        func emit(_ end: Int) {
            var from = start
            while from < end, isSkippableLead(s[from]) { from += 1 }
            var to = end
            while to > from, s[to - 1] == " " { to -= 1 }
            if to > from, s[from ..< to].contains(where: { Tokenizer.isWordScalar($0) }) {
                sentences.append(Sentence(start: from, end: to, paragraph: paragraph))
            }
        }
        while index < line.upperBound {
            let scalar = s[index]
            guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" else { index += 1; continue }
            var end = index + 1
            while end < line.upperBound, isCloser(s[end]) || s[end] == "." || s[end] == "!" || s[end] == "?" { end += 1 }
            guard end < line.upperBound, s[end] == " " else { index = end; continue }
            var next = end
            while next < line.upperBound, s[next] == " " { next += 1 }
            guard next < line.upperBound, startsSentence(s[next]) else { index = end; continue }
            if scalar == ".", isAbbreviation(s, before: index, lineStart: line.lowerBound) { index = end; continue }
            emit(end)
            start = next
            index = next
        }
        emit(line.upperBound)
    }

    private static func isAbbreviation(_ s: [Unicode.Scalar], before dot: Int, lineStart: Int) -> Bool {
        var from = dot
        while from > lineStart, Tokenizer.isWordScalar(s[from - 1]) || s[from - 1] == "'" { from -= 1 }
        let word = Tokenizer.string(s, from ..< dot).lowercased()
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1, !(word.unicodeScalars.first!.properties.numericType != nil) { return true }
        return abbreviations.contains(word)
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        "\"'”’)]»".unicodeScalars.contains(scalar)
    }

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isUppercase || scalar.properties.numericType != nil { return true }
        return "\"'“‘([«•-–—*".unicodeScalars.contains(scalar)
    }

    private static func isSkippableLead(_ scalar: Unicode.Scalar) -> Bool {
        " •*–—-·▪>".unicodeScalars.contains(scalar)
    }
}
