/// A word of the text, folded for matching, with where it stands.
public struct Token: Sendable, Equatable {
    /// Lower-case, diacritics removed: `İmamoğlu` → `imamoglu`.
    public var text: String {
        if let spilled { return spilled }
        var words = (inline0, inline1)
        let length = inline1 != 0 ? 16 - inline1.leadingZeroBitCount / 8 : 8 - inline0.leadingZeroBitCount / 8
        return withUnsafeBytes(of: &words) { String(decoding: $0.prefix(length), as: UTF8.self) }
    }
    // The folded text without allocating: ASCII of up to 16 bytes packed little-endian and
    // zero-padded (letters and digits are never 0), else `spilled`.
    var inline0: UInt64
    var inline1: UInt64
    var spilled: String?
    /// Scalar offsets in the text that was tokenised.
    public var start: Int
    public var end: Int
    /// The first letter was upper case in the text (names of places are written so).
    public var isCapitalized: Bool
    /// Every letter was upper case ("US", not "us" or "Us").
    public var isAllCaps: Bool
    /// UTF-8 offsets of the same span.
    public var utf8Start: Int
    public var utf8End: Int
    /// Word classes the compiled rules gave this word (negator, speech verb…), as `WordClass` bits.
    public var classes: UInt16

    public init(text: String, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool, utf8Start: Int, utf8End: Int, classes: UInt16 = 0) {
        var inline: (UInt64, UInt64) = (0, 0)
        let fits = text.utf8.count <= 16 && text.utf8.allSatisfy { $0 != 0 && $0 < 0x80 }
        if fits {
            for (position, byte) in text.utf8.enumerated() {
                if position < 8 { inline.0 |= UInt64(byte) << UInt64(8 * position) } else { inline.1 |= UInt64(byte) << UInt64(8 * (position - 8)) }
            }
        }
        self.init(inline0: inline.0, inline1: inline.1, spilled: fits ? nil : text, start: start, end: end, isCapitalized: isCapitalized,
                  isAllCaps: isAllCaps, utf8Start: utf8Start, utf8End: utf8End, classes: classes)
    }
}

extension Token {
    @inline(__always)
    init(inline0: UInt64, inline1: UInt64, spilled: String?, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool, utf8Start: Int, utf8End: Int,
         classes: UInt16) {
        self.inline0 = inline0
        self.inline1 = inline1
        self.spilled = spilled
        self.start = start
        self.end = end
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.classes = classes
    }
}

/// Splits text into word tokens as `rules/FORMAT.md` defines (see `TextScanner`).
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        TextScanner.scan(text).tokens
    }
}
