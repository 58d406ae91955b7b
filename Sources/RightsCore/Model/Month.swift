import Foundation

/// A calendar month, `YYYY-MM`.
public struct Month: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts exactly `YYYY-MM` with a month 01–12.
    public init?(rawValue: String) {
        // Read from the bytes: every stored article's month is checked as it is read.
        let bytes = rawValue.utf8
        guard bytes.count == 7 else { return nil }
        var year = 0, month = 0
        for (position, byte) in bytes.enumerated() {
            if position == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if position < 4 { year = year * 10 + digit } else { month = month * 10 + digit }
        }
        guard year >= 1800, (1 ... 12).contains(month) else { return nil }
        self.rawValue = rawValue
    }

    public var year: Int { Int(rawValue.prefix(4))! }
    public var number: Int { Int(rawValue.suffix(2))! }
    public var description: String { rawValue }

    public var previous: Month {
        number == 1 ? Month(rawValue: String(format: "%04d-12", year - 1))!
            : Month(rawValue: String(format: "%04d-%02d", year, number - 1))!
    }

    public var next: Month {
        number == 12 ? Month(rawValue: String(format: "%04d-01", year + 1))!
            : Month(rawValue: String(format: "%04d-%02d", year, number + 1))!
    }

    /// "November 2015".
    public var displayName: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        return "\(names[number - 1]) \(year)"
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let month = Month(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM month: \(raw)"))
        }
        self = month
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
