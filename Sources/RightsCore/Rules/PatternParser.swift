/// Parses pattern text; errors carry the 1-based column inside the pattern.
///
/// Elements: `word`, `prefix*`, `(a|b c|@class)`, `@class`, gaps `~N`, and one order-free frame
/// `{part part … ~N}` whose parts are elements (see `rules/FORMAT.md`).
public enum PatternParser {
    public struct SyntaxError: Error, Equatable, Sendable {
        public enum Kind: Sendable, Equatable {
            case syntax
            /// `@name` names no class of the vocabulary.
            case unknownClass(String)
            /// A frame of one part: it is order-free only with two or more.
            case singlePartFrame
        }

        public var column: Int
        public var message: String
        public var kind: Kind = .syntax

        public init(column: Int, message: String, kind: Kind = .syntax) {
            self.column = column
            self.message = message
            self.kind = kind
        }
    }

    public static let maxGap = 8
    /// Alternatives written out in one group.
    public static let maxAlternatives = 256
    /// Alternatives of one element once its classes are expanded.
    public static let maxExpandedAlternatives = 4096
    public static let minPrefixLength = 3
    /// Parts of one frame: its orders are all compiled, and 4 parts already make 24.
    public static let maxFrameParts = 4
    /// Tokens that may stand between two parts of a frame when it says no `~N`.
    public static let defaultFrameWindow = 6

    public static func parse(_ text: String, vocabulary: Vocabulary = Vocabulary()) throws(SyntaxError) -> Pattern {
        var parser = Parser(chars: Array(text), vocabulary: vocabulary)
        return try parser.parse()
    }

    /// An item of a written pattern: an element, or a frame of elements.
    private enum Item {
        case element(PatternElement, text: String)
        case frame(parts: [(PatternElement, String)], window: Int, gapBefore: Int)
    }

    private struct Parser {
        let chars: [Character]
        let vocabulary: Vocabulary
        var index = 0
        var classes: [String] = []

        init(chars: [Character], vocabulary: Vocabulary) {
            self.chars = chars
            self.vocabulary = vocabulary
        }

        mutating func skipSpaces() { while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 } }

        mutating func parse() throws(SyntaxError) -> Pattern {
            var items: [Item] = []
            var pendingGap: Int?
            var pendingGapColumn = 0
            var frameColumn: Int?
            skipSpaces()
            if index == chars.count { throw SyntaxError(column: 1, message: "empty pattern") }
            while index < chars.count {
                let column = index + 1
                switch chars[index] {
                case "~":
                    if items.isEmpty { throw SyntaxError(column: column, message: "a pattern cannot start with a gap '~N'") }
                    if pendingGap != nil { throw SyntaxError(column: column, message: "two gaps in a row; use one '~N'") }
                    pendingGap = try readGap()
                    pendingGapColumn = column
                case "{":
                    if frameColumn != nil { throw SyntaxError(column: column, message: "only one frame '{…}' per pattern; write a second pattern") }
                    frameColumn = column
                    items.append(try readFrame(gapBefore: pendingGap ?? 0))
                    pendingGap = nil
                case "}":
                    throw SyntaxError(column: column, message: "'}' without '{'")
                case ")":
                    throw SyntaxError(column: column, message: "')' without '('")
                case "|":
                    throw SyntaxError(column: column, message: "'|' outside parentheses; write alternatives as (a|b)")
                default:
                    let start = index
                    var element = try readElement()
                    element.maxGapBefore = pendingGap ?? 0
                    items.append(.element(element, text: String(chars[start ..< index])))
                    pendingGap = nil
                }
                skipSpaces()
            }
            if pendingGap != nil { throw SyntaxError(column: pendingGapColumn, message: "a pattern cannot end with a gap '~N'") }
            return build(items)
        }

        mutating func readGap() throws(SyntaxError) -> Int {
            let column = index + 1
            index += 1
            var digits = ""
            while index < chars.count, chars[index].isNumber { digits.append(chars[index]); index += 1 }
            guard let gap = Int(digits), (1 ... maxGap).contains(gap) else {
                throw SyntaxError(column: column, message: "a gap is '~N' with N from 1 to \(maxGap)")
            }
            return gap
        }

