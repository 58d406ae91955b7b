import Foundation
import Yams

/// What counts as scraped page noise, loaded from `rules/boilerplate.yaml`.
///
/// ```yaml
/// navigation_lines: [Accessibility links, Share, Advertisement]
/// line_prefixes: ["Photo:"]
/// line_patterns: ['^\d{1,2}:\d{2}( \d{1,2}:\d{2}(:\d{2})?)*$']
/// footer_starts: ["The Voice of America provides news"]
/// repeated_line_min_length: 20
/// ```
public struct BoilerplateRules: Sendable {
    /// Whole lines (trimmed, case-insensitive) that are site navigation.
    public var navigationLines: Set<String>
    /// Lines that start with one of these (case-insensitive) are captions, credits and the like.
    public var linePrefixes: [String]
    /// Regular expressions a whole trimmed line must match to be dropped.
    public var linePatterns: [String]
    /// A line starting with one of these begins a publisher's standard footer: it and every line
    /// after it are dropped.
    public var footerStarts: [String]
    /// Lines at least this long that occur more than once: a caption printed twice in a row is
    /// dropped entirely, a later repeat of earlier text is dropped and the first kept.
    public var repeatedLineMinLength: Int

    private let compiledPatterns: [NSRegularExpressionBox]

    public init(navigationLines: [String] = [], linePrefixes: [String] = [], linePatterns: [String] = [],
                footerStarts: [String] = [], repeatedLineMinLength: Int = 20) throws {
        self.navigationLines = Set(navigationLines.map { Self.key($0) })
        self.linePrefixes = linePrefixes.map { Self.key($0) }
        self.linePatterns = linePatterns
        self.footerStarts = footerStarts.map { Self.key($0) }
        self.repeatedLineMinLength = repeatedLineMinLength
        self.compiledPatterns = try linePatterns.map { pattern in
            do {
                return NSRegularExpressionBox(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
            } catch {
                throw BoilerplateError.badPattern(pattern: pattern, reason: error.localizedDescription)
            }
        }
    }

    /// Loads the rules from YAML text; `file` is used in error messages.
    public static func load(yaml: String, file: String) throws -> BoilerplateRules {
        struct Document: Decodable {
            var navigation_lines: [String]?
            var line_prefixes: [String]?
            var line_patterns: [String]?
            var footer_starts: [String]?
            var repeated_line_min_length: Int?
        }
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: yaml)
        } catch {
            throw BoilerplateError.invalidFile(file: file, reason: String(describing: error))
        }
        return try BoilerplateRules(
            navigationLines: document.navigation_lines ?? [],
            linePrefixes: document.line_prefixes ?? [],
            linePatterns: document.line_patterns ?? [],
            footerStarts: document.footer_starts ?? [],
            repeatedLineMinLength: document.repeated_line_min_length ?? 20)
    }

    public static func load(from url: URL) throws -> BoilerplateRules {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw BoilerplateError.invalidFile(file: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try load(yaml: text, file: url.path)
    }

    /// No noise rules at all: cleaning only normalises spaces.
    public static let none: BoilerplateRules = try! BoilerplateRules() // swiftlint:disable:this force_try — no patterns, cannot throw

    static func key(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func matchesPattern(_ line: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        return compiledPatterns.contains { $0.regex.firstMatch(in: line, range: range) != nil }
    }
}

/// NSRegularExpression is immutable and thread-safe once built; Foundation on Linux does not mark it Sendable.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}

public enum BoilerplateError: Error, Equatable, Sendable, LocalizedError {
    case invalidFile(file: String, reason: String)
    case badPattern(pattern: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .invalidFile(file, reason): return "\(file): \(reason)"
        case let .badPattern(pattern, reason): return "boilerplate line pattern '\(pattern)': \(reason)"
        }
    }
}
