/// An atom's anchor slots end at `slotEnd` (those before `anyCaseEnd` also start on a token in
/// lower case); its gates are `gateStart ..< gateEnd` of `AutomatonTables.gateTests` (and
/// `gateMembers`), in the order of their first slots, and a token in lower case looks only at
/// those before `anyCaseGateEnd`, the gates whose first slot is an any-case one.
struct AtomAnchors { var slotEnd: Int32, anyCaseEnd: Int32, gateStart: Int32, gateEnd: Int32, anyCaseGateEnd: Int32 }
struct AnchorSlot { var entry: Int32, alternative: Int32 }
/// A gate: the slots of one atom that need requirement group `group` satisfied in the sentence
/// (-1: none), ascending, `AutomatonTables.gateSlots[slotStart ..< slotStart + slotCount]`. It is
/// kept in two tables: the test, read for every gate of every anchored token, four to a cache line
/// (most gates of a common word stay shut), holds the group's first word of atoms and whether the
/// group has more words than that one; the members, read only for a gate that opens. A gate with
/// no requirement tests `AutomatonTables.alwaysSetWord`, a word of the sentence's bits that is
/// always set, so that every gate is one test.
struct GateTest { var mask: UInt64, word: Int32, hasMoreWords: Bool }
struct GateMembers { var slotStart: Int32, slotCount: Int32, group: Int32 }
/// An entry's elements, and its requirement groups: `entryGroups[requirementStart ..< requirementStart + requirementCount]`.
struct EntryShape { var elementStart: Int32, elementCount: Int32, requirementStart: Int32, requirementCount: Int32 }
/// Words `start ..< start + count` of `AutomatonTables.requiredWords`: a sentence must have one of their atoms.
struct RequirementGroup { var start: Int32, count: Int32 }
/// Atoms `64 * index + b` for each bit b set in `mask`.
struct RequiredWord { var index: Int32, mask: UInt64 }
struct ElementShape { var altStart: Int32, altCount: Int32, gap: Int32, mapStart: Int32, mapCount: Int32 }
struct AlternativeShape { var termStart: Int32, termCount: Int32 }

/// A flat copy of `array` in memory its owner frees in its `deinit` (its count is the array's,
/// though an empty array still gets an allocation, so that there is an address to free).
private func ownedCopy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    // SAFETY: all `array.count` elements are initialised from the array; the one extra element of
    // an empty copy is never read (the count says 0), only freed.
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = buffer.initialize(from: array)
    return UnsafeMutableBufferPointer(start: buffer.baseAddress, count: array.count)
}

/// The entries of a `PhraseAutomaton` as the scan reads them: what one lookup needs side by side
/// (an atom's anchors, an element's gap and alternatives), in flat memory that is written once by
/// `PhraseAutomatonBuilder.build()` and only read after, by every analysis task at once.
///
/// SAFETY (`@unchecked Sendable`): the memory is written in `init` and never after, and freed
/// only in `deinit`, when no task holds the tables any more.
final class AutomatonTables: @unchecked Sendable {
    let atoms: UnsafeMutableBufferPointer<AtomAnchors>
    let slots: UnsafeMutableBufferPointer<AnchorSlot>
    let gateTests: UnsafeMutableBufferPointer<GateTest>
    let gateMembers: UnsafeMutableBufferPointer<GateMembers>
    let gateSlots: UnsafeMutableBufferPointer<Int32>
    /// The most slots one atom has: room enough for one token's candidates.
    let mostSlotsPerAtom: Int
    let entries: UnsafeMutableBufferPointer<EntryShape>
    let entryGroups: UnsafeMutableBufferPointer<Int32>
    let elements: UnsafeMutableBufferPointer<ElementShape>
    let alternatives: UnsafeMutableBufferPointer<AlternativeShape>
    let termAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAtoms: UnsafeMutableBufferPointer<Int32>
    let mapAlternatives: UnsafeMutableBufferPointer<Int32>
    let requirements: UnsafeMutableBufferPointer<RequirementGroup>
    let requiredWords: UnsafeMutableBufferPointer<RequiredWord>
    /// What each entry stands for, opaque to the automaton (rule, exclusion or place index).
    let payloads: [Int32]
    /// Atoms are numbered 0 ..< atomCount.
    let atomCount: Int
    /// The word of the sentence's bits past the atoms' that the scan keeps set: what a gate with
    /// no requirement tests.
    var alwaysSetWord: Int { Self.alwaysSetWord(atomCount: atomCount) }
    static func alwaysSetWord(atomCount: Int) -> Int { (atomCount + 63) / 64 }

