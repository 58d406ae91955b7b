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
        guard case let .success(date) = Self.parse(text) else { return nil }
        self = date
    }

    private init(raw: String, day: String) {
        self.raw = raw
        self.day = day
    }

    /// The years a date may fall in: outside them it is a typo or a placeholder (`9999-12-31`).
    public static let acceptedYears = 1800 ... 2200

    /// Why a text is not a usable publication date.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not in any of the accepted forms.
        case unrecognised
        case yearOutOfRange(Int)
        case noSuchMonth(Int)
        case noSuchDay(year: Int, month: Int, day: Int)
        /// The time of day or the offset after the date cannot exist or is malformed.
        case badTime(String)

        public var description: String {
            switch self {
            case .unrecognised: return "not a date: use YYYY-MM-DD (ISO 8601)"
            case let .yearOutOfRange(year):
                return "year \(year) is outside the accepted years \(acceptedYears.lowerBound)–\(acceptedYears.upperBound)"
            case let .noSuchMonth(month): return "month \(month) does not exist (01–12)"
            case let .noSuchDay(year, month, day):
                return "\(Month(rawValue: String(format: "%04d-%02d", year, month))?.displayName ?? "that month") has no day \(day)"
            case let .badTime(reason): return reason
            }
        }
    }

    /// Like `init?`, but says what is wrong with a text that is not a usable date.
    public static func parse(_ text: String) -> Result<PublishedDate, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return parseDay(trimmed).map { PublishedDate(raw: trimmed, day: $0) }
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

    static func parseDay(_ text: String) -> Result<String, Problem> {
        let scalars = Array(text.unicodeScalars)
        // ISO: YYYY-MM-DD, optionally followed by a time of day and an offset. Only the date is
        // kept (as written it is already the local date of publication), but a time that cannot
        // exist says the whole value is wrong.
        if scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
           let year = Int(String(String.UnicodeScalarView(scalars[0 ..< 4]))),
           let month = Int(String(String.UnicodeScalarView(scalars[5 ..< 7]))),
           let dayOfMonth = Int(String(String.UnicodeScalarView(scalars[8 ..< 10]))) {
            if scalars.count > 10 {
                guard ["T", "t", " "].contains(scalars[10]) else { return .failure(.unrecognised) }
                if let problem = timeProblem(String(String.UnicodeScalarView(scalars[11...]))) { return .failure(problem) }
            }
            return validated(year: year, month: month, day: dayOfMonth)
        }
        // "2 November 2015" or "November 2, 2015" / "Nov. 2, 2015"
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
        guard words.count == 3 else { return .failure(.unrecognised) }
        if let dayOfMonth = Int(words[0]), let month = monthNames[words[1]], let year = Int(words[2]) {
            return validated(year: year, month: month, day: dayOfMonth)
        }
        if let month = monthNames[words[0]], let dayOfMonth = Int(words[1]), let year = Int(words[2]) {
            return validated(year: year, month: month, day: dayOfMonth)
        }
        return .failure(.unrecognised)
    }

    /// What is wrong with the part after `YYYY-MM-DDT`, or nil when it is a real time:
    /// `HH:MM[:SS[.fraction]]`, then optionally `Z` or an offset `±HH`, `±HHMM`, `±HH:MM` (up to ±14:00).
    static func timeProblem(_ time: String) -> Problem? {
        let form = "the time '\(time)' is not HH:MM[:SS] with an optional Z or ±HH:MM"
        var rest = Substring(time)
        func number(_ digits: Int) -> Int? {
            let prefix = rest.prefix(digits)
            guard prefix.count == digits, prefix.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            rest = rest.dropFirst(digits)
            return Int(prefix)
        }
        guard let hour = number(2), rest.first == ":" else { return .badTime(form) }
        rest = rest.dropFirst()
        guard let minute = number(2) else { return .badTime(form) }
        if hour > 23 { return .badTime("hour \(hour) does not exist (00–23)") }
        if minute > 59 { return .badTime("minute \(minute) does not exist (00–59)") }
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard let second = number(2) else { return .badTime(form) }
            if second > 60 { return .badTime("second \(second) does not exist (00–60)") }
            if rest.first == "." || rest.first == "," {
                rest = rest.dropFirst()
                let fraction = rest.prefix { $0.isASCII && $0.isNumber }
                guard !fraction.isEmpty else { return .badTime(form) }
                rest = rest.dropFirst(fraction.count)
            }
        }
        if rest.first == " " { rest = rest.dropFirst() }
        if rest.isEmpty { return nil }
        if rest == "Z" || rest == "z" { return nil }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return .badTime(form) }
        let offset = rest
        rest = rest.dropFirst()
        guard let offsetHours = number(2) else { return .badTime(form) }
        var offsetMinutes = 0
        if !rest.isEmpty {
            if rest.first == ":" { rest = rest.dropFirst() }
            guard let minutes = number(2), rest.isEmpty else { return .badTime(form) }
            offsetMinutes = minutes
        }
        if offsetMinutes > 59 { return .badTime("the offset \(offset) has no minute \(offsetMinutes) (00–59)") }
        if offsetHours * 60 + offsetMinutes > 14 * 60 { return .badTime("the offset \(offset) is beyond ±14:00, the largest in use") }
        return nil
    }

    private static func validated(year: Int, month: Int, day: Int) -> Result<String, Problem> {
        guard acceptedYears.contains(year) else { return .failure(.yearOutOfRange(year)) }
        guard (1 ... 12).contains(month) else { return .failure(.noSuchMonth(month)) }
        let daysInMonth = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1 ... daysInMonth[month - 1]).contains(day) else { return .failure(.noSuchDay(year: year, month: month, day: day)) }
        return .success(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
