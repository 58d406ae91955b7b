/// The atoms each token of a text satisfies, noted while the text was read.
struct TokenAtoms: Sendable {
    var atoms: [Int32] = []
    /// Token `i`'s atoms are `atoms[offsets[i] ..< offsets[i + 1]]`.
    var offsets: [Int32] = [0]
}

/// Walks a `PhraseAutomaton`'s trie over each token's bytes while `TextScanner` reads the text.
///
/// Not copyable: it owns the buffers the atoms are appended to.
struct AtomCollector: TokenVisitor, ~Copyable {
    let trie: AtomTrie
    /// Keeps `cacheEntries` alive.
    private let cache: WordCache?
    private let cacheEntries: UnsafeMutablePointer<WordCache.Entry>?
    private var atomList: AppendBuffer<Int32>
    private var offsets: AppendBuffer<Int32>

    init(trie: AtomTrie, cache: WordCache?, expectedTokens: Int) {
        self.trie = trie
        self.cache = cache
        cacheEntries = cache?.entries
        atomList = AppendBuffer(capacity: expectedTokens * 2)
        offsets = AppendBuffer(capacity: expectedTokens + 1)
        offsets.append(0)
    }

    /// The atoms collected, once the text has been read.
    var atoms: TokenAtoms { TokenAtoms(atoms: atomList.array(), offsets: offsets.array()) }

    @inline(__always)
    mutating func visit(_ folded: UnsafeBufferPointer<UInt8>, inline: (UInt64, UInt64)?) -> UInt32 {
        guard let cacheEntries, let (key0, key1) = inline else { return walk(folded) }
        // Most words of a text are a few hundred common ones: their atoms are remembered.
        let slot = WordCache.slot(key0, key1)
        // SAFETY: `slot` is masked to `WordCache.size`, the entries' count, and `cache` keeps them allocated.
        let entry = cacheEntries[slot]
        // The packed keys of two words are equal only when their lengths are (no letter packs as 0),
        // and an empty entry's are 0.
        if entry.key0 == key0, entry.key1 == key1 {
            if entry.atom0 >= 0 {
                atomList.append(entry.atom0)
                if entry.atom1 >= 0 {
                    atomList.append(entry.atom1)
                    if entry.atom2 >= 0 { atomList.append(entry.atom2) }
                }
            }
            offsets.append(Int32(atomList.count))
            return entry.classes
        }
        let first = atomList.count
        let classes = walk(folded)
        let found = atomList.count - first
        if found <= 3 {
            // SAFETY: as above.
            cacheEntries[slot] = WordCache.Entry(
                key0: key0, key1: key1,
                atom0: found > 0 ? atomList[first] : -1, atom1: found > 1 ? atomList[first + 1] : -1, atom2: found > 2 ? atomList[first + 2] : -1,
                classes: classes)
        }
        return classes
    }

    @inline(__always)
    mutating func walk(_ folded: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // SAFETY: the root table has an entry for every byte, and the nodes it and `child(of:_:)`
        // give are nodes of the trie, inside its per-node tables.
        var node = -1
        var complete = true
        for byte in folded {
            node = node < 0 ? Int(trie.root[Int(byte)]) : trie.child(of: node, byte)
            if node < 0 { complete = false; break }
            let prefix = trie.prefixAtoms[node]
            if prefix >= 0 { atomList.append(prefix) }
        }
        var classes: UInt32 = 0
        if complete, node >= 0 {
            let exact = trie.exactAtoms[node]
            if exact >= 0 { atomList.append(exact) }
            classes = trie.classes[node]
        }
        offsets.append(Int32(atomList.count))
        return classes
    }
}

/// The atoms and classes of recently seen words, for one analysis task (never shared between
/// tasks): a direct-mapped table keyed by the word's bytes, words of up to 16 bytes. Its contents
/// are the matcher's business; callers only create one and pass it along.
public final class WordCache {
    struct Entry {
        var key0: UInt64 = 0, key1: UInt64 = 0
        /// An atom of -1 ends the list.
        var atom0: Int32 = -1, atom1: Int32 = -1, atom2: Int32 = -1
        var classes: UInt32 = 0
    }

    static let size = 4096
    let entries: UnsafeMutablePointer<Entry>
    /// The trie the entries were computed with: a cache is only valid for one set of rules.
    private(set) weak var trie: AtomTrie?
    /// The matcher's working space and match list, kept from article to article by the task that
    /// owns the cache, so that an article does not allocate (and clear) them anew.
    var scratch = MatchScratch()
    var matches: [PhraseMatch] = []

    public init() {
        // SAFETY: allocated and initialised for `size` entries here, freed once in `deinit`; every
        // access is at a slot masked to `size`.
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(), count: Self.size)
    }

    deinit { entries.deallocate() }

    /// Empties the cache when it was filled for other rules.
    func use(for trie: AtomTrie) {
        guard self.trie !== trie else { return }
        entries.update(repeating: Entry(), count: Self.size)
        self.trie = trie
    }

    @inline(__always)
    static func slot(_ key0: UInt64, _ key1: UInt64) -> Int {
        let mixed = (key0 &* 0x9E37_79B9_7F4A_7C15) ^ (key1 &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & UInt64(Self.size - 1))
    }
}
