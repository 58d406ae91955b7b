/// Receives each token of a `TextScanner` pass as it is read, with the bytes of its folded text.
///
/// The compiled rules walk their trie over these bytes, so a word is looked up while the text is
/// read, not again later. The result is stored as the token's `classes`.
public protocol TokenVisitor: ~Copyable {
    /// `folded` holds the token's folded word as UTF-8; `inline` the same bytes packed little-endian into two
    /// words, zero-padded, when they are at most 16 (a ready-made hash key). Called once per token, in text order.
    mutating func visit(_ folded: UnsafeBufferPointer<UInt8>, inline: (UInt64, UInt64)?) -> UInt32
}

/// A visitor that notes nothing (plain tokenising).
public struct IgnoringVisitor: TokenVisitor {
    public init() {}
    @inline(__always)
    public mutating func visit(_ folded: UnsafeBufferPointer<UInt8>, inline: (UInt64, UInt64)?) -> UInt32 { 0 }
}

/// A text read once: its tokens and sentences, with offsets in scalars (what is stored and
/// shown) and in UTF-8 bytes (to cut strings out of `utf8` without decoding the text again).
public struct ScannedText: Sendable {
    public var utf8: [UInt8]
    public var tokens: [Token]
    public var sentences: [Sentence]
    /// The folded words that did not fit in their token (long or not ASCII): few, so kept apart.
    var spilledWords: [String]

    /// The folded word of token `index` (lower case, no diacritics: `İmamoğlu` → `imamoglu`).
    public func word(_ index: Int) -> String { word(of: tokens[index]) }

    /// The folded word of a token of this text.
    public func word(of token: Token) -> String { token.inlineText ?? spilledWords[Int(token.spill)] }

    /// The text of UTF-8 bytes `range`.
    public func string(utf8 range: Range<Int>) -> String {
        // SAFETY: slicing the buffer checks `range` against the text's bytes.
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The text of a sentence as written.
    public func text(of sentence: Sentence) -> String { string(utf8: sentence.utf8Start ..< sentence.utf8End) }

    /// The text from the first to the last of `tokens`, as written.
    public func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return string(utf8: tokens[range.lowerBound].utf8Start ..< tokens[range.upperBound - 1].utf8End)
    }
}

/// Tokenises and splits text into sentences in one pass over its UTF-8 bytes.
///
/// Tokens are as `rules/FORMAT.md` defines: a run of letters and digits, folded (lower case, no
/// diacritics); a trailing `'s` is dropped and other apostrophes inside a word join it
/// (`didn't` → `didnt`); everything else separates tokens.
///
/// Every line is a paragraph, so a line break always ends a sentence. Inside a line a sentence
/// ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) when spaces and a capital,
/// digit, opening quote or bullet follow, unless the word before the full stop is an
/// abbreviation (`Dr.`, `Jan.`, `Gen.`) or a single letter (`U.S.`, `John F. Kennedy`). Leading
/// bullets and trailing spaces are not part of a sentence, and a sentence without a word is dropped.
///
/// - Complexity: O(n) in the bytes of the text; the abbreviation check looks back one word.
public enum TextScanner {
    public static func scan(_ text: String) -> ScannedText {
        var visitor = IgnoringVisitor()
        return scan(text, visitor: &visitor)
    }

    public static func scan<Visitor: TokenVisitor & ~Copyable>(_ text: String, visitor: inout Visitor) -> ScannedText {
        let bytes = Array(text.utf8)
        // A token keeps its offsets in 32 bits.
        precondition(bytes.count < Int(UInt32.max), "a text of 4 GiB or more cannot be tokenised")
        var sentences: [Sentence] = [], spilledWords: [String] = [], grown: [Token]?
        // The tokens are written straight into the array's memory, sized for news text (a word and
        // its space take six bytes or more), instead of being copied there after the pass; a text
        // of more, shorter words grows them into memory of the pass's own, copied here after all.
        let tokens = [Token](unsafeUninitializedCapacity: bytes.count / 5 + 16) { memory, count in
            var pass = Pass(textBytes: bytes.count, tokens: AppendBuffer(lent: memory))
            // SAFETY: the pass reads the buffer only inside this call, and only below `bytes.count`.
            bytes.withUnsafeBufferPointer { pass.run($0, visitor: &visitor) }
            if pass.tokens.ownsMemory { grown = pass.tokens.array() } else { count = pass.tokens.count }
            sentences = pass.sentences
            spilledWords = pass.spilledWords
        }
        return ScannedText(utf8: bytes, tokens: grown ?? tokens, sentences: sentences, spilledWords: spilledWords)
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "sen", "rep", "gov",
        "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "govt", "hon", "rev", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "est", "fig", "al", "eg", "ie", "op", "art", "para", "vol", "pp", "ft", "sq", "gov't",
    ]

