import Foundation

/// FNV-1a over bytes, 128 bits as two independent 64-bit lanes.
///
/// Used for content hashes (dedupe, rules hash, stable finding ids). Not cryptographic: the
/// inputs are our own normalised text, and a stable, dependency-free hash is what we need.
public struct ContentHash: Sendable {
    private var lane1: UInt64 = 0xcbf29ce484222325
    private var lane2: UInt64 = 0x84222325cbf29ce4

    public init() {}

    public mutating func update<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for byte in bytes { update(byte: byte) }
    }

    @inline(__always)
    private mutating func update(byte: UInt8) {
        lane1 = (lane1 ^ UInt64(byte)) &* 0x100000001b3
        lane2 = (lane2 ^ UInt64(byte ^ 0x5a)) &* 0x100000001b3
    }

    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { for byte in $0 { update(byte: byte) } }
        update(byte: 0x1f) // field separator so that ("ab","c") != ("a","bc")
    }

    /// The same as `update(String(value))`, without making the string.
    public mutating func update(decimal value: Int) {
        // 20 digits and a sign hold any Int.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = value.magnitude, index = digits.count
            repeat {
                index -= 1
                digits[index] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { index -= 1; digits[index] = UInt8(ascii: "-") }
            for byte in digits[index...] { update(byte: byte) }
        }
        update(byte: 0x1f)
    }

    /// `prefix` and the first 16 characters of `hexDigest()` (the first lane), as one string.
    public func shortDigest(prefix: UInt8) -> String {
        String(unsafeUninitializedCapacity: 17) { buffer in
            buffer[0] = prefix
            Self.writeHex(lane1, into: buffer, at: 1)
            return 17
        }
    }

    public func hexDigest() -> String {
        // By hand: String(format:) goes through Foundation and costs more than the hash itself.
        String(unsafeUninitializedCapacity: 32) { buffer in
            Self.writeHex(lane1, into: buffer, at: 0)
            Self.writeHex(lane2, into: buffer, at: 16)
            return 32
        }
    }

    /// The 16 lower-case hex digits of `lane`, most significant first, at `offset`.
    private static func writeHex(_ lane: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        for index in 0 ..< 16 {
            let digit = UInt8(truncatingIfNeeded: (lane >> UInt64(60 - 4 * index)) & 0xF)
            buffer[offset + index] = digit < 10 ? 0x30 + digit : 0x57 + digit
        }
    }

    /// Hash of several fields, in order.
    public static func of(_ fields: String...) -> String {
        var hash = ContentHash()
        for field in fields { hash.update(field) }
        return hash.hexDigest()
    }
}
