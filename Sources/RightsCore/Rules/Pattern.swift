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
}

/// A parsed pattern (see `rules/FORMAT.md`): `(arrest*|detain*) ~3 journalist*`.
public struct Pattern: Sendable, Hashable, Codable, CustomStringConvertible {
    public var elements: [PatternElement]

    /// Canonical text, for duplicate detection: `(a|b) ~2 c*`.
    public var description: String {
        elements.enumerated().map { index, element in
            let gap = index > 0 && element.maxGapBefore > 0 ? "~\(element.maxGapBefore) " : ""
            let words = element.alternatives.map { $0.map(\.description).joined(separator: " ") }
            return gap + (words.count == 1 ? words[0] : "(" + words.joined(separator: "|") + ")")
        }.joined(separator: " ")
    }
}