        /// One element: a word, a prefix, `@class` or `(…)`.
        mutating func readElement() throws(SyntaxError) -> PatternElement {
            let column = index + 1
            switch chars[index] {
            case "(":
                index += 1
                var alternatives: [[PatternTerm]] = []
                var current: [PatternTerm] = []
                var written = 0
                var closed = false
                var afterClass = false
                while index < chars.count {
                    skipSpaces()
                    guard index < chars.count else { break }
                    if chars[index] == ")" || chars[index] == "|" {
                        // An empty class (reported as such, R065) leaves nothing to add.
                        if current.isEmpty && !afterClass { throw SyntaxError(column: index + 1, message: "empty alternative before '\(chars[index])'") }
                        if !current.isEmpty { alternatives.append(current) }
                        afterClass = false
                        current = []
                        written += 1
                        index += 1
                        if chars[index - 1] == ")" { closed = true; break }
                        continue
                    }
                    if chars[index] == "(" { throw SyntaxError(column: index + 1, message: "alternatives cannot be nested") }
                    if chars[index] == "~" { throw SyntaxError(column: index + 1, message: "a gap '~N' cannot stand inside alternatives") }
                    if chars[index] == "{" || chars[index] == "}" { throw SyntaxError(column: index + 1, message: "a frame '{…}' cannot stand inside alternatives") }
                    if chars[index] == "@" {
                        guard current.isEmpty else {
                            throw SyntaxError(column: index + 1, message: "a class '@name' is a whole alternative: write (@name|…), not words before it")
                        }
                        let entries = try readClass()
                        skipSpaces()
                        guard index < chars.count, chars[index] == "|" || chars[index] == ")" else {
                            throw SyntaxError(column: index + 1, message: "a class '@name' is a whole alternative: end it with '|' or ')'")
                        }
                        alternatives += entries.dropLast()
                        current = entries.last ?? []
                        afterClass = true
                        continue
                    }
                    current.append(try readWord())
                }
                if !closed { throw SyntaxError(column: column, message: "'(' is never closed") }
                if written > maxAlternatives {
                    throw SyntaxError(column: column, message: "\(written) alternatives in one group, at most \(maxAlternatives); split the pattern or name a class")
                }
                return try element(alternatives, column: column)
            case "@":
                return try element(readClass(), column: column)
            default:
                return PatternElement(alternatives: [[try readWord()]], maxGapBefore: 0)
            }
        }

        func element(_ alternatives: [[PatternTerm]], column: Int) throws(SyntaxError) -> PatternElement {
            var seen = Set<[PatternTerm]>()
            let unique = alternatives.filter { seen.insert($0).inserted }
            if unique.count > maxExpandedAlternatives {
                throw SyntaxError(column: column, message: "\(unique.count) alternatives once its classes are expanded, at most \(maxExpandedAlternatives)")
            }
            return PatternElement(alternatives: unique, maxGapBefore: 0)
        }

