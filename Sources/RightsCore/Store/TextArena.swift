/// Bytes that bound texts are copied into for the run of one statement, then emptied.
final class TextArena {
    private let storage: UnsafeMutablePointer<CChar>
    private let capacity: Int
    private var used = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// A copy of `bytes` that lasts until `empty()`, or nil when there is no room left.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard let base = bytes.baseAddress, bytes.count <= capacity - used else { return nil }
        let start = storage + used
        UnsafeMutableRawPointer(start).copyMemory(from: base, byteCount: bytes.count)
        used += bytes.count
        return UnsafePointer(start)
    }

    func empty() { used = 0 }
}