    /// `abbreviations` of up to eight ASCII bytes, packed little-endian (as `Token.pack` packs them),
    /// sorted: nearly every sentence's last word is looked up here, and a binary search of a few
    /// dozen numbers costs less than hashing one.
    static let abbreviationKeys: [UInt64] = Set(abbreviations.compactMap { word in
        word.utf8.count <= 8 ? Token.pack(word)?.0 : nil
    }).sorted()

    /// Whether `key` is one of `abbreviationKeys`.
    static func isAbbreviationKey(_ key: UInt64) -> Bool {
        let keys = abbreviationKeys
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return isNonASCIIWordScalar(scalar)
    }

    // Unicode properties stay out of line: inlined, their metadata is set up on every call of
    // the hot loop even when every scalar is ASCII.
    @inline(never)
    static func isNonASCIIWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    @inline(never)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }

    @inline(never)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    // Switches, not `String.unicodeScalars.contains`: these run at every sentence end.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", ")", "]", "»": return true
        default: return false
        }
    }

    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            switch scalar {
            case "\"", "'", "(", "-", "*", "[": return true
            default: return (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
            }
        }
        if scalar.properties.isUppercase || scalar.properties.numericType != nil { return true }
        switch scalar {
        case "“", "‘", "«", "•", "–", "—": return true
        default: return false
        }
    }

    static func isSkippableLead(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "•", "*", "–", "—", "-", "·", "▪", ">": return true
        default: return false
        }
    }

    /// The state of one pass: where the current line and sentence began, and what was found.
    /// Not copyable: it owns the buffer its tokens are appended to.
    struct Pass: ~Copyable {
        /// One per word, most of the pass's stores: appended without `Array`'s uniqueness check.
        var tokens: AppendBuffer<Token>
        var sentences: [Sentence] = []
        var spilledWords: [String] = []
        var folded: [UInt8] = []
        var paragraph = 0
        var lineStart = 0
        var sentenceStart = 0, sentenceStartScalar = 0, sentenceFirstToken = 0

        /// `tokens`: where the pass writes its tokens; `textBytes`: the length of the text it reads.
        init(textBytes: Int, tokens: consuming AppendBuffer<Token>) {
            self.tokens = tokens
            sentences.reserveCapacity(textBytes / 100)
            folded.reserveCapacity(64)
        }

        /// The scalar at byte `index` and its length in bytes (the text is valid UTF-8).
        @inline(__always)
        static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
            let lead = UInt32(bytes[index])
            if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
            if lead < 0xE0 {
                return (Unicode.Scalar(((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)) ?? " ", 2)
            }
            if lead < 0xF0 {
                let value = ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
                return (Unicode.Scalar(value) ?? " ", 3)
            }
            let value = ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
            return (Unicode.Scalar(value) ?? " ", 4)
        }

        mutating func run<Visitor: TokenVisitor & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, visitor: inout Visitor) {
            let count = bytes.count
            var index = 0
            var scalarIndex = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                        readWord(bytes, &index, &scalarIndex, visitor: &visitor)
                    } else if byte == 0x0A {
                        endLine(bytes, at: index, scalar: scalarIndex)
                        index += 1
                        scalarIndex += 1
                    } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                        endSentenceIfItEnds(bytes, &index, &scalarIndex, length: 1)
                    } else {
                        index += 1
                        scalarIndex += 1
                    }
                    continue
                }
                let (scalar, length) = Self.decode(bytes, index)
                if TextScanner.isWordScalar(scalar) {
                    readWord(bytes, &index, &scalarIndex, visitor: &visitor)
                } else if scalar == "…" {
                    endSentenceIfItEnds(bytes, &index, &scalarIndex, length: length)
                } else {
                    index += length
                    scalarIndex += 1
                }
            }
            endLine(bytes, at: count, scalar: scalarIndex)
        }

        /// One token from byte `index`, which holds a word scalar.
        @inline(__always)
        mutating func readWord<Visitor: TokenVisitor & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ scalarIndex: inout Int,
                                                       visitor: inout Visitor) {
            if readPlainASCIIWord(bytes, &index, &scalarIndex, visitor: &visitor) { return }
            let count = bytes.count
            let start = index, startScalar = scalarIndex
            // ASCII words of up to 16 bytes (nearly all) are folded into two registers; others into `folded`.
            var key0: UInt64 = 0, key1: UInt64 = 0, keyLength = 0
            var spilled = false
            var isASCII = true
            var allCaps = true
            let (first, _) = Self.decode(bytes, index)
            let capitalized = first.value < 0x80 ? (first.value >= 0x41 && first.value <= 0x5A) : TextScanner.isUppercase(first)
            while index < count {
                let byte = bytes[index]
                var scalar: Unicode.Scalar
                var length = 1
                if byte < 0x80 {
                    var lower: UInt8 = 0
                    if byte >= 0x61 && byte <= 0x7A {
                        lower = byte
                        allCaps = false
                    } else if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                        lower = byte <= 0x39 ? byte : byte + 0x20
                    }
                    if lower != 0 {
                        if !spilled && keyLength < 16 {
                            if keyLength < 8 { key0 |= UInt64(lower) << UInt64(8 * keyLength) } else { key1 |= UInt64(lower) << UInt64(8 * (keyLength - 8)) }
                            keyLength += 1
                        } else {
                            if !spilled { spill(key0, key1, keyLength); spilled = true }
                            folded.append(lower)
                        }
                        index += 1; scalarIndex += 1
                        continue
                    }
                    scalar = Unicode.Scalar(byte)
                } else {
                    (scalar, length) = Self.decode(bytes, index)
                    if TextScanner.isWordScalar(scalar) {
                        if !spilled { spill(key0, key1, keyLength); spilled = true }
                        isASCII = false
                        if TextScanner.isLowercase(scalar) { allCaps = false }
                        for offset in 0 ..< length { folded.append(bytes[index + offset]) }
                        index += length; scalarIndex += 1
                        continue
                    }
                }
                // "country's" → "country"; "didn't" → "didnt"
                if TextScanner.isApostrophe(scalar), index + length < count {
                    let (next, nextLength) = Self.decode(bytes, index + length)
                    if TextScanner.isWordScalar(next) {
                        let afterNext: Unicode.Scalar = index + length + nextLength < count ? Self.decode(bytes, index + length + nextLength).0 : " "
                        if (next == "s" || next == "S") && !TextScanner.isWordScalar(afterNext) {
                            index += length + nextLength
                            scalarIndex += 2
                            break
                        }
                        index += length; scalarIndex += 1
                        continue
                    }
                }
                break
            }
            if !spilled {
                var words = (key0, key1)
                // SAFETY: the 16 bytes of `words` outlive the call, and `keyLength` is at most 16.
                let classes = withUnsafeBytes(of: &words) { raw in
                    visitor.visit(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: keyLength), inline: (key0, key1))
                }
                tokens.append(Token(inline0: key0, inline1: key1, spill: -1, start: startScalar, end: scalarIndex, isCapitalized: capitalized,
                                    isAllCaps: allCaps && capitalized, utf8Start: start, utf8End: index, classes: classes))
            } else {
                appendSpilled(isASCII: isASCII, start: start, end: index, startScalar: startScalar, endScalar: scalarIndex,
                              capitalized: capitalized, allCaps: allCaps, visitor: &visitor)
            }
        }

        /// The common case in one go: a word of at most 16 ASCII letters and digits that ends in
        /// ASCII other than an apostrophe. Its bytes are classified eight at a time (`wordBytes`),
        /// and such a word folds by setting bit 0x20 of each byte (upper case to lower, digits
        /// unchanged), so it is packed by two loads instead of byte by byte. Anything else (longer,
        /// an apostrophe, a non-ASCII scalar next) returns false with nothing read, and the general
        /// reading takes it (so do the last 16 bytes of a text).
        @inline(__always)
        mutating func readPlainASCIIWord<Visitor: TokenVisitor & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ scalarIndex: inout Int,
                                                                 visitor: inout Visitor) -> Bool {
            let count = bytes.count
            let start = index
            // Two 8-byte loads must stay inside the text: the last 16 bytes take the general reading.
            guard start + 16 <= count else { return false }
            // SAFETY: bytes `start ..< start + 16` are inside the text (checked above).
            let raw = UnsafeRawPointer(bytes.baseAddress! + start)
            let word0 = raw.loadUnaligned(as: UInt64.self)
            let word1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            let (letters0, lower0) = Self.wordBytes(word0)
            var length: Int
            var lower = lower0
            if letters0 != high {
                length = (~letters0 & high).trailingZeroBitCount >> 3
            } else {
                let (letters1, lower1) = Self.wordBytes(word1)
                if letters1 != high {
                    length = 8 + ((~letters1 & high).trailingZeroBitCount >> 3)
                } else {
                    length = 16
                    // A seventeenth letter: a long word, for the general reading.
                    if start + 16 < count, Self.isASCIIWordByte(bytes[start + 16]) { return false }
                }
                lower |= lower1 & Self.lowBytes(length - 8)
            }
            let end = start + length
            guard length > 0, end == count || (bytes[end] < 0x80 && bytes[end] != 0x27) else { return false }
            let hasLower = (length >= 8 ? lower : lower & Self.lowBytes(length)) != 0
            let fold: UInt64 = 0x2020_2020_2020_2020
            let key0 = (word0 | fold) & Self.lowBytes(min(length, 8))
            let key1 = length > 8 ? (word1 | fold) & Self.lowBytes(length - 8) : 0
            let capitalized = bytes[start] &- 0x41 < 26
            var words = (key0, key1)
            // SAFETY: the 16 bytes of `words` outlive the call, and `length` is at most 16.
            let classes = withUnsafeBytes(of: &words) { raw in
                visitor.visit(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length), inline: (key0, key1))
            }
            tokens.append(Token(inline0: key0, inline1: key1, spill: -1, start: scalarIndex, end: scalarIndex + length, isCapitalized: capitalized,
                                isAllCaps: capitalized && !hasLower, utf8Start: start, utf8End: end, classes: classes))
            index = end
            scalarIndex += length
            return true
        }

        @inline(__always)
        static func isASCIIWordByte(_ byte: UInt8) -> Bool {
            byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10
        }

        /// For the eight bytes of `word` (little-endian), bit 7 of each byte set where the byte is
        /// an ASCII letter or digit (`letters`), and where it is a lower-case letter (`lower`).
        @inline(__always)
        static func wordBytes(_ word: UInt64) -> (letters: UInt64, lower: UInt64) {
            let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
            let ascii = ~word & high
            let low = word & ~high
            // For 7-bit values, (0x80 | v) - lo keeps bit 7 where v >= lo, and (0x80 | hi) - v
            // where v <= hi; neither borrows from the next byte.
            @inline(__always)
            func within(_ first: UInt64, _ last: UInt64) -> UInt64 {
                ((low | high) &- ones &* first) & ((ones &* (last | 0x80)) &- low)
            }
            let lower = within(0x61, 0x7A) & ascii
            return (lower | ((within(0x41, 0x5A) | within(0x30, 0x39)) & ascii), lower)
        }

        /// A mask of the low `count` bytes of a word (`count` from 0 to 8).
        @inline(__always)
        static func lowBytes(_ count: Int) -> UInt64 {
            count >= 8 ? .max : (1 &<< UInt64(8 * count)) &- 1
        }

        /// A token whose folded text did not fit in registers (long or not ASCII).
        @inline(never)
        mutating func appendSpilled<Visitor: TokenVisitor & ~Copyable>(isASCII: Bool, start: Int, end: Int, startScalar: Int, endScalar: Int,
                                                            capitalized: Bool, allCaps: Bool, visitor: inout Visitor) {
            let text = isASCII ? String(decoding: folded, as: UTF8.self) : TextNormalizer.foldWord(String(decoding: folded, as: UTF8.self))
            // Folding may leave short ASCII ("İmamoğlu" → "imamoglu"): then it goes inline after all.
            let inline = Token.pack(text)
            var token = Token(inline0: inline?.0 ?? 0, inline1: inline?.1 ?? 0, spill: inline == nil ? Int32(spilledWords.count) : -1,
                              start: startScalar, end: endScalar, isCapitalized: capitalized, isAllCaps: allCaps && capitalized,
                              utf8Start: start, utf8End: end, classes: 0)
            if inline == nil { spilledWords.append(text) }
            var utf8 = Array(text.utf8)
            // SAFETY: the visitor reads the bytes only during the call.
            token.classes = utf8.withUnsafeMutableBufferPointer { visitor.visit(UnsafeBufferPointer($0), inline: inline) }
            tokens.append(token)
        }

        /// Moves the bytes folded into registers so far into `folded`, which takes over.
        @inline(__always)
        mutating func spill(_ key0: UInt64, _ key1: UInt64, _ length: Int) {
            folded.removeAll(keepingCapacity: true)
            for position in 0 ..< length {
                folded.append(UInt8(truncatingIfNeeded: position < 8 ? key0 >> UInt64(8 * position) : key1 >> UInt64(8 * (position - 8))))
            }
        }

        /// At a `.`, `!`, `?` or `…` (byte `index`): ends the sentence there when it ends, and moves past it.
        mutating func endSentenceIfItEnds(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ scalarIndex: inout Int, length: Int) {
            let count = bytes.count
            let isFullStop = bytes[index] == 0x2E
            var end = index + length, endScalar = scalarIndex + 1
            while end < count, bytes[end] != 0x0A {
                let (scalar, scalarLength) = Self.decode(bytes, end)
                guard TextScanner.isCloser(scalar) || scalar == "." || scalar == "!" || scalar == "?" else { break }
                end += scalarLength; endScalar += 1
            }
            guard end < count, bytes[end] == 0x20 else { index = end; scalarIndex = endScalar; return }
            var next = end, nextScalar = endScalar
            while next < count, bytes[next] == 0x20 { next += 1; nextScalar += 1 }
            guard next < count, TextScanner.startsSentence(Self.decode(bytes, next).0),
                  !(isFullStop && isAbbreviation(bytes, before: index)) else { index = end; scalarIndex = endScalar; return }
            emit(bytes, end: end, endScalar: endScalar)
            sentenceStart = next; sentenceStartScalar = nextScalar
            index = next; scalarIndex = nextScalar
        }

        /// At a line break (byte `index`) or the end of the text.
        mutating func endLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, scalar: Int) {
            emit(bytes, end: index, endScalar: scalar)
            paragraph += 1
            lineStart = index + 1
            sentenceStart = index + 1
            sentenceStartScalar = scalar + 1
        }

        /// The word before the full stop at `dot` (letters, digits and `'`) is an abbreviation or a single letter.
        func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
            var from = dot
            var length = 0
            // Nearly every sentence ends so: an ASCII word, packed as it is read (backwards, so each
            // byte read goes below the ones before) and looked up as one number instead of as a new
            // lower-cased string. Letters fold to lower case by setting bit 5; digits and the
            // apostrophe have it set.
            var key: UInt64 = 0
            var isASCII = true
            while from > lineStart {
                let byte = bytes[from - 1]
                if byte < 0x80 {
                    guard Self.isASCIIWordByte(byte) || byte == 0x27 else { break }
                    from -= 1
                    key = key << 8 | UInt64(byte | 0x20)
                } else {
                    var lead = from - 1
                    while lead > lineStart, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                    let (scalar, _) = Self.decode(bytes, lead)
                    guard TextScanner.isWordScalar(scalar) || scalar == "'" else { break }
                    from = lead
                    isASCII = false
                }
                // No abbreviation is longer than six scalars ("approx", "gov't").
                length += 1
                if length > 6 { return false }
            }
            if isASCII {
                switch length {
                case 0: return false
                case 1: return !(bytes[from] >= 0x30 && bytes[from] <= 0x39)
                default: return TextScanner.isAbbreviationKey(key)
                }
            }
            // SAFETY: `from ..< dot` lies inside the line being read (`lineStart <= from <= dot`).
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[from ..< dot]), as: UTF8.self).lowercased()
            if word.isEmpty { return false }
            if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.numericType == nil { return true }
            return TextScanner.abbreviations.contains(word)
        }

        /// Ends the current sentence at byte `end`: without leading bullets or trailing spaces, and only if it has a word.
        mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, endScalar: Int) {
            var from = sentenceStart, fromScalar = sentenceStartScalar
            while from < end {
                let (scalar, length) = Self.decode(bytes, from)
                guard TextScanner.isSkippableLead(scalar) else { break }
                from += length; fromScalar += 1
            }
            var to = end, toScalar = endScalar
            while to > from, bytes[to - 1] == 0x20 { to -= 1; toScalar -= 1 }
            // Every word scalar starts or is part of a token, and tokens never cross a sentence's end.
            if to > from, tokens.count > sentenceFirstToken {
                sentences.append(Sentence(start: fromScalar, end: toScalar, paragraph: paragraph, tokenStart: sentenceFirstToken, tokenEnd: tokens.count,
                                          utf8Start: from, utf8End: to))
            }
            sentenceFirstToken = tokens.count
        }
    }
}
