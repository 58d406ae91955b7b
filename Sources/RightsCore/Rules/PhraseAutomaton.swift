/// A match of one automaton entry over tokens `start ..< end`.
public struct PhraseMatch: Sendable, Equatable {
    public var entry: Int
    public var start: Int
    public var end: Int
}

/// Every pattern and place name of a rule set, compiled once into one matcher over tokens; made
/// by `PhraseAutomatonBuilder.build()`, and immutable after.
///
/// Terms are "atoms": an exact word or a prefix, both found by walking a byte trie along the
/// token as the text is read (`AtomCollector`). A sentence is scanned once: only entries whose
/// first atom occurs there are followed, with their bounded gaps. This is Aho–Corasick's idea on
/// tokens: the cost grows with the text, not with the number of rules. The tables are flat memory
/// written once, so the automaton is `Sendable` and shared by all analysis tasks.
///
/// - Complexity: O(t · (w + a)) for t tokens of length w, a the atoms a token satisfies,
///   plus the follow-up of entries anchored at each token (bounded by their gaps).
public struct PhraseAutomaton: Sendable {
    let tables: AutomatonTables
    let trie: AtomTrie

    init(tables: AutomatonTables, trie: AtomTrie) {
        self.tables = tables
        self.trie = trie
    }

    /// Steps one anchored reading may take before it is given up (real rules need a few dozen).
    static let followBudget = 20_000

    public var entryCount: Int { tables.payloads.count }

    /// What entry `entry` stands for: the payload it was added with.
    public func payload(of entry: Int) -> Int32 { tables.payloads[entry] }