        /// `@name`: the entries of a vocabulary class.
        mutating func readClass() throws(SyntaxError) -> [[PatternTerm]] {
            let column = index + 1
            index += 1
            var name = ""
            while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" {
                name.append(chars[index])
                index += 1
            }
            if name.isEmpty { throw SyntaxError(column: column, message: "'@' must be followed by a class name, as in @detain") }
            guard let entries = vocabulary.entries(of: name) else {
                let suggestion = vocabulary.closestName(to: name).map { "; did you mean '@\($0)'?" } ?? ""
                throw SyntaxError(column: column, message: "unknown class '@\(name)'\(suggestion)", kind: .unknownClass(name))
            }
            if !classes.contains(name) { classes.append(name) }
            return entries
        }

        /// `{part part … ~N}`.
        mutating func readFrame(gapBefore: Int) throws(SyntaxError) -> Item {
            let column = index + 1
            index += 1
            var parts: [(PatternElement, String)] = []
            var window: Int?
            while true {
                skipSpaces()
                guard index < chars.count else { throw SyntaxError(column: column, message: "'{' is never closed") }
                let partColumn = index + 1
                switch chars[index] {
                case "}":
                    index += 1
                    guard parts.count > 1 else {
                        throw SyntaxError(column: column, message: "a frame needs two or more parts, in any order; with one part write it without braces",
                                          kind: .singlePartFrame)
                    }
                    if parts.count > maxFrameParts {
                        throw SyntaxError(column: column, message: "\(parts.count) parts in a frame, at most \(maxFrameParts)")
                    }
                    return .frame(parts: parts, window: window ?? defaultFrameWindow, gapBefore: gapBefore)
                case "~":
                    if window != nil { throw SyntaxError(column: partColumn, message: "a frame takes one '~N', its window, at the end") }
                    window = try readGap()
                    skipSpaces()
                    guard index < chars.count, chars[index] == "}" else {
                        throw SyntaxError(column: partColumn, message: "a frame's window '~N' stands last, before '}'")
                    }
                case "{":
                    throw SyntaxError(column: partColumn, message: "frames cannot be nested")
                case ")", "|":
                    throw SyntaxError(column: partColumn, message: "'\(chars[index])' without '('")
                default:
                    let start = index
                    let part = try readElement()
                    parts.append((part, String(chars[start ..< index])))
                }
            }
        }

        mutating func readWord() throws(SyntaxError) -> PatternTerm {
            let startColumn = index + 1
            var word = ""
            while index < chars.count, !" \t()|~{}@".contains(chars[index]) {
                word.append(chars[index])
                index += 1
            }
            return try PatternParser.term(word, column: startColumn)
        }

        /// The sequences the items stand for: one per order of the frame's parts.
        func build(_ items: [Item]) -> Pattern {
            var sequences: [[PatternElement]] = [[]]
            var frameParts = 0
            var written: [String] = []
            for item in items {
                switch item {
                case let .element(element, text):
                    written.append((element.maxGapBefore > 0 ? "~\(element.maxGapBefore) " : "") + text)
                    for index in sequences.indices { sequences[index].append(element) }
                case let .frame(parts, window, gapBefore):
                    frameParts = parts.count
                    written.append((gapBefore > 0 ? "~\(gapBefore) " : "") + "{" + parts.map(\.1).joined(separator: " ") + " ~\(window)}")
                    let orders = permutations(Array(parts.indices))
                    sequences = sequences.flatMap { prefix in
                        orders.map { order in
                            prefix + order.enumerated().map { position, part in
                                var element = parts[part].0
                                element.maxGapBefore = position == 0 ? gapBefore : window
                                return element
                            }
                        }
                    }
                }
            }
            return Pattern(sequences: sequences, frameParts: frameParts, classes: classes, canonical: written.joined(separator: " "))
        }
    }

    /// Every order of `items`, the given order first.
    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }

    /// One written word as a term: exact, or a prefix when it ends in `*`.
    static func term(_ written: String, column: Int) throws(SyntaxError) -> PatternTerm {
        var word = written
        var isPrefix = false
        if word.hasSuffix("*") { isPrefix = true; word.removeLast() }
        if word.isEmpty { throw SyntaxError(column: column, message: "expected a word") }
        if word.contains("*") {
            throw SyntaxError(column: column, message: "'*' may only end a word ('\(word)*'): it matches any token starting with the word")
        }
        let scanned = TextScanner.scan(word)
        guard scanned.tokens.count == 1, scanned.word(0) == TextNormalizer.foldWord(word), scanned.tokens[0].end == word.unicodeScalars.count else {
            let suggestion = scanned.tokens.indices.map(scanned.word).joined(separator: " ")
            throw SyntaxError(column: column, message: "'\(word)' is not one token; write '\(suggestion)' (punctuation separates tokens)")
        }
        if word != scanned.word(0) {
            throw SyntaxError(column: column, message: "write words in lower case without diacritics: '\(scanned.word(0))', not '\(word)'")
        }
        if isPrefix && word.count < minPrefixLength {
            throw SyntaxError(column: column, message: "a prefix needs at least \(minPrefixLength) letters before '*' ('\(word)*' would match too much)")
        }
        return isPrefix ? .prefix(word) : .exact(word)
    }
}
