/// What separates the parts of a frame's match into two clauses, if anything: a semicolon, a
/// colon, a clause word ("but", "while"…) or a verb of speech ("the reporter said the suspects
/// were arrested": the reporter speaks). Commas do not: apposition ("journalist Amina Yusuf, 34,
/// was jailed") and lists ("students, activists and journalists") hold one clause.
enum FrameClauseBoundary {
    /// The word or punctuation between two parts of the match at tokens `span`; nil if none.
    static func word(in span: Range<Int>, text: ScannedText) -> String? {
        let tokens = text.tokens
        for position in span.dropFirst() {
            if tokens[position].is(.clauseWord) || tokens[position].is(.speechVerb) { return text.word(position) }
            var index = tokens[position - 1].utf8End
            while index < tokens[position].utf8Start {
                if text.utf8[index] == UInt8(ascii: ";") || text.utf8[index] == UInt8(ascii: ":") { return String(UnicodeScalar(text.utf8[index])) }
                index += 1
            }
        }
        return nil
    }
}
