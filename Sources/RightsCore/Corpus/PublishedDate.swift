import Foundation

/// A publication date as the source wrote it, plus the calendar month it falls in.
///
/// The month is the one *at the place of publication*: `2015-11-30T23:30-05:00` is in November
/// even though it is already December in UTC, because a brief for November should carry it.
public struct PublishedDate: Sendable, Equatable, Hashable, Codable, Comparable {
    /// The date as given (trimmed).
    public var raw: String
    /// `YYYY-MM-DD` in the publication's own time zone.
    public var day: String
    public var month: Month { Month(rawValue: String(day.prefix(7)))! } // day is validated at init

    /// Parses ISO 8601 dates and date-times (`2015-11-02`, `2015-11-02T10:00Z`,
    /// `2015-11-30T23:30-05:00`, `2015-11-02 10:00`), `2 November 2015`, `November 2, 2015`,
    /// and `Nov. 2, 2015`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let day = Self.parseDay(trimmed) else { return nil }
        self.raw = trimmed
        self.day = day
    }

    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool { lhs.day < rhs.day }

    private static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    static func parseDay(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        // ISO: YYYY-MM-DD, optionally followed by a time part we do not need: the date as written
        // is already the local date of publication.
        if scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
           let year = Int(String(String.UnicodeScalarView(scalars[0 ..< 4]))),
           let month = Int(String(String.UnicodeScalarView(scalars[5 ..< 7]))),
           let dayOfMonth = Int(String(String.UnicodeScalarView(scalars[8 ..< 10]))) {
            if scalars.count > 10 {
                let rest = String(String.UnicodeScalarView(scalars[10...]))
                guard rest.first == "T" || rest.first == " " || rest.first == "t",
                      rest.dropFirst().allSatisfy({ $0.isNumber || ":.+-Zz ".contains($0) }) else { return nil }
            }
            return validated(year: year, month: month, day: dayOfMonth)
        }
        // "2 November 2015" or "November 2, 2015" / "Nov. 2, 2015"
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
        guard words.count == 3 else { return nil }
        if let dayOfMonth = Int(words[0]), let month = monthNames[words[1]], let year = Int(words[2]) {
            return validated(year: year, month: month, day: dayOfMonth)
        }
        if let month = monthNames[words[0]], let dayOfMonth = Int(words[1]), let year = Int(words[2]) {
            return validated(year: year, month: month, day: dayOfMonth)
        }
        return nil
    }

    private static func validated(year: Int, month: Int, day: Int) -> String? {
        guard (1800 ... 2200).contains(year), (1 ... 12).contains(month) else { return nil }
        let daysInMonth = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1 ... daysInMonth[month - 1]).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

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
