/// A growable run of plain values for the hot loops that read a text: `append` is a capacity
/// check and a store, without `Array`'s uniqueness check, and without the retain a class's
/// method needs around a call that may reallocate.
///
/// Not copyable: the buffer owns its memory and frees it when it ends, so there is never a
/// second copy that could grow (and free) the memory this one still writes to. It is owned by
/// one pass over a text, then handed over as an `Array`.
struct AppendBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

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
        // (no copy can share it), so it is freed once, here.
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// The values so far, as an array.
    func array() -> [Element] {
        // SAFETY: the first `count` values are initialised.
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
