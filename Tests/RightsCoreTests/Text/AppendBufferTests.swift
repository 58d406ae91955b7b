import Testing
@testable import RightsCore

@Suite struct AppendBufferTests {
    @Test("values appended past the first capacity are all kept, in order")
    func grows() {
        var buffer = AppendBuffer<Int32>(capacity: 3)
        for value in 0 ..< 1_000 { buffer.append(Int32(value * 3)) }
        #expect(buffer.count == 1_000)
        #expect(buffer[999] == 2_997)
        #expect(buffer.array() == (0 ..< 1_000).map { Int32($0 * 3) })
    }

    @Test("in lent memory the values stay there until it is full, then move to memory of the buffer's own")
    func lentMemory() {
        let memory = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 4)
        defer { memory.deallocate() }
        var buffer = AppendBuffer<Int32>(lent: memory)
        for value in 0 ..< 4 { buffer.append(Int32(value)) }
        let ownedBeforeFull = buffer.ownsMemory
        #expect(!ownedBeforeFull)
        #expect(Array(memory) == [0, 1, 2, 3])
        buffer.append(4)
        let ownedAfter = buffer.ownsMemory
        #expect(ownedAfter)
        #expect(buffer.array() == [0, 1, 2, 3, 4])
    }
}