    init(atoms: [AtomAnchors], slots: [AnchorSlot], gateTests: [GateTest], gateMembers: [GateMembers], gateSlots: [Int32], mostSlotsPerAtom: Int, entries: [EntryShape],
         entryGroups: [Int32], requirements: [RequirementGroup], requiredWords: [RequiredWord], atomCount: Int, elements: [ElementShape],
         alternatives: [AlternativeShape], termAtoms: [Int32], mapAtoms: [Int32], mapAlternatives: [Int32], payloads: [Int32]) {
        self.atoms = ownedCopy(atoms)
        self.slots = ownedCopy(slots)
        self.gateTests = ownedCopy(gateTests)
        self.gateMembers = ownedCopy(gateMembers)
        self.gateSlots = ownedCopy(gateSlots)
        self.mostSlotsPerAtom = mostSlotsPerAtom
        self.entries = ownedCopy(entries)
        self.entryGroups = ownedCopy(entryGroups)
        self.requirements = ownedCopy(requirements)
        self.requiredWords = ownedCopy(requiredWords)
        self.atomCount = atomCount
        self.elements = ownedCopy(elements)
        self.alternatives = ownedCopy(alternatives)
        self.termAtoms = ownedCopy(termAtoms)
        self.mapAtoms = ownedCopy(mapAtoms)
        self.mapAlternatives = ownedCopy(mapAlternatives)
        self.payloads = payloads
    }

    deinit {
        atoms.deallocate()
        slots.deallocate()
        gateTests.deallocate()
        gateMembers.deallocate()
        gateSlots.deallocate()
        entries.deallocate()
        entryGroups.deallocate()
        elements.deallocate()
        alternatives.deallocate()
        termAtoms.deallocate()
        mapAtoms.deallocate()
        mapAlternatives.deallocate()
        requirements.deallocate()
        requiredWords.deallocate()
    }
}

/// The byte trie of a `PhraseAutomaton`'s words and prefixes, in flat memory written once and
/// then only read, by every analysis task at once.
///
/// SAFETY (`@unchecked Sendable`): as `AutomatonTables`, written in `init`, read-only after.
final class AtomTrie: @unchecked Sendable {
    /// The child of the root along each byte, or -1.
    let root: UnsafeMutableBufferPointer<Int32>
    let edgeStart: UnsafeMutableBufferPointer<Int32>
    let edgeCount: UnsafeMutableBufferPointer<UInt16>
    let edgeBytes: UnsafeMutableBufferPointer<UInt8>
    let edgeTargets: UnsafeMutableBufferPointer<Int32>
    /// The prefix atom ending at each node, or -1.
    let prefixAtoms: UnsafeMutableBufferPointer<Int32>
    /// The exact-word atom ending at each node, or -1.
    let exactAtoms: UnsafeMutableBufferPointer<Int32>
    /// The word classes of the exact word ending at each node.
    let classes: UnsafeMutableBufferPointer<UInt32>

    init(edges: [[(byte: UInt8, node: Int32)]], prefixAtoms: [Int32], exactAtoms: [Int32], classes: [UInt32]) {
        var starts: [Int32] = [], counts: [UInt16] = [], bytes: [UInt8] = [], targets: [Int32] = []
        for list in edges {
            starts.append(Int32(bytes.count))
            counts.append(UInt16(list.count))
            for edge in list { bytes.append(edge.byte); targets.append(edge.node) }
        }
        var rootEdges = [Int32](repeating: -1, count: 256)
        for edge in edges[0] { rootEdges[Int(edge.byte)] = edge.node }
        root = ownedCopy(rootEdges)
        edgeStart = ownedCopy(starts)
        edgeCount = ownedCopy(counts)
        edgeBytes = ownedCopy(bytes)
        edgeTargets = ownedCopy(targets)
        self.prefixAtoms = ownedCopy(prefixAtoms)
        self.exactAtoms = ownedCopy(exactAtoms)
        self.classes = ownedCopy(classes)
    }

    deinit {
        root.deallocate()
        edgeStart.deallocate()
        edgeCount.deallocate()
        edgeBytes.deallocate()
        edgeTargets.deallocate()
        prefixAtoms.deallocate()
        exactAtoms.deallocate()
        classes.deallocate()
    }

    /// The child of `node` along `byte`, or -1.
    @inline(__always)
    func child(of node: Int, _ byte: UInt8) -> Int {
        // SAFETY: `node` is a node of this trie (the root's children and edge targets are), and
        // its edges lie inside the edge tables.
        let start = Int(edgeStart[node])
        var edge = start
        let end = start + Int(edgeCount[node])
        while edge < end {
            if edgeBytes[edge] == byte { return Int(edgeTargets[edge]) }
            edge += 1
        }
        return -1
    }
}
