@testable import RightsCore

// The tokeniser and sentence splitter as they were before `TextScanner` fused them into one pass
// over UTF-8 bytes, kept here as the reference the fused pass is tested against: written over
// Unicode scalars, one rule at a time, they are easy to check by eye.

struct ReferenceToken: Equatable {
    var text: String
    var start: Int
    var end: Int
    var isCapitalized: Bool
    var isAllCaps: Bool
}

struct ReferenceSentence: Equatable {
    var start: Int
    var end: Int
    var paragraph: Int
}

enum ReferenceTokenizer {
    static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [ReferenceToken] {
        let range = range ?? 0 ..< scalars.count
        var tokens: [ReferenceToken] = []
        tokens.reserveCapacity(range.count / 5)
        // ASCII words (nearly all of them) are lower-cased into a byte buffer: no Unicode tables,
        // and a String of up to 15 bytes is built without allocating.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = range.lowerBound
        while index < range.upperBound {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            bytes.removeAll(keepingCapacity: true)
            var isASCII = true
            var allCaps = true
            var end = index
            while end < range.upperBound {
                let scalar = scalars[end]
                let value = scalar.value
                if value < 0x80 {
                    if value >= 0x61 && value <= 0x7A {
                        bytes.append(UInt8(value))
                        allCaps = false
                        end += 1
                        continue
                    }
                    if (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) {
                        bytes.append(value <= 0x39 ? UInt8(value) : UInt8(value + 0x20))
                        end += 1
                        continue
                    }
                } else if isWordScalar(scalar) {
                    isASCII = false
                    if scalar.properties.isLowercase { allCaps = false }
                    UTF8.encode(scalar) { bytes.append($0) }
                    end += 1
                    continue
                }
                // "country's" → "country"; "didn't" → "didnt"
                if isApostrophe(scalar), end + 1 < range.upperBound, isWordScalar(scalars[end + 1]) {
                    let next = scalars[end + 1]
                    let afterNext = end + 2 < range.upperBound ? scalars[end + 2] : " "
                    if (next == "s" || next == "S") && !isWordScalar(afterNext) {
                        end += 2
                        break
                    }
                    end += 1
                    continue
                }
                break
            }
            let raw = String(decoding: bytes, as: UTF8.self)
            let folded = isASCII ? raw : TextNormalizer.foldWord(raw)
            let first = scalars[start].value
            let capitalized = first < 0x80 ? (first >= 0x41 && first <= 0x5A) : scalars[start].properties.isUppercase
            tokens.append(ReferenceToken(text: folded, start: start, end: min(end, range.upperBound), isCapitalized: capitalized, isAllCaps: allCaps && capitalized))
            index = end
        }
        return tokens
    }

    /// A String from a run of scalars, without the generic slow path of `String.UnicodeScalarView`.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + 8)
        for index in range {
            let value = scalars[index].value
            if value < 0x80 { bytes.append(UInt8(value)) } else { UTF8.encode(scalars[index]) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func tokenize(_ text: String) -> [ReferenceToken] {
        tokenize(Array(text.unicodeScalars))
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }
}

enum ReferenceSentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "sen", "rep", "gov",
        "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "govt", "hon", "rev", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "est", "fig", "al", "eg", "ie", "op", "art", "para", "vol", "pp", "ft", "sq", "gov't",
    ]

    static func split(_ scalars: [Unicode.Scalar]) -> [ReferenceSentence] {
        var sentences: [ReferenceSentence] = []
        var paragraph = 0
        var lineStart = 0
        for index in 0 ... scalars.count where index == scalars.count || scalars[index] == "\n" {
            splitLine(scalars, lineStart ..< index, paragraph: paragraph, into: &sentences)
            paragraph += 1
            lineStart = index + 1
        }
        return sentences
    }

    static func split(_ text: String) -> [ReferenceSentence] {
        split(Array(text.unicodeScalars))
    }

    private static func splitLine(_ s: [Unicode.Scalar], _ line: Range<Int>, paragraph: Int, into sentences: inout [ReferenceSentence]) {
        var start = line.lowerBound
        var index = line.lowerBound
        func emit(_ end: Int) {
            var from = start
            while from < end, isSkippableLead(s[from]) { from += 1 }
            var to = end
            while to > from, s[to - 1] == " " { to -= 1 }
            if to > from, s[from ..< to].contains(where: { ReferenceTokenizer.isWordScalar($0) }) {
                sentences.append(ReferenceSentence(start: from, end: to, paragraph: paragraph))
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
        while from > lineStart, ReferenceTokenizer.isWordScalar(s[from - 1]) || s[from - 1] == "'" { from -= 1 }
        let word = ReferenceTokenizer.string(s, from ..< dot).lowercased()
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
