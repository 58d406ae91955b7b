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

    /// Word classes of exact words (negators, speech verbs…), bits the caller defines.
    private var wordClasses: [String: UInt16] = [:]

    // The same tables flattened by `freeze()` for scanning: no nested arrays to retain per token.
    private var isFrozen = false
    private var trie = FrozenTrie()
    private var frozen = FrozenEntries()

    public init() {}

    /// Steps one anchored reading may take before it is given up (real rules need a few dozen).
    static let followBudget = 20_000

    public var entryCount: Int { entryPayload.count }

    /// Adds `pattern` as one entry per sequence (one per order of its frame's parts), each carrying
    /// `payload`. Alternatives are not multiplied out, so a pattern with many alternatives costs
    /// its size, not the product of its choices.
    public mutating func add(_ pattern: Pattern, payload: Int32) {
        for sequence in pattern.sequences { add(sequence, payload: payload) }
    }

    private mutating func add(_ elements: [PatternElement], payload: Int32) {
        guard !elements.isEmpty else { return }
        isFrozen = false
        let entry = Int32(entryPayload.count)
        entryPayload.append(payload)
        entryNeedsCapital.append(false)
        entryElementStart.append(Int32(elementGap.count))
        entryElementCount.append(UInt8(min(elements.count, 255)))
        for (elementIndex, element) in elements.prefix(255).enumerated() {
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
        for word in Array(wordClasses.keys) + Array(exactAtoms.keys) { _ = trieNode(for: word) }
        var exact = [Int32](repeating: -1, count: trieEdges.count)
        for (word, atom) in exactAtoms { exact[trieNode(for: word)] = atom }
        var classes = [UInt16](repeating: 0, count: trieEdges.count)
        for (word, bits) in wordClasses { classes[trieNode(for: word)] |= bits }
        trie = FrozenTrie(edges: trieEdges, prefixAtoms: trieAtom, exactAtoms: exact, classes: classes)
        // What a sentence must contain for an entry to match there: for each element after the
        // first, the first atom of one of its alternatives. Checked against the atoms a sentence
        // has before an anchored entry is followed, it turns most failing follow-ups into a few bit tests.
        // A group is kept as masks over the sentence's bitset of atoms, one per 64 atoms it spans:
        // the words of a vocabulary class were numbered together, so a class of fifty words is
        // usually one or two tests rather than fifty.
        var entries: [EntryShape] = [], groups: [RequirementGroup] = [], requiredWords: [RequiredWord] = []
        // An atom the entry cannot match without (an element of one word), or -1.
        var necessaryAtom: [Int32] = []
        for entry in entryElementStart.indices {
            let firstElement = Int(entryElementStart[entry]), elementCount = Int(entryElementCount[entry])
            let groupStart = Int32(groups.count)
            var atomGroups: [[Int32]] = []
            for element in firstElement + 1 ..< firstElement + max(elementCount, 1) {
                let alternatives = Int(elementAltStart[element]) ..< Int(elementAltStart[element]) + Int(elementAltCount[element])
                guard alternatives.allSatisfy({ altTermCount[$0] > 0 }) else { continue }
                atomGroups.append(Set(alternatives.map { termAtoms[Int(altTermStart[$0])] }).sorted())
            }
            // Smallest groups first: they fail soonest, and cost least to test.
            for atoms in atomGroups.sorted(by: { $0.count < $1.count }) {
                if atoms.count == 1, necessaryAtom.count == entry { necessaryAtom.append(atoms[0]) }
                let start = requiredWords.count
                for atom in atoms {  // ascending, so one word's atoms are side by side
                    let word = atom >> 6, bit = UInt64(1) << UInt64(atom & 63)
                    if requiredWords.count > start, requiredWords[requiredWords.count - 1].index == word {
                        requiredWords[requiredWords.count - 1].mask |= bit
                    } else {
                        requiredWords.append(RequiredWord(index: word, mask: bit))
                    }
                }
                groups.append(RequirementGroup(start: Int32(start), count: Int32(requiredWords.count - start)))
            }
            if necessaryAtom.count == entry { necessaryAtom.append(-1) }
            entries.append(EntryShape(elementStart: entryElementStart[entry], elementCount: Int32(elementCount),
                                      requirementStart: groupStart, requirementCount: Int32(groups.count) - groupStart))
        }
        // Per atom, the entries it may start: any-case ones first, then those that only start on a
        // capitalised token (names of places), so a lower-case token never looks at those. Each
        // group keeps the order entries were added in, so matches keep their order.
        //
        // A common word ("in", "is", "rights") starts many entries: rather than looking at each,
        // an atom's slots are grouped by the atom they need (the anchored alternative's second
        // word, or else a one-word element of the entry), so a group whose atom the sentence lacks
        // is passed over at once.
        var atomAnchors: [AtomAnchors] = [], slots: [AnchorSlot] = [], gates: [AnchorGate] = [], gateSlots: [Int32] = []
        var mostSlots = 0
        for list in anchors {
            let anyCase = list.filter { !entryNeedsCapital[Int($0.entry)] }
            let capitalOnly = list.filter { entryNeedsCapital[Int($0.entry)] }
            let first = slots.count, firstGate = gates.count
            var slotsByNeed: [Int32: [Int32]] = [:], needs: [Int32] = []
            for anchor in anyCase + capitalOnly {
                let alternative = Int(anchor.alternative)
                let necessary = altTermCount[alternative] > 1 ? termAtoms[Int(altTermStart[alternative]) + 1] : necessaryAtom[Int(anchor.entry)]
                if slotsByNeed[necessary] == nil { needs.append(necessary) }
                slotsByNeed[necessary, default: []].append(Int32(slots.count))
                slots.append(AnchorSlot(entry: anchor.entry, alternative: anchor.alternative))
            }
            for need in needs {
                let members = slotsByNeed[need]!
                gates.append(AnchorGate(atom: need, slotStart: Int32(gateSlots.count), slotCount: Int32(members.count)))
                gateSlots += members
            }
            mostSlots = max(mostSlots, list.count)
            atomAnchors.append(AtomAnchors(slotEnd: Int32(slots.count), anyCaseEnd: Int32(first + anyCase.count),
                                           gateStart: Int32(firstGate), gateCount: Int32(gates.count - firstGate)))
        }
        var mapStart = [Int32](repeating: -1, count: elementGap.count)
        var mapCount = [Int32](repeating: 0, count: elementGap.count)
        var mapAtoms: [Int32] = [], mapAlternatives: [Int32] = []
        for (element, byFirst) in elementAltsByFirstAtom {
            mapStart[Int(element)] = Int32(mapAtoms.count)
            var count: Int32 = 0
            for (atom, alternatives) in byFirst.sorted(by: { $0.key < $1.key }) {
                for alternative in alternatives { mapAtoms.append(atom); mapAlternatives.append(alternative); count += 1 }
            }
            mapCount[Int(element)] = count
        }
        frozen = FrozenEntries(
            atoms: atomAnchors, slots: slots, gates: gates, gateSlots: gateSlots, mostSlotsPerAtom: mostSlots,
            entries: entries, requirements: groups, requiredWords: requiredWords, atomCount: Int(atomCount),
            elements: elementGap.indices.map {
                ElementShape(altStart: elementAltStart[$0], altCount: Int32(elementAltCount[$0]), gap: Int32(elementGap[$0]),
                             mapStart: mapStart[$0], mapCount: mapCount[$0])
            },
            alternatives: altTermStart.indices.map { AlternativeShape(termStart: altTermStart[$0], termCount: Int32(altTermCount[$0])) },
            termAtoms: termAtoms, mapAtoms: mapAtoms, mapAlternatives: mapAlternatives)
        isFrozen = true
    }

    /// Gives the exact word `word` the class bits `bits` (ORed with any it has): a token of that
    /// word gets them in `Token.classes` when the text is read with `atomCollector()`.
    public mutating func addWordClass(_ word: String, _ bits: UInt16) {
        guard !word.isEmpty else { return }
        isFrozen = false
        wordClasses[word, default: 0] |= bits
    }

    /// A visitor for `TextScanner` that notes each token's atoms and word classes as it is read.
    public func atomCollector(cache: WordCache? = nil, expectedTokens: Int = 0) -> AtomCollector {
        precondition(isFrozen, "PhraseAutomaton.freeze() must be called after the last add")
        cache?.use(for: trie)
        return AtomCollector(trie: trie, cache: cache, expectedTokens: expectedTokens)
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

    /// Every match in `text` read as one sentence, with the text as read (for tests and tools).
    public func matches(in text: String) -> (text: ScannedText, matches: [PhraseMatch]) {
        var collector = atomCollector()
        let scanned = TextScanner.scan(text, visitor: &collector)
        var found: [PhraseMatch] = []
        var scratch = MatchScratch()
        matches(collector.atoms, tokens: scanned.tokens, range: 0 ..< scanned.tokens.count, into: &found, scratch: &scratch)
        return (scanned, found)
    }

    /// Every entry that matches within tokens `range` of a text read with `atomCollector()`, at
    /// most once per (entry, start), in token order, appended to `found`. `scratch` is the scan's
    /// working space, which the caller keeps from sentence to sentence.
    public func matches(_ atoms: TokenAtoms, tokens: [Token], range: Range<Int>, into found: inout [PhraseMatch], scratch: inout MatchScratch) {
        precondition(isFrozen, "PhraseAutomaton.freeze() must be called after the last add")
        guard !range.isEmpty else { return }
        let limit = range.upperBound
        let tables = frozen
        let atomAnchors = tables.atoms, slots = tables.slots, entryShapes = tables.entries, elementShapes = tables.elements
        let alternatives = tables.alternatives, termAtoms = tables.termAtoms, mapAtoms = tables.mapAtoms, mapAlternatives = tables.mapAlternatives
        let requirements = tables.requirements, requiredWords = tables.requiredWords
        let gates = tables.gates, gateSlots = tables.gateSlots
        scratch.reserve(atomWords: (tables.atomCount + 63) / 64, candidates: tables.mostSlotsPerAtom)
        atoms.atoms.withUnsafeBufferPointer { atomList in
        atoms.offsets.withUnsafeBufferPointer { offsets in
        // The slots of one token's atom whose needed atom the sentence has, in slot order.
        scratch.candidates.withUnsafeMutableBufferPointer { candidates in
        // The atoms this sentence has, one bit each: clear on entry, and cleared again on the way out.
        scratch.present.withUnsafeMutableBufferPointer { present in
        let sentenceAtoms = Int(offsets[range.lowerBound]) ..< Int(offsets[limit])
        for index in sentenceAtoms {
            let atom = Int(atomList[index])
            present[atom >> 6] |= 1 << UInt64(atom & 63)
        }
        defer { for index in sentenceAtoms { present[Int(atomList[index]) >> 6] = 0 } }

        @inline(__always)
        func isPresent(_ atom: Int32) -> Bool {
            let atom = Int(atom)
            return present[atom >> 6] & (1 << UInt64(atom & 63)) != 0
        }

        /// Whether every element after the first has an alternative whose first atom is in the sentence.
        func mayMatch(_ shape: EntryShape) -> Bool {
            var group = Int(shape.requirementStart)
            let groupEnd = group + Int(shape.requirementCount)
            while group < groupEnd {
                let requirement = requirements[group]
                var index = Int(requirement.start)
                let end = index + Int(requirement.count)
                var found = false
                while index < end {
                    let required = requiredWords[index]
                    if present[Int(required.index)] & required.mask != 0 { found = true; break }
                    index += 1
                }
                if !found { return false }
                group += 1
            }
            return true
        }

        func has(_ atom: Int32, at position: Int) -> Bool {
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            while index < end {
                if atomList[index] == atom { return true }
                index += 1
            }
            return false
        }

        /// The position after alternative `alt` when it matches from `position`, else nil.
        func matchAlternative(_ alt: Int, at position: Int, skipFirst: Bool) -> Int? {
            let shape = alternatives[alt]
            let start = Int(shape.termStart)
            let count = Int(shape.termCount)
            guard position + count <= limit else { return nil }
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
            let entryShape = entryShapes[entry]
            if element == Int(entryShape.elementCount) { return position }
            let shape = elementShapes[Int(entryShape.elementStart) + element]
            let altStart = Int(shape.altStart)
            let altCount = Int(shape.altCount)
            var candidate = position
            let last = min(position + Int(shape.gap), limit - 1)
            let mapFrom = Int(shape.mapStart)
            let mapEnd = mapFrom + Int(shape.mapCount)
            while candidate <= last {
                if mapFrom >= 0 {
                    var atomIndex = Int(offsets[candidate])
                    let atomEnd = Int(offsets[candidate + 1])
                    while atomIndex < atomEnd {
                        let atom = atomList[atomIndex]
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

        for position in range {
            let isCapitalized = tokens[position].isCapitalized
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            let foundHere = found.count
            while index < end {
                let atom = Int(atomList[index])
                index += 1
                guard atom < atomAnchors.count else { continue }
                let anchors = atomAnchors[atom]
                let slotEnd = isCapitalized ? anchors.slotEnd : anchors.anyCaseEnd
                var candidateCount = 0, gatesOpen = 0
                for gate in gates[Int(anchors.gateStart) ..< Int(anchors.gateStart + anchors.gateCount)] {
                    if gate.atom >= 0 && !isPresent(gate.atom) { continue }
                    let before = candidateCount
                    for slot in gateSlots[Int(gate.slotStart) ..< Int(gate.slotStart + gate.slotCount)] {
                        if slot >= slotEnd { break }
                        candidates[candidateCount] = slot
                        candidateCount += 1
                    }
                    if candidateCount > before { gatesOpen += 1 }
                }
                // Slot order is the order entries were added in: matches keep it. Candidates are
                // few, and each gate's are in order: an insertion sort, with nothing to allocate.
                if gatesOpen > 1 {
                    for sorted in 1 ..< candidateCount {
                        let slot = candidates[sorted]
                        var place = sorted
                        while place > 0 && candidates[place - 1] > slot {
                            candidates[place] = candidates[place - 1]
                            place -= 1
                        }
                        candidates[place] = slot
                    }
                }
                for slot in candidates[..<candidateCount] {
                    let anchor = slots[Int(slot)]
                    let entry = anchor.entry
                    guard mayMatch(entryShapes[Int(entry)]) else { continue }
                    // One match per entry and start, however many alternatives could begin there.
                    if found[foundHere...].contains(where: { $0.entry == Int(entry) }) { continue }
                    budget = Self.followBudget
                    guard let afterFirst = matchAlternative(Int(anchor.alternative), at: position, skipFirst: true),
                          let matchEnd = follow(Int(entry), element: 1, from: afterFirst) else { continue }
                    found.append(PhraseMatch(entry: Int(entry), start: position, end: matchEnd))
                }
            }
        }
        }
        }
        }
        }
    }
}

/// The working space of `PhraseAutomaton.matches`, kept by its caller so that scanning a
/// sentence allocates nothing (a bitset over all atoms of a large rule set is too big for the stack).
public struct MatchScratch {
    /// One bit per atom, all clear between scans.
    fileprivate var present: [UInt64] = []
    /// One token's candidate anchor slots.
    fileprivate var candidates: [Int32] = []

    public init() {}

    fileprivate mutating func reserve(atomWords: Int, candidates count: Int) {
        if present.count < atomWords { present = [UInt64](repeating: 0, count: atomWords) }
        if candidates.count < count { candidates = [Int32](repeating: 0, count: count) }
    }
}

/// The atoms each token of a text satisfies, noted while the text was read.
public struct TokenAtoms: Sendable {
    var atoms: [Int32] = []
    /// Token `i`'s atoms are `atoms[offsets[i] ..< offsets[i + 1]]`.
    var offsets: [Int32] = [0]
}

/// Walks the rules' trie over each token's bytes while `TextScanner` reads the text.
public struct AtomCollector: TokenVisitor {
    let trie: FrozenTrie
    /// Keeps `cacheEntries` alive.
    private let cache: WordCache?
    private let cacheEntries: UnsafeMutablePointer<WordCache.Entry>?
    private var atomList: AppendBuffer<Int32>
    private var offsets: AppendBuffer<Int32>

    init(trie: FrozenTrie, cache: WordCache?, expectedTokens: Int) {
        self.trie = trie
        self.cache = cache
        cacheEntries = cache?.entries
        atomList = AppendBuffer(capacity: expectedTokens * 2)
        offsets = AppendBuffer(capacity: expectedTokens + 1)
        offsets.append(0)
    }

    /// The atoms collected, once the text has been read.
    public var atoms: TokenAtoms { TokenAtoms(atoms: atomList.array(), offsets: offsets.array()) }

    @inline(__always)
    public mutating func visit(_ folded: UnsafeBufferPointer<UInt8>, inline: (UInt64, UInt64)?) -> UInt16 {
        guard let cacheEntries, let (key0, key1) = inline else { return walk(folded) }
        // Most words of a text are a few hundred common ones: their atoms are remembered.
        let slot = WordCache.slot(key0, key1, UInt8(folded.count))
        let entry = cacheEntries[slot]
        if entry.length == UInt8(folded.count), entry.key0 == key0, entry.key1 == key1 {
            if entry.count > 0 { atomList.append(entry.atom0) }
            if entry.count > 1 { atomList.append(entry.atom1) }
            if entry.count > 2 { atomList.append(entry.atom2) }
            offsets.append(Int32(atomList.count))
            return entry.classes
        }
        let first = atomList.count
        let classes = walk(folded)
        let found = atomList.count - first
        if found <= 3 {
            cacheEntries[slot] = WordCache.Entry(
                key0: key0, key1: key1,
                atom0: found > 0 ? atomList[first] : -1, atom1: found > 1 ? atomList[first + 1] : -1, atom2: found > 2 ? atomList[first + 2] : -1,
                classes: classes, length: UInt8(folded.count), count: UInt8(found))
        }
        return classes
    }

    @inline(__always)
    mutating func walk(_ folded: UnsafeBufferPointer<UInt8>) -> UInt16 {
        var node = -1
        var complete = true
        for byte in folded {
            node = node < 0 ? Int(trie.root[Int(byte)]) : trie.child(of: node, byte)
            if node < 0 { complete = false; break }
            let prefix = trie.prefixAtoms[node]
            if prefix >= 0 { atomList.append(prefix) }
        }
        var classes: UInt16 = 0
        if complete, node >= 0 {
            let exact = trie.exactAtoms[node]
            if exact >= 0 { atomList.append(exact) }
            classes = trie.classes[node]
        }
        offsets.append(Int32(atomList.count))
        return classes
    }
}

/// The atoms and classes of recently seen words, for one analysis task (not shared between
/// tasks): a direct-mapped table keyed by the word's bytes, words of up to 16 bytes.
public final class WordCache {
    struct Entry {
        var key0: UInt64 = 0, key1: UInt64 = 0
        var atom0: Int32 = -1, atom1: Int32 = -1, atom2: Int32 = -1
        var classes: UInt16 = 0
        /// 0: empty.
        var length: UInt8 = 0
        var count: UInt8 = 0
    }

    static let size = 4096
    let entries: UnsafeMutablePointer<Entry>
    /// The rules the entries were computed with: a cache is only valid for one `FrozenTrie`.
    private(set) weak var trie: FrozenTrie?

    public init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(), count: Self.size)
    }

    deinit { entries.deallocate() }

    /// Empties the cache when it was filled for other rules.
    func use(for trie: FrozenTrie) {
        guard self.trie !== trie else { return }
        entries.update(repeating: Entry(), count: Self.size)
        self.trie = trie
    }

    @inline(__always)
    static func slot(_ key0: UInt64, _ key1: UInt64, _ length: UInt8) -> Int {
        let mixed = (key0 &* 0x9E37_79B9_7F4A_7C15) ^ (key1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & UInt64(Self.size - 1))
    }
}

/// An atom's anchor slots end at `slotEnd` (those before `anyCaseEnd` also start on a token in
/// lower case); its gates are `gateStart ..< gateStart + gateCount` of `FrozenEntries.gates`.
struct AtomAnchors { var slotEnd: Int32, anyCaseEnd: Int32, gateStart: Int32, gateCount: Int32 }
struct AnchorSlot { var entry: Int32, alternative: Int32 }
/// Slots of one atom that need `atom` elsewhere in the sentence (-1: none), ascending:
/// `FrozenEntries.gateSlots[slotStart ..< slotStart + slotCount]`.
struct AnchorGate { var atom: Int32, slotStart: Int32, slotCount: Int32 }
struct EntryShape { var elementStart: Int32, elementCount: Int32, requirementStart: Int32, requirementCount: Int32 }
/// Words `start ..< start + count` of `FrozenEntries.requiredWords`: a sentence must have one of their atoms.
struct RequirementGroup { var start: Int32, count: Int32 }
/// Atoms `64 * index + b` for each bit b set in `mask`.
struct RequiredWord { var index: Int32, mask: UInt64 }
struct ElementShape { var altStart: Int32, altCount: Int32, gap: Int32, mapStart: Int32, mapCount: Int32 }
struct AlternativeShape { var termStart: Int32, termCount: Int32 }

/// A flat copy of `array` that the frozen tables own (and free in their `deinit`).
private func frozenCopy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = buffer.initialize(from: array)
    return buffer
}

/// The entries of `PhraseAutomaton` as the scan reads them: what one lookup needs side by side
/// (an atom's anchors, an element's gap and alternatives), in flat immutable memory shared by
/// every analysis task.
final class FrozenEntries: @unchecked Sendable {
    let atoms: UnsafeMutableBufferPointer<AtomAnchors>
    let slots: UnsafeMutableBufferPointer<AnchorSlot>
    let gates: UnsafeMutableBufferPointer<AnchorGate>
    let gateSlots: UnsafeMutableBufferPointer<Int32>
    /// The most slots one atom has: room enough for one token's candidates.
    let mostSlotsPerAtom: Int
    let entries: UnsafeMutableBufferPointer<EntryShape>
    let elements: UnsafeMutableBufferPointer<ElementShape>
    let alternatives: UnsafeMutableBufferPointer<AlternativeShape>
    let termAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAlternatives: UnsafeMutableBufferPointer<Int32>
    let requirements: UnsafeMutableBufferPointer<RequirementGroup>
    let requiredWords: UnsafeMutableBufferPointer<RequiredWord>
    /// Atoms are numbered 0 ..< atomCount.
    let atomCount: Int

    convenience init() {
        self.init(atoms: [], slots: [], gates: [], gateSlots: [], mostSlotsPerAtom: 0, entries: [], requirements: [], requiredWords: [], atomCount: 0, elements: [], alternatives: [],
                  termAtoms: [], mapAtoms: [], mapAlternatives: [])
    }

    init(atoms: [AtomAnchors], slots: [AnchorSlot], gates: [AnchorGate], gateSlots: [Int32], mostSlotsPerAtom: Int, entries: [EntryShape], requirements: [RequirementGroup], requiredWords: [RequiredWord], atomCount: Int,
         elements: [ElementShape], alternatives: [AlternativeShape], termAtoms: [Int32], mapAtoms: [Int32], mapAlternatives: [Int32]) {
        self.atoms = frozenCopy(atoms)
        self.slots = frozenCopy(slots)
        self.gates = frozenCopy(gates)
        self.gateSlots = frozenCopy(gateSlots)
        self.mostSlotsPerAtom = mostSlotsPerAtom
        self.entries = frozenCopy(entries)
        self.requirements = frozenCopy(requirements)
        self.requiredWords = frozenCopy(requiredWords)
        self.atomCount = atomCount
        self.elements = frozenCopy(elements)
        self.alternatives = frozenCopy(alternatives)
        self.termAtoms = frozenCopy(termAtoms)
        self.mapAtoms = frozenCopy(mapAtoms)
        self.mapAlternatives = frozenCopy(mapAlternatives)
    }

    deinit {
        atoms.deallocate()
        slots.deallocate()
        gates.deallocate()
        gateSlots.deallocate()
        entries.deallocate()
        elements.deallocate()
        alternatives.deallocate()
        termAtoms.deallocate()
        mapAtoms.deallocate()
        mapAlternatives.deallocate()
        requirements.deallocate()
        requiredWords.deallocate()
    }
}

/// The trie of `PhraseAutomaton` in flat, immutable memory: read by every analysis task at once.
final class FrozenTrie: @unchecked Sendable {
    let root: UnsafeMutableBufferPointer<Int32>
    let edgeStart: UnsafeMutableBufferPointer<Int32>
    let edgeCount: UnsafeMutableBufferPointer<UInt16>
    let edgeBytes: UnsafeMutableBufferPointer<UInt8>
    let edgeTargets: UnsafeMutableBufferPointer<Int32>
    let prefixAtoms: UnsafeMutableBufferPointer<Int32>
    let exactAtoms: UnsafeMutableBufferPointer<Int32>
    let classes: UnsafeMutableBufferPointer<UInt16>

    convenience init() { self.init(edges: [[]], prefixAtoms: [-1], exactAtoms: [-1], classes: [0]) }

    init(edges: [[(byte: UInt8, node: Int32)]], prefixAtoms: [Int32], exactAtoms: [Int32], classes: [UInt16]) {
        var starts: [Int32] = [], counts: [UInt16] = [], bytes: [UInt8] = [], targets: [Int32] = []
        for list in edges {
            starts.append(Int32(bytes.count))
            counts.append(UInt16(list.count))
            for edge in list { bytes.append(edge.byte); targets.append(edge.node) }
        }
        var rootEdges = [Int32](repeating: -1, count: 256)
        for edge in edges[0] { rootEdges[Int(edge.byte)] = edge.node }
        root = frozenCopy(rootEdges)
        edgeStart = frozenCopy(starts)
        edgeCount = frozenCopy(counts)
        edgeBytes = frozenCopy(bytes)
        edgeTargets = frozenCopy(targets)
        self.prefixAtoms = frozenCopy(prefixAtoms)
        self.exactAtoms = frozenCopy(exactAtoms)
        self.classes = frozenCopy(classes)
    }

    deinit {
        for buffer in [root, edgeStart, edgeTargets, prefixAtoms, exactAtoms] { buffer.deallocate() }
        edgeCount.deallocate()
        edgeBytes.deallocate()
        classes.deallocate()
    }

    /// The child of `node` along `byte`, or -1.
    @inline(__always)
    func child(of node: Int, _ byte: UInt8) -> Int {
        let start = Int(edgeStart[node])
        for edge in start ..< start + Int(edgeCount[node]) where edgeBytes[edge] == byte { return Int(edgeTargets[edge]) }
        return -1
    }
}
