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
}
