/// A match that survived the vetoes, with its mark.
struct KeptMatch {
    var match: RuleMatch
    var qualifier: Qualifier?
}

/// The third stage: which of a sentence's matches count. In order, a match is vetoed by a review
/// headline, by a frame whose parts fall in different clauses, by an exclusion that fired in the
/// sentence, or by a negator; a denial or hedge keeps it with a mark.
struct SentenceVerdict {
    let compiled: CompiledRules
    /// The headline announces a review (`ReviewHeadline`): every match of the article is vetoed.
    let isReview: Bool

    /// Appends the matches of one sentence (tokens `sentence`) that count to `kept`, and tells
    /// `trace` why the others do not.
    func vet<Trace: AnalysisTrace>(_ matches: ArraySlice<RuleMatch>, exclusions: ArraySlice<RuleMatch>, text: ScannedText, sentence: Range<Int>,
                                   into kept: inout [KeptMatch], trace: inout Trace) {
        let rules = compiled.ruleFacts
        for match in matches {
            if isReview {
                trace.matchVetoed(compiled.rules[match.rule].id, because: .reviewHeadline)
                continue
            }
            if rules[match.rule].hasFrame, let boundary = FrameClauseBoundary.word(in: match.start ..< match.end, text: text) {
                trace.matchVetoed(compiled.rules[match.rule].id, because: .frameClauses(boundary: boundary))
                continue
            }
            if !exclusions.isEmpty {
                let indicator = compiled.indicators[rules[match.rule].indicator]
                if let exclusion = exclusions.first(where: { compiled.exclusions[$0.rule].vetoes(indicator) }) {
                    trace.matchVetoed(compiled.rules[match.rule].id,
                                      because: .excluded(by: compiled.exclusions[exclusion.rule].id, reason: compiled.exclusions[exclusion.rule].reason))
                    continue
                }
            }
            switch qualifier(for: match, text: text, sentence: sentence) {
            case let .negated(word):
                trace.matchVetoed(compiled.rules[match.rule].id, because: .negated(by: word))
            case let .kept(qualifier):
                kept.append(KeptMatch(match: match, qualifier: qualifier))
                trace.matchKept(MatchReport(rule: compiled.rules[match.rule].id, indicator: compiled.rules[match.rule].indicator,
                                            text: text.text(tokens: match.start ..< match.end),
                                            words: (match.start ..< match.end).map(text.word), qualifier: qualifier))
            }
        }
    }
}
