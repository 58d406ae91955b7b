/// A growable run of plain values for the hot loops that read a text: `append` is a capacity
/// check and a store, without `Array`'s uniqueness check, and without the retain a class's
/// method needs around a call that may reallocate.
///
/// The values live in memory that `Storage` frees. Copies of the buffer share that memory, so a
/// buffer must not be copied once it has been appended to (a grown copy would free the other's).
/// It is owned by one pass over a text, then handed over as an `Array`.
struct AppendBuffer<Element: BitwiseCopyable> {
    private final class Storage {
        var base: UnsafeMutablePointer<Element>
        init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        deinit { base.deallocate() }
    }

    private let storage: Storage
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        storage = Storage(base)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        storage.base = larger
        capacity *= 2
    }

    /// The values so far, as an array.
    func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
