/// One word of a pattern: an exact token or a prefix (`journalist*`).
public enum PatternTerm: Sendable, Hashable, Codable, CustomStringConvertible {
    case exact(String)
    case prefix(String)

    public var description: String {
        switch self {
        case let .exact(word): return word
        case let .prefix(stem): return stem + "*"
        }
    }
}

/// A position of a pattern: one of several alternatives (each a run of adjacent terms), allowed
/// to stand up to `maxGapBefore` tokens after the previous element.
public struct PatternElement: Sendable, Hashable, Codable {
    public var alternatives: [[PatternTerm]]
    public var maxGapBefore: Int

    public init(alternatives: [[PatternTerm]], maxGapBefore: Int) {
        self.alternatives = alternatives
        self.maxGapBefore = maxGapBefore
    }
}

/// A parsed pattern (see `rules/FORMAT.md`): `(arrest*|detain*) ~3 journalist*`, or with named
/// vocabularies and an order-free frame, `{@detain @media_worker}`.
///
/// A frame's parts may come in any order, so the pattern stands for one sequence per order;
/// each sequence is an automaton entry of the same rule.
public struct Pattern: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One sequence per order of the frame's parts (one when there is no frame), the written order first.
    public var sequences: [[PatternElement]]
    /// How many parts the pattern's frame has; 0 without a frame.
    public var frameParts: Int
    /// The vocabulary classes the pattern names (`@detain`), in order of first use.
    public var classes: [String]
    /// The text as written, normalised (single spaces): what duplicate detection compares.
    public var canonical: String

    public init(elements: [PatternElement]) {
        sequences = [elements]
        frameParts = 0
        classes = []
        canonical = Pattern.describe(elements)
    }

    init(sequences: [[PatternElement]], frameParts: Int, classes: [String], canonical: String) {
        self.sequences = sequences
        self.frameParts = frameParts
        self.classes = classes
        self.canonical = canonical
    }

    /// The sequence as written (a frame's parts in their written order).
    public var elements: [PatternElement] { sequences[0] }

    public var hasFrame: Bool { frameParts > 0 }

    /// Canonical text, for duplicate detection: `(a|b) ~2 c*`, `{@detain @media_worker ~6}`.
    public var description: String { canonical }

    static func describe(_ elements: [PatternElement]) -> String {
        elements.enumerated().map { index, element in
            let gap = index > 0 && element.maxGapBefore > 0 ? "~\(element.maxGapBefore) " : ""
            return gap + describe(element)
        }.joined(separator: " ")
    }

    static func describe(_ element: PatternElement) -> String {
        let words = element.alternatives.map { $0.map(\.description).joined(separator: " ") }
        return words.count == 1 ? words[0] : "(" + words.joined(separator: "|") + ")"
    }
}
