/// Splits text into word tokens as `rules/FORMAT.md` defines (see `TextScanner`).
public enum Tokenizer {
    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        let scanned = TextScanner.scan(text)
        return scanned.tokens.indices.map(scanned.word)
    }
}
