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
    /// For elements with many alternatives: first atom → the alternatives starting with it, so a
    /// candidate token is checked against its own atoms instead of every alternative.
    private var elementAltsByFirstAtom: [Int32: [Int32: [Int32]]] = [:]
    private var altTermStart: [Int32] = []
    private var altTermCount: [UInt8] = []
    private var termAtoms: [Int32] = []
    /// What each entry stands for, opaque to the automaton (rule, exclusion or place index).
    public private(set) var entryPayload: [Int32] = []
    /// Entries that only start on a capitalised token (names of places): most anchors are skipped cheaply.
    private var entryNeedsCapital: [Bool] = []
    /// For each atom: the (entry, alternative) pairs whose first element may start with it.
    private var anchors: [[(entry: Int32, alternative: Int32)]] = []

    // The same tables flattened by `freeze()` for scanning: no nested arrays to retain per token.
    private var isFrozen = false
    private var flatEdgeStart: [Int32] = []
    private var flatEdgeCount: [UInt16] = []
    private var flatEdgeBytes: [UInt8] = []
    private var flatEdgeTargets: [Int32] = []
    private var rootEdges = [Int32](repeating: -1, count: 256)
    /// The exact-word atom ending at a trie node (or -1): exact words share the prefix trie, so a
    /// token's atoms come from one walk over its bytes, with no string hashing.
    private var trieExact: [Int32] = []
    private var anchorStart: [Int32] = []
    private var anchorCount: [Int32] = []
    private var anchorEntries: [Int32] = []
    private var anchorAlternatives: [Int32] = []
    private var mapStart: [Int32] = []
    private var mapCount: [Int32] = []
    private var mapAtoms: [Int32] = []
    private var mapAlternatives: [Int32] = []

    public init() {}

    /// Steps one anchored reading may take before it is given up (real rules need a few dozen).
    static let followBudget = 20_000

    public var entryCount: Int { entryPayload.count }

    /// Adds `pattern` as one entry carrying `payload`. Alternatives are not multiplied out, so a
    /// pattern with many alternatives costs its size, not the product of its choices.
    public mutating func add(_ pattern: Pattern, payload: Int32) {
        guard !pattern.elements.isEmpty else { return }
        isFrozen = false
        let entry = Int32(entryPayload.count)
        entryPayload.append(payload)
        entryNeedsCapital.append(false)
        entryElementStart.append(Int32(elementGap.count))
        entryElementCount.append(UInt8(min(pattern.elements.count, 255)))
        for (elementIndex, element) in pattern.elements.prefix(255).enumerated() {
            elementGap.append(UInt8(element.maxGapBefore))
            elementAltStart.append(Int32(altTermCount.count))
            elementAltCount.append(UInt16(min(element.alternatives.count, Int(UInt16.max))))
            let elementIndex32 = Int32(elementGap.count - 1)
            var byFirst: [Int32: [Int32]] = [:]
            for alternative in element.alternatives {
                let altIndex = Int32(altTermCount.count)
                altTermStart.append(Int32(termAtoms.count))
                altTermCount.append(UInt8(min(alternative.count, 255)))
                for term in alternative.prefix(255) { termAtoms.append(atom(for: term)) }
                byFirst[termAtoms[Int(altTermStart[Int(altIndex)])], default: []].append(altIndex)
                if elementIndex == 0, let first = alternative.first {
                    let atom = Int(atom(for: first))
                    while anchors.count <= atom { anchors.append([]) }
                    anchors[atom].append((entry, altIndex))
                }
            }
            if element.alternatives.count > 3 { elementAltsByFirstAtom[elementIndex32] = byFirst }
        }
    }

    /// Adds one run of adjacent words (a place name); with `capitalized`, it only matches where
    /// its first word is capitalised in the text.
    public mutating func add(phrase words: [String], payload: Int32, capitalized: Bool = false) {
        guard !words.isEmpty else { return }
        add(Pattern(elements: words.map { PatternElement(alternatives: [[.exact($0)]], maxGapBefore: 0) }), payload: payload)
        entryNeedsCapital[entryNeedsCapital.count - 1] = capitalized
    }

    /// Flattens the tables for scanning; call once after the last `add`.
    public mutating func freeze() {
        for (word, atom) in exactAtoms {
            let node = trieNode(for: word)
            while trieExact.count < trieEdges.count { trieExact.append(-1) }
            trieExact[node] = atom
        }
        while trieExact.count < trieEdges.count { trieExact.append(-1) }
        flatEdgeStart = []; flatEdgeCount = []; flatEdgeBytes = []; flatEdgeTargets = []
        for edges in trieEdges {
            flatEdgeStart.append(Int32(flatEdgeBytes.count))
            flatEdgeCount.append(UInt16(edges.count))
            for edge in edges { flatEdgeBytes.append(edge.byte); flatEdgeTargets.append(edge.node) }
        }
        rootEdges = [Int32](repeating: -1, count: 256)
        for edge in trieEdges[0] { rootEdges[Int(edge.byte)] = edge.node }
        anchorStart = []; anchorCount = []; anchorEntries = []; anchorAlternatives = []
        for list in anchors {
            anchorStart.append(Int32(anchorEntries.count))
            anchorCount.append(Int32(list.count))
            for anchor in list { anchorEntries.append(anchor.entry); anchorAlternatives.append(anchor.alternative) }
        }
        mapStart = [Int32](repeating: -1, count: elementGap.count)
        mapCount = [Int32](repeating: 0, count: elementGap.count)
        mapAtoms = []; mapAlternatives = []
        for (element, byFirst) in elementAltsByFirstAtom {
            mapStart[Int(element)] = Int32(mapAtoms.count)
            var count: Int32 = 0
            for (atom, alternatives) in byFirst.sorted(by: { $0.key < $1.key }) {
                for alternative in alternatives { mapAtoms.append(atom); mapAlternatives.append(alternative); count += 1 }
            }
            mapCount[Int(element)] = count
        }
        isFrozen = true
    }

    /// The trie node at the end of `word`'s bytes, created as needed.
    private mutating func trieNode(for word: String) -> Int {
        var node = 0
        for byte in word.utf8 {
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
        return node
    }

    private mutating func atom(for term: PatternTerm) -> Int32 {
        switch term {
        case let .exact(word):
            if let atom = exactAtoms[word] { return atom }
            let atom = newAtom()
            exactAtoms[word] = atom
            return atom
        case let .prefix(stem):
            let node = trieNode(for: stem)
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
        precondition(isFrozen, "PhraseAutomaton.freeze() must be called after the last add")
        guard !tokens.isEmpty else { return [] }
        let base = tokens.startIndex
        // Atoms per token, flattened.
        var atoms: [Int32] = []
        atoms.reserveCapacity(tokens.count * 2)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(tokens.count + 1)
        for token in tokens {
            var node = -1
            var complete = true
            for byte in token.text.utf8 {
                if node < 0 {
                    node = Int(rootEdges[Int(byte)])
                    if node < 0 { complete = false; break }
                } else {
                    let start = Int(flatEdgeStart[node])
                    var next = -1
                    for edge in start ..< start + Int(flatEdgeCount[node]) where flatEdgeBytes[edge] == byte { next = Int(flatEdgeTargets[edge]); break }
                    if next < 0 { complete = false; break }
                    node = next
                }
                if trieAtom[node] >= 0 { atoms.append(trieAtom[node]) }
            }
            if complete, node >= 0, trieExact[node] >= 0 { atoms.append(trieExact[node]) }
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
        // Backtracking over gaps is bounded: a hostile rule such as "a ~8 a ~8 a …" on a text of
        // "a a a …" would otherwise take exponential time. Past the budget the reading fails.
        var budget = 0
        func follow(_ entry: Int, element: Int, from position: Int) -> Int? {
            budget -= 1
            if budget < 0 { return nil }
            if element == Int(entryElementCount[entry]) { return position }
            let elementIndex = Int(entryElementStart[entry]) + element
            let gap = Int(elementGap[elementIndex])
            let altStart = Int(elementAltStart[elementIndex])
            let altCount = Int(elementAltCount[elementIndex])
            var candidate = position
            let last = min(position + gap, tokens.count - 1)
            let mapFrom = Int(mapStart[elementIndex])
            let mapEnd = mapFrom + Int(mapCount[elementIndex])
            while candidate <= last {
                if mapFrom >= 0 {
                    var atomIndex = Int(offsets[candidate])
                    let atomEnd = Int(offsets[candidate + 1])
                    while atomIndex < atomEnd {
                        let atom = atoms[atomIndex]
                        // Binary search for the first alternative starting with this atom.
                        var low = mapFrom, high = mapEnd
                        while low < high {
                            let mid = (low + high) / 2
                            if mapAtoms[mid] < atom { low = mid + 1 } else { high = mid }
                        }
                        while low < mapEnd && mapAtoms[low] == atom {
                            if let next = matchAlternative(Int(mapAlternatives[low]), at: candidate, skipFirst: true), let end = follow(entry, element: element + 1, from: next) {
                                return end
                            }
                            low += 1
                        }
                        atomIndex += 1
                    }
                } else {
                    for alt in altStart ..< altStart + altCount {
                        if let next = matchAlternative(alt, at: candidate, skipFirst: false), let end = follow(entry, element: element + 1, from: next) {
                            return end
                        }
                    }
                }
                candidate += 1
            }
            return nil
        }

        var found: [PhraseMatch] = []
        var matchedHere: [Int32] = []
        for position in 0 ..< tokens.count {
            matchedHere.removeAll(keepingCapacity: true)
            let isCapitalized = tokens[base + position].isCapitalized
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            while index < end {
                let atom = Int(atoms[index])
                index += 1
                guard atom < anchorStart.count else { continue }
                let first = Int(anchorStart[atom])
                for slot in first ..< first + Int(anchorCount[atom]) {
                    let anchor = (entry: anchorEntries[slot], alternative: anchorAlternatives[slot])
                    if !isCapitalized && entryNeedsCapital[Int(anchor.entry)] { continue }
                    // One match per entry and start, however many alternatives could begin there.
                    if matchedHere.contains(anchor.entry) { continue }
                    budget = Self.followBudget
                    guard let afterFirst = matchAlternative(Int(anchor.alternative), at: position, skipFirst: true),
                          let matchEnd = follow(Int(anchor.entry), element: 1, from: afterFirst) else { continue }
                    matchedHere.append(anchor.entry)
                    found.append(PhraseMatch(entry: Int(anchor.entry), start: base + position, end: base + matchEnd))
                }
            }
        }
        return found
    }
}
