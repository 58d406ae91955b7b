/// A word of the text, folded for matching, with where it stands.
public struct Token: Sendable, Equatable {
    /// Lower-case, diacritics removed: `İmamoğlu` → `imamoglu`.
    public var text: String
    /// Scalar offsets in the text that was tokenised.
    public var start: Int
    public var end: Int
    /// The first letter was upper case in the text (names of places are written so).
    public var isCapitalized: Bool
    /// Every letter was upper case ("US", not "us" or "Us").
    public var isAllCaps: Bool
}

/// Splits text into word tokens as `rules/FORMAT.md` defines.
///
/// A token is a run of letters and digits; a trailing `'s` is dropped and other apostrophes
/// inside a word join it (`didn't` → `didnt`). Everything else separates tokens.
/// - Complexity: O(n) in the number of scalars.
public enum Tokenizer {
    public static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [Token] {
        let range = range ?? 0 ..< scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var index = range.lowerBound
        var word = String.UnicodeScalarView()
        var isASCII = true
        while index < range.upperBound {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            word.removeAll(keepingCapacity: true)
            isASCII = true
            var end = index
            var allCaps = true
            while end < range.upperBound {
                let scalar = scalars[end]
                if isWordScalar(scalar) {
                    word.append(scalar)
                    if allCaps, scalar.properties.isLowercase { allCaps = false }
                    if scalar.value >= 0x80 { isASCII = false }
                    end += 1
                } else if isApostrophe(scalar), end + 1 < range.upperBound, isWordScalar(scalars[end + 1]) {
                    // "country's" → "country"; "didn't" → "didnt"
                    let next = scalars[end + 1]
                    let afterNext = end + 2 < range.upperBound ? scalars[end + 2] : " "
                    if (next == "s" || next == "S") && !isWordScalar(afterNext) {
                        end += 2
                        break
                    }
                    end += 1
                } else {
                    break
                }
            }
            let raw = String(word)
            let folded = isASCII ? raw.lowercased() : TextNormalizer.foldWord(raw)
            let first = scalars[start]
            let capitalized = first.properties.isUppercase
            tokens.append(Token(text: folded, start: start, end: min(end, range.upperBound), isCapitalized: capitalized, isAllCaps: allCaps && capitalized))
            index = end
        }
        return tokens
    }

    public static func tokenize(_ text: String) -> [Token] {
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
