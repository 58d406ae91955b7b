/// Collects patterns, place names and word classes, then `build()`s the immutable `PhraseAutomaton`
/// that matches them all in one scan.
///
/// Terms are numbered as "atoms": an exact word, or a prefix (`journalist*`). The words of a
/// vocabulary class are added side by side, so their atoms are numbered together and a test for
/// "one of the class" is one or two masks over a sentence's bitset of atoms.
public struct PhraseAutomatonBuilder {
    private var exactAtoms: [String: Int32] = [:]
    // Prefix trie over UTF-8 bytes: edges per node, and the prefix atom ending at a node (or -1).
    private var trieEdges: [[(byte: UInt8, node: Int32)]] = [[]]
    private var trieAtom: [Int32] = [-1]
    /// Per atom: how often such a word can be expected in a sentence (see `commonness`).
    private var atomCommonness: [Int] = []

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
    private var entryPayload: [Int32] = []
    /// Entries that only start on a capitalised token (names of places): most anchors are skipped cheaply.
    private var entryNeedsCapital: [Bool] = []
    /// For each atom: the (entry, alternative) pairs whose first element may start with it.
    private var anchors: [[(entry: Int32, alternative: Int32)]] = []

    /// Word classes of exact words (negators, speech verbs…), bits the caller defines.
    private var wordClasses: [String: UInt32] = [:]

    public init() {}

    public var entryCount: Int { entryPayload.count }

    /// Adds `pattern` as one entry per sequence (one per order of its frame's parts), each carrying
    /// `payload`. Alternatives are not multiplied out, so a pattern with many alternatives costs
    /// its size, not the product of its choices.
    public mutating func add(_ pattern: Pattern, payload: Int32) {
        for sequence in pattern.sequences { add(sequence, payload: payload) }
    }

    /// Adds one run of adjacent words (a place name); with `capitalized`, it only matches where
    /// its first word is capitalised in the text.
    public mutating func add(phrase words: [String], payload: Int32, capitalized: Bool = false) {
        guard !words.isEmpty else { return }
        add(Pattern(elements: words.map { PatternElement(alternatives: [[.exact($0)]], maxGapBefore: 0) }), payload: payload)
        entryNeedsCapital[entryNeedsCapital.count - 1] = capitalized
    }

    /// Gives the exact word `word` the class bits `bits` (ORed with any it has): a token of that
    /// word gets them in `Token.classes` when the text is read for the automaton.
    public mutating func addWordClass(_ word: String, _ bits: UInt32) {
        guard !word.isEmpty else { return }
        wordClasses[word, default: 0] |= bits
    }

