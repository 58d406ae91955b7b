/// Parses pattern text; errors carry the 1-based column inside the pattern.
public enum PatternParser {
    public struct SyntaxError: Error, Equatable, Sendable {
        public var column: Int
        public var message: String
    }

    public static let maxGap = 8
    public static let maxAlternatives = 256
    public static let minPrefixLength = 3

    public static func parse(_ text: String) throws(SyntaxError) -> Pattern {
        let chars = Array(text)
        var index = 0
        var elements: [PatternElement] = []
        var pendingGap: Int?
        var pendingGapColumn = 0

        func skipSpaces() { while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 } }

        func readWord() throws(SyntaxError) -> PatternTerm {
            let startColumn = index + 1
            var word = ""
            while index < chars.count, !" \t()|~".contains(chars[index]) {
                word.append(chars[index])
                index += 1
            }
            var isPrefix = false
            if word.hasSuffix("*") { isPrefix = true; word.removeLast() }
            if word.isEmpty { throw SyntaxError(column: startColumn, message: "expected a word") }
            if word.contains("*") {
                throw SyntaxError(column: startColumn, message: "'*' may only end a word ('\(word)*'): it matches any token starting with the word")
            }
            let scanned = TextScanner.scan(word)
            guard scanned.tokens.count == 1, scanned.word(0) == TextNormalizer.foldWord(word), scanned.tokens[0].end == word.unicodeScalars.count else {
                let suggestion = scanned.tokens.indices.map(scanned.word).joined(separator: " ")
                throw SyntaxError(column: startColumn, message: "'\(word)' is not one token; write '\(suggestion)' (punctuation separates tokens)")
            }
            if word != scanned.word(0) {
                throw SyntaxError(column: startColumn, message: "write words in lower case without diacritics: '\(scanned.word(0))', not '\(word)'")
            }
            if isPrefix && word.count < minPrefixLength {
                throw SyntaxError(column: startColumn, message: "a prefix needs at least \(minPrefixLength) letters before '*' ('\(word)*' would match too much)")
            }
            return isPrefix ? .prefix(word) : .exact(word)
        }

        skipSpaces()
        if index == chars.count { throw SyntaxError(column: 1, message: "empty pattern") }
        while index < chars.count {
            let column = index + 1
            switch chars[index] {
            case "~":
                if elements.isEmpty { throw SyntaxError(column: column, message: "a pattern cannot start with a gap '~N'") }
                if pendingGap != nil { throw SyntaxError(column: column, message: "two gaps in a row; use one '~N'") }
                index += 1
                var digits = ""
                while index < chars.count, chars[index].isNumber { digits.append(chars[index]); index += 1 }
                guard let gap = Int(digits), (1 ... maxGap).contains(gap) else {
                    throw SyntaxError(column: column, message: "a gap is '~N' with N from 1 to \(maxGap)")
                }
                pendingGap = gap
                pendingGapColumn = column
            case "(":
                index += 1
                var alternatives: [[PatternTerm]] = []
                var current: [PatternTerm] = []
                var closed = false
                while index < chars.count {
                    skipSpaces()
                    guard index < chars.count else { break }
                    if chars[index] == ")" {
                        if current.isEmpty { throw SyntaxError(column: index + 1, message: "empty alternative before ')'") }
                        alternatives.append(current)
                        index += 1
                        closed = true
                        break
                    }
                    if chars[index] == "|" {
                        if current.isEmpty { throw SyntaxError(column: index + 1, message: "empty alternative before '|'") }
                        alternatives.append(current)
                        current = []
                        index += 1
                        continue
                    }
                    if chars[index] == "(" { throw SyntaxError(column: index + 1, message: "alternatives cannot be nested") }
                    if chars[index] == "~" { throw SyntaxError(column: index + 1, message: "a gap '~N' cannot stand inside alternatives") }
                    current.append(try readWord())
                }
                if !closed { throw SyntaxError(column: column, message: "'(' is never closed") }
                if alternatives.count > maxAlternatives {
                    throw SyntaxError(column: column, message: "\(alternatives.count) alternatives in one group, at most \(maxAlternatives); split the pattern")
                }
                elements.append(PatternElement(alternatives: alternatives, maxGapBefore: pendingGap ?? 0))
                pendingGap = nil
            case ")":
                throw SyntaxError(column: column, message: "')' without '('")
            case "|":
                throw SyntaxError(column: column, message: "'|' outside parentheses; write alternatives as (a|b)")
            default:
                let term = try readWord()
                elements.append(PatternElement(alternatives: [[term]], maxGapBefore: pendingGap ?? 0))
                pendingGap = nil
            }
            skipSpaces()
        }
        if pendingGap != nil { throw SyntaxError(column: pendingGapColumn, message: "a pattern cannot end with a gap '~N'") }
        return Pattern(elements: elements)
    }
}
