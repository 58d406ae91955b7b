/// A growable run of plain values for the hot loops that read a text: `append` is a capacity
/// check and a store, without `Array`'s uniqueness check, and without the retain a class's
/// method needs around a call that may reallocate.
///
/// Not copyable: the buffer owns its memory and frees it when it ends, so there is never a
/// second copy that could grow (and free) the memory this one still writes to. It is owned by
/// one pass over a text, then handed over as an `Array`; or it writes into memory an array lends
/// it (`init(lent:)`) until that is full, and owns what it grows into from then on.
struct AppendBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    /// False while the values are in memory lent by the caller, which the buffer does not free.
    private(set) var ownsMemory = true

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Writes into `memory` (uninitialised, at least one value) until it is full; the caller keeps
    /// it, and while `ownsMemory` is false, the first `count` values there are the buffer's.
    init(lent memory: UnsafeMutableBufferPointer<Element>) {
        precondition(memory.count > 0, "an append buffer needs room for one value")
        // SAFETY: the caller keeps `memory` allocated while the buffer lives, and the buffer
        // writes only below `memory.count` there; growing copies out of it, and it is never freed here.
        base = memory.baseAddress!
        capacity = memory.count
        ownsMemory = false
    }

    deinit { if ownsMemory { base.deallocate() } }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        // SAFETY: `count < capacity` here, and `base` holds `capacity` values.
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count)
        // SAFETY: checked above to be one of the `count` values written.
        return base[index]
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        // SAFETY: both hold at least `count` values; the old memory is this buffer's alone
        // (no copy can share it), so it is freed once, here, unless it was lent.
        larger.moveInitialize(from: base, count: count)
        if ownsMemory { base.deallocate() }
        ownsMemory = true
        base = larger
        capacity *= 2
    }

    /// The values so far, as an array.
    func array() -> [Element] {
        // SAFETY: the first `count` values are initialised.
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
