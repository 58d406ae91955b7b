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
        for byte in bytes {
            lane1 = (lane1 ^ UInt64(byte)) &* 0x100000001b3
            lane2 = (lane2 ^ UInt64(byte ^ 0x5a)) &* 0x100000001b3
        }
    }

    public mutating func update(_ string: String) {
        update(bytes: string.utf8)
        update(bytes: [0x1f]) // field separator so that ("ab","c") != ("a","bc")
    }

    public func hexDigest() -> String {
        // By hand: String(format:) goes through Foundation and costs more than the hash itself.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 32)
        for (lane, offset) in [(lane1, 0), (lane2, 16)] {
            for index in 0 ..< 16 { bytes[offset + index] = digits[Int((lane >> UInt64(60 - 4 * index)) & 0xF)] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hash of several fields, in order.
    public static func of(_ fields: String...) -> String {
        var hash = ContentHash()
        for field in fields { hash.update(field) }
        return hash.hexDigest()
    }
}
