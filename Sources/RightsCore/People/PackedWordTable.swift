/// Values keyed by a token's packed word (`Token.pack`, `Token.packedWord`) and a small number
/// beside it (a trie's node; 0 when there is none): an open-addressing table probed in place.
///
/// Looked up once per token of a role, a place name or a speaker phrase: a `Dictionary` hashes
/// the key with SipHash, several times the cost of the multiply and the comparison or two here.
struct PackedWordTable<Value: Sendable & Equatable>: Sendable, Equatable {
    private struct Slot: Sendable, Equatable {
        /// 0 for an empty slot: a packed word's first byte is never 0.
        var low: UInt64 = 0
        var high: UInt64 = 0
        var tag: Int32 = 0
        var value: Value?
    }

    /// A power of two, at most half full.
    private var slots: [Slot] = Array(repeating: Slot(), count: 8)
    private var shift: UInt64 = 61
    private(set) var count = 0

    @inline(__always)
    private func start(_ low: UInt64, _ high: UInt64, _ tag: Int32) -> Int {
        // Fibonacci hashing: the top bits of the product of the mixed key.
        let mixed = low ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(UInt32(bitPattern: tag)) &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of the word packed as `packed` with number `tag`, if any.
    @inline(__always)
    func value(_ packed: PackedWord, tag: Int32 = 0) -> Value? {
        guard packed.low != 0 else { return nil }
        let mask = slots.count - 1
        var index = start(packed.low, packed.high, tag)
        while true {
            let slot = slots[index]
            if slot.low == 0 { return nil }
            if slot.low == packed.low && slot.high == packed.high && slot.tag == tag { return slot.value }
            index = (index + 1) & mask
        }
    }

    /// Sets the value of the word packed as `packed` with number `tag`.
    mutating func set(_ value: Value, for packed: PackedWord, tag: Int32 = 0) {
        guard packed.low != 0 else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = start(packed.low, packed.high, tag)
        while slots[index].low != 0 {
            if slots[index].low == packed.low && slots[index].high == packed.high && slots[index].tag == tag {
                slots[index].value = value
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Slot(low: packed.low, high: packed.high, tag: tag, value: value)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        shift -= 1
        count = 0
        for slot in old where slot.low != 0 {
            if let value = slot.value { set(value, for: PackedWord((slot.low, slot.high)), tag: slot.tag) }
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.slots.allSatisfy { slot in slot.low == 0 || rhs.value(PackedWord((slot.low, slot.high)), tag: slot.tag) == slot.value }
    }
}
