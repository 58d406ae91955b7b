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
            tokens.append(Token(text: folded, start: start, end: min(end, range.upperBound), isCapitalized: capitalized, isAllCaps: allCaps && capitalized))
            index = end
        }
        return tokens
    }

    /// A String from a run of scalars, without the generic slow path of `String.UnicodeScalarView`.
    public static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + 8)
        for index in range {
            let value = scalars[index].value
            if value < 0x80 { bytes.append(UInt8(value)) } else { UTF8.encode(scalars[index]) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
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