    /// A visitor for `TextScanner` that notes each token's atoms and word classes as it is read.
    func atomCollector(cache: WordCache? = nil, expectedTokens: Int = 0) -> AtomCollector {
        cache?.use(for: trie)
        return AtomCollector(trie: trie, cache: cache, expectedTokens: expectedTokens)
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
    func matches(_ atoms: TokenAtoms, tokens: [Token], range: Range<Int>, into found: inout [PhraseMatch], scratch: inout MatchScratch) {
        guard !range.isEmpty else { return }
        scratch.prepare(for: tables)
        let stamp = scratch.stamp
        let tables = self.tables
        // SAFETY: every table index below was written by the builder to point inside its table,
        // and token positions stay inside `range`, which the caller takes from `tokens`, whose
        // atoms `atoms` are (`offsets` has one more element than there are tokens).
        atoms.atoms.withUnsafeBufferPointer { atomList in
        atoms.offsets.withUnsafeBufferPointer { offsets in
        tokens.withUnsafeBufferPointer { tokens in
        // SAFETY: `prepare(for:)` sized the scratch for these tables: a bit per atom and the word
        // past them that gates with no requirement test (`alwaysSetWord`), a candidate per slot of
        // the atom with most; the memo's count is a power of two, and its slots masked by it.
        scratch.candidates.withUnsafeMutableBufferPointer { candidates in
        scratch.entryMemo.withUnsafeMutableBufferPointer { entryMemo in
        let memoMask = entryMemo.count - 1
        // The atoms this sentence has, one bit each: clear on entry, and cleared again on the way out.
        scratch.present.withUnsafeMutableBufferPointer { present in
        var search = SentenceSearch(tables: tables, atomList: atomList, offsets: offsets, present: present, limit: range.upperBound)
        let sentenceAtoms = Int(offsets[range.lowerBound]) ..< Int(offsets[range.upperBound])
        for index in sentenceAtoms {
            let atom = Int(atomList[index])
            present[atom >> 6] |= 1 &<< UInt64(atom & 63)
        }
        defer { for index in sentenceAtoms { present[Int(atomList[index]) >> 6] = 0 } }

        let atomAnchors = tables.atoms, slots = tables.slots, gateTests = tables.gateTests, gateMembers = tables.gateMembers, gateSlots = tables.gateSlots
        let anchorAtoms = atomAnchors.count
        for position in range {
            let isCapitalized = tokens[position].isCapitalized
            var index = Int(offsets[position])
            let end = Int(offsets[position + 1])
            let foundHere = found.count
            while index < end {
                let atom = Int(atomList[index])
                index += 1
                guard atom < anchorAtoms else { continue }
                let anchors = atomAnchors[atom]
                let slotEnd = isCapitalized ? anchors.slotEnd : anchors.anyCaseEnd
                var candidateCount = 0, gatesOpen = 0
                var gate = Int(anchors.gateStart)
                // A token in lower case stops before the gates of slots that all need a capital.
                let gateEnd = Int(isCapitalized ? anchors.gateEnd : anchors.anyCaseGateEnd)
                while gate < gateEnd {
                    let test = gateTests[gate]
                    gate += 1
                    guard present[Int(test.word)] & test.mask != 0
                            || (test.hasMoreWords && search.satisfies(Int(gateMembers[gate - 1].group))) else { continue }
                    let members = gateMembers[gate - 1]
                    var member = Int(members.slotStart)
                    let memberEnd = member + Int(members.slotCount)
                    gatesOpen += 1
                    while member < memberEnd {
                        let slot = gateSlots[member]
                        if slot >= slotEnd { break }
                        candidates[candidateCount] = slot
                        candidateCount += 1
                        member += 1
                    }
                }
                // Slot order is the order entries were added in: matches keep it. Candidates are
                // few, and each gate's are in order: an insertion sort, with nothing to allocate.
                if gatesOpen > 1 {
                    for sorted in 1 ..< max(candidateCount, 1) {
                        let slot = candidates[sorted]
                        var place = sorted
                        while place > 0 && candidates[place - 1] > slot {
                            candidates[place] = candidates[place - 1]
                            place -= 1
                        }
                        candidates[place] = slot
                    }
                }
                var candidate = 0
                while candidate < candidateCount {
                    let anchor = slots[Int(candidates[candidate])]
                    candidate += 1
                    let entry = Int(anchor.entry)
                    // Whether an entry's requirements hold depends on the sentence only: known
                    // once for all the anchors and tokens that lead to it.
                    let memoSlot = entry & memoMask, memoKey = UInt64(entry) << 32 | UInt64(stamp)
                    let memo = entryMemo[memoSlot]
                    if memo & ~1 == memoKey {
                        if memo & 1 == 0 { continue }
                    } else {
                        let may = search.mayMatch(entry)
                        entryMemo[memoSlot] = memoKey | (may ? 1 : 0)
                        if !may { continue }
                    }
                    // One match per entry and start, however many alternatives could begin there.
                    var seen = foundHere, isDuplicate = false
                    while seen < found.count {
                        if found[seen].entry == entry { isDuplicate = true; break }
                        seen += 1
                    }
                    if isDuplicate { continue }
                    search.budget = Self.followBudget
                    guard let afterFirst = search.matchAlternative(Int(anchor.alternative), at: position, skipFirst: true),
                          let matchEnd = search.follow(entry, element: 1, from: afterFirst) else { continue }
                    found.append(PhraseMatch(entry: entry, start: position, end: matchEnd))
                }
            }
        }
        }
        }
        }
        }
        }
        }
    }
}

/// The reading of one sentence against the tables: what `PhraseAutomaton.matches` asks of an
/// entry once it is anchored.
///
/// SAFETY: it reads through buffers it does not own, so it lives only inside the
/// `withUnsafe…` calls of `matches` (whose tables object holds the table memory), and every
/// index it follows was written by the builder to point inside its table, or is a token position
/// below `limit`, which is at most the token count (`offsets` has one more element).
private struct SentenceSearch {
    // The tables this search reads, held apart from their owner so that each read is one load.
    let entries: UnsafeMutableBufferPointer<EntryShape>
    let entryGroups: UnsafeMutableBufferPointer<Int32>
    let requirements: UnsafeMutableBufferPointer<RequirementGroup>
    let requiredWords: UnsafeMutableBufferPointer<RequiredWord>
    let elements: UnsafeMutableBufferPointer<ElementShape>
    let alternatives: UnsafeMutableBufferPointer<AlternativeShape>
    let termAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAlternatives: UnsafeMutableBufferPointer<Int32>
    let atomList: UnsafeBufferPointer<Int32>
    let offsets: UnsafeBufferPointer<Int32>
    /// One bit per atom of the sentence.
    let present: UnsafeMutableBufferPointer<UInt64>
    /// The sentence's end (a token index).
    let limit: Int
    /// Steps left for the reading being followed.
    var budget = 0

    /// `tables` must outlive the search (the caller holds them).
    init(tables: AutomatonTables, atomList: UnsafeBufferPointer<Int32>, offsets: UnsafeBufferPointer<Int32>,
         present: UnsafeMutableBufferPointer<UInt64>, limit: Int) {
        entries = tables.entries
        entryGroups = tables.entryGroups
        requirements = tables.requirements
        requiredWords = tables.requiredWords
        elements = tables.elements
        alternatives = tables.alternatives
        termAtoms = tables.termAtoms
        mapAtoms = tables.mapAtoms
        mapAlternatives = tables.mapAlternatives
        self.atomList = atomList
        self.offsets = offsets
        self.present = present
        self.limit = limit
    }

    /// Whether the sentence has one of the atoms of requirement group `group`.
    @inline(__always)
    func satisfies(_ group: Int) -> Bool {
        let requirement = requirements[group]
        var index = Int(requirement.start)
        let end = index + Int(requirement.count)
        while index < end {
            let required = requiredWords[index]
            if present[Int(required.index)] & required.mask != 0 { return true }
            index += 1
        }
        return false
    }

