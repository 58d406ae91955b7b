/// A match of one automaton entry over tokens `start ..< end`.
public struct PhraseMatch: Sendable, Equatable {
    public var entry: Int
    public var start: Int
    public var end: Int
}

/// Every pattern and place name of a rule set, compiled once into one matcher over tokens.
///
/// Terms are "atoms": an exact word (found by one hash lookup) or a prefix (found by walking a
/// byte trie along the token). A sentence is scanned once: each token is turned into the atoms
/// it satisfies, and only entries whose first atom occurs there are followed, with their bounded
/// gaps. This is Aho–Corasick's idea on tokens: the cost grows with the text, not with the number
/// of rules. The structure is flat arrays, so it is `Sendable` and shared by all analysis tasks.
///
/// - Complexity: O(t · (w + a)) for t tokens of length w, a the atoms a token satisfies,
///   plus the follow-up of entries anchored at each token (bounded by their gaps).
public struct PhraseAutomaton: Sendable {
    private var exactAtoms: [String: Int32] = [:]
    // Prefix trie over UTF-8 bytes: edges per node, and the prefix atom ending at a node (or -1).
    private var trieEdges: [[(byte: UInt8, node: Int32)]] = [[]]
    private var trieAtom: [Int32] = [-1]
    private var atomCount: Int32 = 0

    // Entries in flat arrays: entry → elements → alternatives → terms (atoms).
    private var entryElementStart: [Int32] = []
    private var entryElementCount: [UInt8] = []
    private var elementGap: [UInt8] = []
    private var elementAltStart: [Int32] = []
    private var elementAltCount: [UInt16] = []
    private var altTermStart: [Int32] = []
    private var altTermCount: [UInt8] = []
    private var termAtoms: [Int32] = []
    /// What each entry stands for, opaque to the automaton (rule, exclusion or place index).
    public private(set) var entryPayload: [Int32] = []
    /// For each atom: the (entry, alternative) pairs whose first element may start with it.
    private var anchors: [[(entry: Int32, alternative: Int32)]] = []

    public init() {}

    public var entryCount: Int { entryPayload.count }

    /// Adds `pattern` as one entry carrying `payload`. Alternatives are not multiplied out, so a
    /// pattern with many alternatives costs its size, not the product of its choices.
    public mutating func add(_ pattern: Pattern, payload: Int32) {
        guard !pattern.elements.isEmpty else { return }
        let entry = Int32(entryPayload.count)
        entryPayload.append(payload)
        entryElementStart.append(Int32(elementGap.count))
        entryElementCount.append(UInt8(min(pattern.elements.count, 255)))
        for (elementIndex, element) in pattern.elements.prefix(255).enumerated() {
            elementGap.append(UInt8(element.maxGapBefore))
            elementAltStart.append(Int32(altTermCount.count))
            elementAltCount.append(UInt16(min(element.alternatives.count, Int(UInt16.max))))
            for alternative in element.alternatives {
                let altIndex = Int32(altTermCount.count)
                altTermStart.append(Int32(termAtoms.count))
                altTermCount.append(UInt8(min(alternative.count, 255)))
                for term in alternative.prefix(255) { termAtoms.append(atom(for: term)) }
                if elementIndex == 0, let first = alternative.first {
                    let atom = Int(atom(for: first))
                    while anchors.count <= atom { anchors.append([]) }
                    anchors[atom].append((entry, altIndex))
                }
            }
        }
    }

    /// Adds one run of adjacent words (a place name).
    public mutating func add(phrase words: [String], payload: Int32) {
        guard !words.isEmpty else { return }
        add(Pattern(elements: words.map { PatternElement(alternatives: [[.exact($0)]], maxGapBefore: 0) }), payload: payload)
    }

    private mutating func atom(for term: PatternTerm) -> Int32 {
        switch term {
        case let .exact(word):
            if let atom = exactAtoms[word] { return atom }
            let atom = newAtom()
            exactAtoms[word] = atom
            return atom
        case let .prefix(stem):
            var node = 0
            for byte in stem.utf8 {
                if let edge = trieEdges[node].first(where: { $0.byte == byte }) {
                    node = Int(edge.node)
                } else {
                    trieEdges.append([])
                    trieAtom.append(-1)
                    let child = Int32(trieEdges.count - 1)
                    trieEdges[node].append((byte, child))
                    node = Int(child)
                }
            }
            if trieAtom[node] >= 0 { return trieAtom[node] }
            let atom = newAtom()
            trieAtom[node] = atom
            return atom
        }
    }

    private mutating func newAtom() -> Int32 {
        defer { atomCount += 1 }
        return atomCount
    }

    /// Every entry that matches within `tokens`, at most once per (entry, start), in token order.
    public func matches(in tokens: ArraySlice<Token>) -> [PhraseMatch] {
        guard !tokens.isEmpty else { return [] }
        let base = tokens.startIndex
        // Atoms per token, flattened.
        var atoms: [Int32] = []
        atoms.reserveCapacity(tokens.count * 2)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(tokens.count + 1)
        for token in tokens {
            if let atom = exactAtoms[token.text] { atoms.append(atom) }
            var node = 0
            for byte in token.text.utf8 {
                guard let edge = trieEdges[node].first(where: { $0.byte == byte }) else { break }
                node = Int(edge.node)
                if trieAtom[node] >= 0 { atoms.append(trieAtom[node]) }
            }
            offsets.append(Int32(atoms.count))
        }

        func has(_ atom: Int32, at position: Int) -> Bool {
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            while index < end {
                if atoms[index] == atom { return true }
                index += 1
            }
            return false
        }

        /// The position after alternative `alt` when it matches from `position`, else nil.
        func matchAlternative(_ alt: Int, at position: Int, skipFirst: Bool) -> Int? {
            let start = Int(altTermStart[alt])
            let count = Int(altTermCount[alt])
            guard position + count <= tokens.count else { return nil }
            for offset in (skipFirst ? 1 : 0) ..< count where !has(termAtoms[start + offset], at: position + offset) { return nil }
            return position + count
        }

        // Depth-first over gaps and alternatives: the first complete reading wins.
        func follow(_ entry: Int, element: Int, from position: Int) -> Int? {
            if element == Int(entryElementCount[entry]) { return position }
            let elementIndex = Int(entryElementStart[entry]) + element
            let gap = Int(elementGap[elementIndex])
            let altStart = Int(elementAltStart[elementIndex])
            let altCount = Int(elementAltCount[elementIndex])
            var candidate = position
            let last = min(position + gap, tokens.count - 1)
            while candidate <= last {
                for alt in altStart ..< altStart + altCount {
                    if let next = matchAlternative(alt, at: candidate, skipFirst: false), let end = follow(entry, element: element + 1, from: next) {
                        return end
                    }
                }
                candidate += 1
            }
            return nil
        }

        var found: [PhraseMatch] = []
        var lastEntryAt: [Int32: Int] = [:]
        for position in 0 ..< tokens.count {
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            while index < end {
                let atom = Int(atoms[index])
                index += 1
                guard atom < anchors.count else { continue }
                for anchor in anchors[atom] {
                    // One match per entry and start, however many alternatives could begin there.
                    if lastEntryAt[anchor.entry] == position { continue }
                    guard let afterFirst = matchAlternative(Int(anchor.alternative), at: position, skipFirst: true),
                          let matchEnd = follow(Int(anchor.entry), element: 1, from: afterFirst) else { continue }
                    lastEntryAt[anchor.entry] = position
                    found.append(PhraseMatch(entry: Int(anchor.entry), start: base + position, end: base + matchEnd))
                }
            }
        }
        return found
    }
}