    private mutating func add(_ elements: [PatternElement], payload: Int32) {
        guard !elements.isEmpty else { return }
        let entry = Int32(entryPayload.count)
        entryPayload.append(payload)
        entryNeedsCapital.append(false)
        entryElementStart.append(Int32(elementGap.count))
        entryElementCount.append(UInt8(min(elements.count, 255)))
        for (elementIndex, element) in elements.prefix(255).enumerated() {
            // Many alternatives are tried through the atoms of the token (see `follow`), a prefix before the words it covers.
            let triedByAtom = elementIndex == 0 || element.alternatives.count > 3
            let kept = Self.withoutCoveredAlternatives(element.alternatives, coveredByLater: triedByAtom)
            elementGap.append(UInt8(element.maxGapBefore))
            elementAltStart.append(Int32(altTermCount.count))
            elementAltCount.append(UInt16(min(kept.count, Int(UInt16.max))))
            let elementIndex32 = Int32(elementGap.count - 1)
            var byFirst: [Int32: [Int32]] = [:]
            for alternative in kept {
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

    /// `alternatives` without the one-word alternatives another one-word alternative already
    /// matches wherever they do: a repeat, `journalists` beside `journalist*`, `journalist*`
    /// beside `journ*`. Any token they match, the one kept matches, ending at the same place,
    /// and it is tried first, so the entry matches exactly as before, with fewer anchors and
    /// alternatives to try. Alternatives tried in the order written (`coveredByLater` false) are
    /// only dropped for one written before them; tried through the token's atoms, a prefix
    /// comes before the longer prefixes and the word it covers, so one written after them counts too.
    static func withoutCoveredAlternatives(_ alternatives: [[PatternTerm]], coveredByLater: Bool) -> [[PatternTerm]] {
        func covers(_ wider: PatternTerm, _ narrower: PatternTerm) -> Bool {
            switch (wider, narrower) {
            case let (.prefix(stem), .exact(word)): return word.hasPrefix(stem)
            case let (.prefix(stem), .prefix(longer)): return longer.hasPrefix(stem) && longer != stem
            default: return false
            }
        }
        var kept: [[PatternTerm]] = []
        for (index, alternative) in alternatives.enumerated() {
            if alternative.count == 1 {
                let term = alternative[0]
                let isRepeat = alternatives[..<index].contains { $0.count == 1 && $0[0] == term }
                let isCovered = (coveredByLater ? alternatives[...] : alternatives[..<index]).contains { $0.count == 1 && covers($0[0], term) }
                if isRepeat || isCovered { continue }
            }
            kept.append(alternative)
        }
        return kept
    }

    /// The matcher for everything added so far.
    public func build() -> PhraseAutomaton {
        var builder = self
        builder.numberAtomsByGroup()
        return PhraseAutomaton(tables: builder.entryTables(), trie: builder.atomTrie())
    }

    /// The groups of atoms a sentence must have one of for `entry` to match there (see
    /// `entryTables`): per element after the first, the first atoms of its alternatives; and each
    /// later word of an element with one alternative ("in absentia" needs "absentia").
    private func requirementAtomGroups(of entry: Int) -> [[Int32]] {
        let firstElement = Int(entryElementStart[entry]), elementCount = Int(entryElementCount[entry])
        var groups: [[Int32]] = []
        for element in firstElement ..< firstElement + elementCount {
            let alternatives = Int(elementAltStart[element]) ..< Int(elementAltStart[element]) + Int(elementAltCount[element])
            guard !alternatives.isEmpty, alternatives.allSatisfy({ altTermCount[$0] > 0 }) else { continue }
            if element > firstElement { groups.append(Set(alternatives.map { termAtoms[Int(altTermStart[$0])] }).sorted()) }
            if alternatives.count == 1 {
                let terms = Int(altTermStart[alternatives.lowerBound]) ..< Int(altTermStart[alternatives.lowerBound]) + Int(altTermCount[alternatives.lowerBound])
                for term in terms.dropFirst() { groups.append([termAtoms[term]]) }
            }
        }
        return groups
    }

    /// Numbers the atoms again so that each requirement group's atoms stand side by side, the
    /// largest groups first: a group is tested one 64-bit word of the sentence's bitset at a time,
    /// and atoms numbered as their words were first met spread a class over many words. The
    /// numbers are internal: what matches, and in what order, does not change.
    private mutating func numberAtomsByGroup() {
        let count = atomCommonness.count
        guard count > 0 else { return }
        let groups = Set(entryElementStart.indices.flatMap(requirementAtomGroups)).sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        var renumbered = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        for group in groups {
            for atom in group where renumbered[Int(atom)] < 0 {
                renumbered[Int(atom)] = next
                next += 1
            }
        }
        for atom in 0 ..< count where renumbered[atom] < 0 {
            renumbered[atom] = next
            next += 1
        }
        func map(_ atom: Int32) -> Int32 { atom < 0 ? atom : renumbered[Int(atom)] }
        for (word, atom) in exactAtoms { exactAtoms[word] = map(atom) }
        trieAtom = trieAtom.map(map)
        termAtoms = termAtoms.map(map)
        var commonness = [Int](repeating: 0, count: count)
        for atom in 0 ..< count { commonness[Int(renumbered[atom])] = atomCommonness[atom] }
        atomCommonness = commonness
        var anchorLists = [[(entry: Int32, alternative: Int32)]](repeating: [], count: anchors.isEmpty ? 0 : count)
        for (atom, list) in anchors.enumerated() { anchorLists[Int(renumbered[atom])] = list }
        while let last = anchorLists.last, last.isEmpty { anchorLists.removeLast() }
        anchors = anchorLists
        elementAltsByFirstAtom = elementAltsByFirstAtom.mapValues { byFirst in
            Dictionary(uniqueKeysWithValues: byFirst.map { (map($0.key), $0.value) })
        }
    }

    private mutating func atomTrie() -> AtomTrie {
        for word in Array(wordClasses.keys) + Array(exactAtoms.keys) { _ = trieNode(for: word) }
        var exact = [Int32](repeating: -1, count: trieEdges.count)
        for (word, atom) in exactAtoms { exact[trieNode(for: word)] = atom }
        var classes = [UInt32](repeating: 0, count: trieEdges.count)
        for (word, bits) in wordClasses { classes[trieNode(for: word)] |= bits }
        return AtomTrie(edges: trieEdges, prefixAtoms: trieAtom, exactAtoms: exact, classes: classes)
    }

    private func entryTables() -> AutomatonTables {
        // What a sentence must contain for an entry to match there, as groups of atoms of which
        // one must be present (`requirementAtomGroups`). Checked against the atoms a sentence has
        // before an anchored entry is followed, they turn most failing follow-ups into a few bit tests.
        // A group is kept as masks over the sentence's bitset of atoms, one per 64 atoms it
        // spans, and numbered once for all the entries that share it.
        var groupIndex: [[Int32]: Int32] = [:]
        var groups: [RequirementGroup] = [], requiredWords: [RequiredWord] = [], groupCommonness: [Int] = []
        func group(_ atoms: [Int32]) -> Int32 {
            if let known = groupIndex[atoms] { return known }
            let start = requiredWords.count
            for atom in atoms {  // ascending, so one word's atoms are side by side
                let word = atom >> 6, bit = UInt64(1) << UInt64(atom & 63)
                if requiredWords.count > start, requiredWords[requiredWords.count - 1].index == word {
                    requiredWords[requiredWords.count - 1].mask |= bit
                } else {
                    requiredWords.append(RequiredWord(index: word, mask: bit))
                }
            }
            let index = Int32(groups.count)
            groups.append(RequirementGroup(start: Int32(start), count: Int32(requiredWords.count - start)))
            groupCommonness.append(atoms.reduce(0) { $0 + atomCommonness[Int($1)] })
            groupIndex[atoms] = index
            return index
        }
        var entries: [EntryShape] = [], entryGroups: [Int32] = []
        for entry in entryElementStart.indices {
            let atomGroups = requirementAtomGroups(of: entry)
            // The rarest first: they fail soonest.
            let numbered = Set(atomGroups.map(group)).sorted { (groupCommonness[Int($0)], $0) < (groupCommonness[Int($1)], $1) }
            entries.append(EntryShape(elementStart: entryElementStart[entry], elementCount: Int32(entryElementCount[entry]),
                                      requirementStart: Int32(entryGroups.count), requirementCount: Int32(numbered.count)))
            entryGroups += numbered
        }
        // Per atom, the entries it may start: any-case ones first, then those that only start on a
        // capitalised token (names of places), so a lower-case token never looks at those. Each
        // group keeps the order entries were added in, so matches keep their order.
        //
        // A common word ("in", "is", "rights") starts many entries: rather than looking at each,
        // an atom's slots are grouped by the rarest requirement they have (a later word of the
        // anchored alternative, or one of the entry's groups), so a gate whose requirement the
        // sentence lacks is passed over at once.
        var atomAnchors: [AtomAnchors] = [], slots: [AnchorSlot] = [], gateTests: [GateTest] = [], gateMembers: [GateMembers] = [], gateSlots: [Int32] = []
        let alwaysSetWord = AutomatonTables.alwaysSetWord(atomCount: atomCommonness.count)
        var mostSlots = 0
        for list in anchors {
            let anyCase = list.filter { !entryNeedsCapital[Int($0.entry)] }
            let capitalOnly = list.filter { entryNeedsCapital[Int($0.entry)] }
            let first = slots.count, firstGate = gateTests.count
            var slotsByNeed: [Int32: [Int32]] = [:], needs: [Int32] = []
            for anchor in anyCase + capitalOnly {
                let alternative = Int(anchor.alternative)
                let shape = entries[Int(anchor.entry)]
                var need: Int32 = -1, needCommonness = Int.max
                if shape.requirementCount > 0 {
                    need = entryGroups[Int(shape.requirementStart)]
                    needCommonness = groupCommonness[Int(need)]
                }
                let terms = Int(altTermStart[alternative]) ..< Int(altTermStart[alternative]) + Int(altTermCount[alternative])
                // Of equally rare words the last: the head of a phrase ("in police custody") says most.
                for term in terms.dropFirst() {
                    let candidate = group([termAtoms[term]])
                    if groupCommonness[Int(candidate)] <= needCommonness { need = candidate; needCommonness = groupCommonness[Int(candidate)] }
                }
                if slotsByNeed[need] == nil { needs.append(need) }
                slotsByNeed[need, default: []].append(Int32(slots.count))
                slots.append(AnchorSlot(entry: anchor.entry, alternative: anchor.alternative))
            }
            // In the order of their first slots (the order their needs were first met): those of a
            // token in lower case are the ones before the first whose first slot needs a capital.
            var anyCaseGateEnd = firstGate
            for need in needs {
                let members = slotsByNeed[need]!
                let words = need < 0 ? RequirementGroup(start: 0, count: 0) : groups[Int(need)]
                let firstWord = words.count > 0 ? requiredWords[Int(words.start)] : RequiredWord(index: Int32(alwaysSetWord), mask: 1)
                if members[0] < first + anyCase.count { anyCaseGateEnd = gateTests.count + 1 }
                gateTests.append(GateTest(mask: firstWord.mask, word: firstWord.index, hasMoreWords: words.count > 1))
                gateMembers.append(GateMembers(slotStart: Int32(gateSlots.count), slotCount: Int32(members.count), group: need))
                gateSlots += members
            }
            mostSlots = max(mostSlots, list.count)
            atomAnchors.append(AtomAnchors(slotEnd: Int32(slots.count), anyCaseEnd: Int32(first + anyCase.count), gateStart: Int32(firstGate),
                                           gateEnd: Int32(gateTests.count), anyCaseGateEnd: Int32(anyCaseGateEnd)))
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
        return AutomatonTables(
            atoms: atomAnchors, slots: slots, gateTests: gateTests, gateMembers: gateMembers, gateSlots: gateSlots, mostSlotsPerAtom: mostSlots,
            entries: entries, entryGroups: entryGroups, requirements: groups, requiredWords: requiredWords, atomCount: atomCommonness.count,
            elements: elementGap.indices.map {
                ElementShape(altStart: elementAltStart[$0], altCount: Int32(elementAltCount[$0]), gap: Int32(elementGap[$0]),
                             mapStart: mapStart[$0], mapCount: mapCount[$0])
            },
            alternatives: altTermStart.indices.map { AlternativeShape(termStart: altTermStart[$0], termCount: Int32(altTermCount[$0])) },
            termAtoms: termAtoms, mapAtoms: mapAtoms, mapAlternatives: mapAlternatives, payloads: entryPayload)
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
            let atom = newAtom(Self.commonness(of: term))
            exactAtoms[word] = atom
            return atom
        case let .prefix(stem):
            let node = trieNode(for: stem)
            if trieAtom[node] >= 0 { return trieAtom[node] }
            let atom = newAtom(Self.commonness(of: term))
            trieAtom[node] = atom
            return atom
        }
    }

    private mutating func newAtom(_ commonness: Int) -> Int32 {
        atomCommonness.append(commonness)
        return Int32(atomCommonness.count - 1)
    }

    /// How often a term can be expected in a sentence of news, roughly: a word of grammar ("in",
    /// "the", "was") in nearly every one, a word every report on rights uses ("police", "state")
    /// in many, a short prefix in many, any other word in few. It only orders the tests that rule
    /// an entry out, so it changes how fast, never what, the automaton matches.
    static func commonness(of term: PatternTerm) -> Int {
        switch term {
        case let .exact(word): return grammarWords.contains(word) ? 64 : newsWords.contains(word) ? 16 : 1
        case let .prefix(stem): return stem.utf8.count <= 4 ? 8 : 2
        }
    }

    /// Words of reporting on rights that stand in many of its sentences: a gate on one of them
    /// ("in police custody" gated on "police") opens in most sentences that have its anchor.
    static let newsWords: Set<String> = [
        "police", "state", "military", "security", "forces", "government", "authorities", "officials", "president", "minister",
        "people", "rights", "human", "political", "public", "national", "country", "court", "party", "members", "group", "law",
        "including", "without", "may", "could", "told", "according", "local", "city", "week", "month", "day", "time",
    ]

    /// English words of grammar that stand in most sentences.
    static let grammarWords: Set<String> = [
        "a", "an", "the", "in", "on", "at", "of", "to", "for", "by", "with", "from", "into", "over", "after", "before", "during", "under",
        "against", "about", "as", "and", "or", "but", "not", "no", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "it", "its", "he", "his", "she", "her", "they", "their", "them", "this", "that", "these", "those", "who", "which", "said", "says",
        "will", "would", "also", "up", "out", "more", "than", "since", "last", "year", "years", "new", "two", "one", "all", "other",
    ]
}