    /// Whether the sentence has what entry `entry` needs besides its first word.
    func mayMatch(_ entry: Int) -> Bool {
        let shape = entries[entry]
        var group = Int(shape.requirementStart)
        let groupEnd = group + Int(shape.requirementCount)
        while group < groupEnd {
            if !satisfies(Int(entryGroups[group])) { return false }
            group += 1
        }
        return true
    }

    @inline(__always)
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
        var offset = skipFirst ? 1 : 0
        while offset < count {
            if !has(termAtoms[start + offset], at: position + offset) { return nil }
            offset += 1
        }
        return position + count
    }

    /// The end of the first complete reading of `entry` from `element` on at `position`, depth
    /// first over gaps and alternatives. Backtracking over gaps is bounded: a hostile rule such as
    /// "a ~8 a ~8 a …" on a text of "a a a …" would otherwise take exponential time. Past the
    /// budget the reading fails.
    mutating func follow(_ entry: Int, element: Int, from position: Int) -> Int? {
        budget -= 1
        if budget < 0 { return nil }
        let entryShape = entries[entry]
        if element == Int(entryShape.elementCount) { return position }
        let shape = elements[Int(entryShape.elementStart) + element]
        let altStart = Int(shape.altStart)
        let altCount = Int(shape.altCount)
        var candidate = position
        let last = min(position + Int(shape.gap), limit - 1)
        let mapFrom = Int(shape.mapStart)
        let mapEnd = mapFrom + Int(shape.mapCount)
        // The map is sorted by atom: most of a token's atoms fall outside it, and are passed over
        // without a search.
        let hasMap = mapFrom >= 0 && mapEnd > mapFrom
        let lowest = hasMap ? mapAtoms[mapFrom] : 1, highest = hasMap ? mapAtoms[mapEnd - 1] : 0
        while candidate <= last {
            if mapFrom >= 0 {
                var atomIndex = Int(offsets[candidate])
                let atomEnd = Int(offsets[candidate + 1])
                while atomIndex < atomEnd {
                    let atom = atomList[atomIndex]
                    if atom < lowest || atom > highest {
                        atomIndex += 1
                        continue
                    }
                    // Binary search for the first alternative starting with this atom.
                    var low = mapFrom, high = mapEnd
                    while low < high {
                        let mid = (low + high) / 2
                        if mapAtoms[mid] < atom { low = mid + 1 } else { high = mid }
                    }
                    while low < mapEnd && mapAtoms[low] == atom {
                        if let next = matchAlternative(Int(mapAlternatives[low]), at: candidate, skipFirst: true),
                           let end = follow(entry, element: element + 1, from: next) {
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
}

/// The working space of `PhraseAutomaton.matches`, kept by its caller so that scanning a
/// sentence allocates nothing (a bitset over all atoms of a large rule set is too big for the stack).
public struct MatchScratch {
    /// One bit per atom, all clear between scans.
    fileprivate var present: [UInt64] = []
    /// One token's candidate anchor slots.
    fileprivate var candidates: [Int32] = []
    /// Whether the current sentence has what an entry needs, for the entries looked at lately:
    /// `entry << 32 | stamp | 1` yes, `entry << 32 | stamp` no, at slot `entry % count`. A few
    /// dozen entries are looked at in a sentence, so a small table, not one slot per entry,
    /// which would cost more to clear for each article than it saves.
    fileprivate var entryMemo: [UInt64] = []
    static let memoSlots = 256
    /// The word of `present` kept set for the tables last scanned with (`AutomatonTables.alwaysSetWord`), -1 for none.
    private var alwaysSetWord = -1
    /// Even, and new for each sentence.
    fileprivate var stamp: UInt32 = 0

    public init() {}

    /// Sizes the space for `tables` and starts a new sentence.
    fileprivate mutating func prepare(for tables: AutomatonTables) {
        let alwaysSet = tables.alwaysSetWord
        if present.count <= alwaysSet {
            present = [UInt64](repeating: 0, count: alwaysSet + 1)
            alwaysSetWord = -1
        }
        if alwaysSetWord != alwaysSet {
            // Tables of other rules: their set word may be one of these tables' atoms, all clear between sentences.
            if alwaysSetWord >= 0 { present[alwaysSetWord] = 0 }
            present[alwaysSet] = .max
            alwaysSetWord = alwaysSet
        }
        if candidates.count < tables.mostSlotsPerAtom {
            // Written before read, for each token: nothing to clear.
            // SAFETY: Int32 is a plain value; every candidate is written before it is read.
            candidates = [Int32](unsafeUninitializedCapacity: tables.mostSlotsPerAtom) { _, count in count = tables.mostSlotsPerAtom }
        }
        if entryMemo.isEmpty { entryMemo = [UInt64](repeating: 0, count: Self.memoSlots) }
        if stamp >= UInt32.max - 3 {  // after four thousand million sentences
            // Stamps start again: forget every old one.
            for index in entryMemo.indices { entryMemo[index] = 0 }
            stamp = 0
        }
        stamp += 2
    }
}
