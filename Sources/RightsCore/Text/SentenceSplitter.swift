/// A sentence of an article: its span in the cleaned text, its paragraph and its tokens.
public struct Sentence: Sendable, Equatable {
    /// Scalar offsets in the cleaned text.
    public var start: Int
    public var end: Int
    /// 0-based paragraph (line of the cleaned text).
    public var paragraph: Int
    /// The sentence's tokens, `tokenStart ..< tokenEnd` of the text's tokens.
    public var tokenStart: Int
    public var tokenEnd: Int
    /// UTF-8 offsets of the span.
    public var utf8Start: Int
    public var utf8End: Int

    public var tokenRange: Range<Int> { tokenStart ..< tokenEnd }
}

/// Splits cleaned text into sentences (see `TextScanner` for the rules).
public enum SentenceSplitter {
    public static func split(_ text: String) -> [Sentence] {
        TextScanner.scan(text).sentences
    }
}
