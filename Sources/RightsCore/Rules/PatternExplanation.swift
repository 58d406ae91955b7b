/// How a pattern matched a run of words, element by element: for `explain`, which shows which
/// class entry matched ("@detain ← 'taken into custody'") and in which order a frame's parts came.
///
/// A small backtracking matcher over the match's own words: slow next to the automaton, and only
/// ever run on one match that the automaton already found.
public struct PatternExplanation: Sendable, Equatable {
    /// One element's share of the match.
    public struct Part: Sendable, Equatable, CustomStringConvertible {
        /// The words of the text it matched.
        public var text: String
        /// The class the matching alternative came from, if any.
        public var className: String?
        /// What was written for that alternative: the class entry ("jail" for "jailed", "@abduct ←
        /// 'abduct'" through an included class), or the alternative itself.
        public var written: String

        /// `@detain ← 'jailed' (entry 'jail')`, `jailed ← 'jailed'`.
        public var description: String {
            guard let className else { return "\(written) ← '\(text)'" }
            return "@\(className) ← '\(text)'" + (written == text ? "" : " (entry '\(written)')")
        }
    }

    public var parts: [Part]
    /// Whether the frame's parts came in another order than written.
    public var frameReordered: Bool

    /// Explains `pattern` on `words` (the folded words of the match, as the automaton saw them);
    /// nil if no sequence of the pattern covers them from first to last word.
    public static func explain(_ pattern: Pattern, words: [String], vocabulary: Vocabulary) -> PatternExplanation? {
        for (order, sequence) in pattern.sequences.enumerated() {
            guard let choices = match(sequence, words: words) else { continue }
            let parts = choices.map { choice -> Part in
                let alternative = sequence[choice.element].alternatives[choice.alternative]
                let text = words[choice.range].joined(separator: " ")
                for name in pattern.classes {
                    if let origin = vocabulary.origin(of: alternative, in: name) {
                        return Part(text: text, className: name, written: origin)
                    }
                }
                return Part(text: text, className: nil, written: alternative.map(\.description).joined(separator: " "))
            }
            return PatternExplanation(parts: parts, frameReordered: order > 0)
        }
        return nil
    }

    private struct Choice {
        var element: Int
        var alternative: Int
        var range: Range<Int>
    }

    /// Elements matched left to right: the first at word 0, the last ending at the last word.
    private static func match(_ elements: [PatternElement], words: [String]) -> [Choice]? {
        var steps = 0
        func fits(_ terms: [PatternTerm], at start: Int) -> Bool {
            guard start + terms.count <= words.count else { return false }
            return terms.indices.allSatisfy { index in
                switch terms[index] {
                case let .exact(word): return words[start + index] == word
                case let .prefix(stem): return words[start + index].hasPrefix(stem)
                }
            }
        }
        func search(_ element: Int, from position: Int, maxGap: Int) -> [Choice]? {
            steps += 1
            guard steps < 10_000 else { return nil }
            if element == elements.count { return position == words.count ? [] : nil }
            for start in position ... min(position + maxGap, words.count) {
                for (index, terms) in elements[element].alternatives.enumerated() where fits(terms, at: start) {
                    let end = start + terms.count
                    let nextGap = element + 1 < elements.count ? elements[element + 1].maxGapBefore : 0
                    if let rest = search(element + 1, from: end, maxGap: nextGap) {
                        return [Choice(element: element, alternative: index, range: start ..< end)] + rest
                    }
                }
            }
            return nil
        }
        return search(0, from: 0, maxGap: 0)
    }
}
