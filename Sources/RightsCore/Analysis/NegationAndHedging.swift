/// What negation, denial and hedging make of one match.
enum QualifierVerdict: Equatable {
    /// Dropped: the negator's word.
    case negated(String)
    /// Kept, marked denied or alleged, or plain.
    case kept(Qualifier?)
}

extension SentenceVerdict {
    /// Negation drops a match; a denial or a hedge keeps it with a mark (see rules/engine.yaml).
    ///
    /// A negator counts inside the match or up to `negationWindow` tokens before it, in the same
    /// clause: punctuation or "but" in between ends its reach ("police did not comment, but
    /// soldiers shot protesters" is evidence). A negator the rule itself names does not count.
    func qualifier(for match: RuleMatch, text: ScannedText, sentence: Range<Int>) -> QualifierVerdict {
        // The one setting read, not a copy of all of them (each of their lists retained and released per match).
        let negationWindow = compiled.ruleSet.engine.negationWindow
        let tokens = text.tokens
        let ownWords = compiled.ruleWords[match.rule]
        func isNegator(_ position: Int) -> Bool {
            tokens[position].is(.negator) && !ownWords.contains(text.word(position))
        }
        var position = match.start - 1
        while position >= max(sentence.lowerBound, match.start - negationWindow) {
            if Self.clauseBreak(between: tokens[position], and: tokens[position + 1], text.utf8) || tokens[position].is(.clauseWord) { break }
            if isNegator(position) {
                // "must not jail critics" urges, "no excuse to lock up opponents" judges: both say it happens.
                let exhortation = position > sentence.lowerBound && tokens[position - 1].is(.exhortationModal)
                let reframed = tokens[(position + 1) ..< match.start].contains { $0.is(.negationBreaker) }
                if !exhortation && !reframed { return .negated(text.word(position)) }
            }
            position -= 1
        }
        for position in match.start ..< match.end where isNegator(position) {
            return .negated(text.word(position))
        }
        // A denial around the match outweighs a hedge before it: both windows read in one pass.
        let around = max(sentence.lowerBound, match.start - negationWindow) ..< min(sentence.upperBound, match.end + 3)
        let wider = max(sentence.lowerBound, match.start - 6) ..< match.end
        var hedged = false
        for position in min(around.lowerBound, wider.lowerBound) ..< max(around.upperBound, wider.upperBound) {
            let token = tokens[position]
            guard token.is([.denial, .hedge]) else { continue }
            if token.is(.denial), around.contains(position), !refusesSomething(at: position, after: match, text: text, sentence: sentence) { return .kept(.denied) }
            if token.is(.hedge), wider.contains(position) { hedged = true }
        }
        return .kept(hedged ? .alleged : nil)
    }

    /// Whether the denial word at `position` tells what was refused or done to someone rather than
    /// denying the evidence (engine.yaml `deprivations`): "lawyers were denied access to their
    /// clients", "workers were dismissed after the strike", "detained and denied a lawyer".
    func refusesSomething(at position: Int, after match: RuleMatch, text: ScannedText, sentence: Range<Int>) -> Bool {
        let tokens = text.tokens
        let next = position + 1
        let clauseGoesOn = next < sentence.upperBound && !Self.clauseBreak(between: tokens[position], and: tokens[next], text.utf8)
        if clauseGoesOn && compiled.deprivationFollowers.contains(where: { tokens[next].holds($0) }) { return true }
        var reach = next
        while reach < min(sentence.upperBound, next + compiled.ruleSet.engine.deprivationReach) {
            if reach > next && Self.clauseBreak(between: tokens[reach - 1], and: tokens[reach], text.utf8) { break }
            let token = tokens[reach]
            // "denied that …" and "denied allegations of …" deny; what is refused follows the word itself.
            if token.holds(Self.that) || token.holds(Self.of) || token.is(.clauseWord) { break }
            if token.is(.deprivation) { return true }
            reach += 1
        }
        // Passive with more of the clause after it: "was denied bail", not "the claims were denied
        // by police" nor a clause that ends with it.
        if position > sentence.lowerBound, clauseGoesOn, !tokens[next].holds(Self.by), !tokens[next].holds(Self.asWord),
           compiled.ruleSet.engine.passiveAuxiliaries.contains(text.word(position - 1)) {
            return true
        }
        // Joined to the evidence as one more thing done: "arrested and dismissed", "detained or denied".
        return position == match.end + 1 && (tokens[match.end].holds(Self.and) || tokens[match.end].holds(Self.or))
    }

    private static let that = Token.pack("that")!, of = Token.pack("of")!, by = Token.pack("by")!, asWord = Token.pack("as")!
    private static let and = Token.pack("and")!, or = Token.pack("or")!

    /// Punctuation between two tokens that ends a clause: `,;:()` or a dash.
    @inline(__always)
    static func clauseBreak(between first: Token, and second: Token, _ utf8: [UInt8]) -> Bool {
        var index = first.utf8End
        while index < second.utf8Start {
            switch utf8[index] {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"): return true
            // — U+2014 and – U+2013: E2 80 94, E2 80 93
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0x94 || utf8[index + 2] == 0x93): return true
            default: index += 1
            }
        }
        return false
    }
}
