/// A word of the text, folded for matching, with where it stands.
///
/// A plain value with no references, so that arrays of tokens are copied and grown as raw
/// memory: its folded text is held in two registers when it is ASCII of up to 16 bytes (nearly
/// every word), else in the `ScannedText` it came from (`ScannedText.word(_:)`).
public struct Token: Sendable, Equatable, BitwiseCopyable {
    // ASCII of up to 16 bytes packed little-endian and zero-padded (letters and digits are never 0).
    var inline0: UInt64
    var inline1: UInt64
    /// Index in `ScannedText.spilledWords` of the folded text that did not fit inline, else -1.
    var spill: Int32
    /// The word's classes (`classes`) in the low bits and its case in the two top bits: one word,
    /// so that a token stays 40 bytes.
    private var bits: UInt32
    // The offsets in 32 bits: a token is read for every word of every article, and 40 bytes go
    // further in the cache than 56. `TextScanner.scan`, which makes every token, refuses a text
    // of 4 GiB or more (an input is at most a few MB), so they never wrap.
    private let start32: UInt32, end32: UInt32
    private let utf8Start32: UInt32, utf8End32: UInt32

    /// Scalar offsets in the text that was tokenised.
    public var start: Int { @inline(__always) get { Int(start32) } }
    public var end: Int { @inline(__always) get { Int(end32) } }
    /// UTF-8 offsets of the same span.
    public var utf8Start: Int { @inline(__always) get { Int(utf8Start32) } }
    public var utf8End: Int { @inline(__always) get { Int(utf8End32) } }

    @inline(__always)
    init(inline0: UInt64, inline1: UInt64, spill: Int32, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool, utf8Start: Int, utf8End: Int,
         classes: UInt32) {
        self.inline0 = inline0
        self.inline1 = inline1
        self.spill = spill
        bits = (classes & Self.classMask) | (isCapitalized ? Self.capitalizedBit : 0) | (isAllCaps ? Self.allCapsBit : 0)
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        utf8Start32 = UInt32(truncatingIfNeeded: utf8Start)
        utf8End32 = UInt32(truncatingIfNeeded: utf8End)
    }

    private static let capitalizedBit: UInt32 = 1 << 31
    private static let allCapsBit: UInt32 = 1 << 30
    /// The bits a word's classes may use: the rules' word classes (`WordClass`, the low 16) and
    /// the people rules' (`WordFacts`, the next 14).
    public static let classMask: UInt32 = (1 << 30) - 1

    /// Word classes the compiled rules gave this word (negator, speech verb, role word…).
    public var classes: UInt32 {
        @inline(__always) get { bits & Self.classMask }
        set { bits = (bits & ~Self.classMask) | (newValue & Self.classMask) }
    }

    /// The first letter was upper case in the text (names of places are written so).
    public var isCapitalized: Bool { @inline(__always) get { bits & Self.capitalizedBit != 0 } }
    /// Every letter was upper case ("US", not "us" or "Us").
    public var isAllCaps: Bool { @inline(__always) get { bits & Self.allCapsBit != 0 } }

    /// The folded text when it is held inline, else nil (then `ScannedText.word(_:)` has it).
    var inlineText: String? {
        guard spill < 0 else { return nil }
        var words = (inline0, inline1)
        let length = inline1 != 0 ? 16 - inline1.leadingZeroBitCount / 8 : 8 - inline0.leadingZeroBitCount / 8
        return withUnsafeBytes(of: &words) { String(decoding: $0.prefix(length), as: UTF8.self) }
    }

    /// Whether the token's folded word is the one `packed` holds (from `pack(_:)`): two
    /// comparisons, where `ScannedText.word(_:) == word` builds a string.
    @inline(__always)
    func holds(_ packed: (UInt64, UInt64)) -> Bool {
        spill < 0 && inline0 == packed.0 && inline1 == packed.1
    }

    /// The folded word packed as `pack(_:)` packs it, when it is held inline.
    var packedWord: PackedWord? {
        spill < 0 ? PackedWord((inline0, inline1)) : nil
    }

    /// `text` packed as a token holds it, when it is ASCII of at most 16 bytes.
    static func pack(_ text: String) -> (UInt64, UInt64)? {
        guard text.utf8.count <= 16, text.utf8.allSatisfy({ $0 != 0 && $0 < 0x80 }) else { return nil }
        var packed: (UInt64, UInt64) = (0, 0)
        for (position, byte) in text.utf8.enumerated() {
            if position < 8 { packed.0 |= UInt64(byte) << UInt64(8 * position) } else { packed.1 |= UInt64(byte) << UInt64(8 * (position - 8)) }
        }
        return packed
    }
}

/// A token's folded word as `Token` packs it.
struct PackedWord: Hashable, Sendable {
    let low: UInt64, high: UInt64
    init(_ packed: (UInt64, UInt64)) { (low, high) = packed }

    func hash(into hasher: inout Hasher) {
        // One word for the hasher: the packed bytes mixed, not fed 16 bytes at a time.
        hasher.combine(low &* 0x9E37_79B9_7F4A_7C15 ^ high)
    }
}
