import Foundation

/// Removes scraped page noise line by line and keeps a map back to the original.
///
/// Works on lines because scrapers emit one block (paragraph, caption, menu item) per line.
/// Kept lines are trimmed and their odd spaces made plain; the cleaned text joins them with
/// single newlines, so a newline in the cleaned text is always a paragraph break.
public struct BoilerplateCleaner: Sendable {
    public let rules: BoilerplateRules

    public init(rules: BoilerplateRules) {
        self.rules = rules
    }

    /// - Parameter original: the decoded article, already in NFC.
    /// - Complexity: O(n) in the length of the text, plus the line patterns on each short line.
    public func clean(_ original: String) -> CleanedText {
        let lines = Self.splitLines(original)

        var verdicts = [RemovedLine.Reason?](repeating: nil, count: lines.count)
        var footerFrom: Int?
        for (index, line) in lines.enumerated() where !line.trimmed.isEmpty {
            let key = BoilerplateRules.key(Self.stripBullet(line.trimmed))
            if footerFrom == nil, rules.footerStarts.contains(where: { key.hasPrefix($0) }) {
                footerFrom = index
            }
            if let footerFrom, index >= footerFrom { verdicts[index] = .footer; continue }
            if rules.navigationLines.contains(key) { verdicts[index] = .navigation; continue }
            if rules.linePrefixes.contains(where: { key.hasPrefix($0) }) { verdicts[index] = .pattern; continue }
            if line.trimmed.count <= 200, rules.matchesPattern(line.trimmed) { verdicts[index] = .pattern; continue }
        }
        markRepeats(lines, &verdicts)

        var text = ""
        var segments: [OffsetSegment] = []
        var removed: [RemovedLine] = []
        var cleanedLength = 0
        for (index, line) in lines.enumerated() {
            if let reason = verdicts[index] {
                removed.append(RemovedLine(line: index + 1, text: line.trimmed, reason: reason))
                continue
            }
            if line.trimmed.isEmpty { continue }
            if cleanedLength > 0 {
                text.unicodeScalars.append("\n")
                cleanedLength += 1
            }
            var count = 0
            for scalar in line.trimmed.unicodeScalars {
                text.unicodeScalars.append(TextNormalizer.plainSpace(scalar))
                count += 1
            }
            segments.append(OffsetSegment(cleanedStart: cleanedLength, originalStart: line.trimmedStart, length: count))
            cleanedLength += count
        }
        return CleanedText(text: text, segments: segments, removedLines: removed)
    }

    private func markRepeats(_ lines: [Line], _ verdicts: inout [RemovedLine.Reason?]) {
        var firstSeen: [String: Int] = [:]
        var previousKept: Int?
        var headline: Int?
        for (index, line) in lines.enumerated() where verdicts[index] == nil && !line.trimmed.isEmpty {
            defer { previousKept = index }
            if headline == nil { headline = index }
            guard line.trimmed.count >= rules.repeatedLineMinLength else { continue }
            let key = line.trimmed
            guard let first = firstSeen[key] else { firstSeen[key] = index; continue }
            // A caption printed twice in a row (image, then gallery) is not body text at all; but
            // the article's first line printed again at once is its headline, then the body's
            // copy of it (scrapers keep both): one copy stays.
            if previousKept == first, first != headline {
                verdicts[first] = .repeatedCaption
                verdicts[index] = .repeatedCaption
            } else {
                verdicts[index] = .repeatedLine
            }
        }
    }

    struct Line {
        /// The line without surrounding white space (odd spaces included).
        var trimmed: String
        /// Scalar offset of `trimmed` in the original text.
        var trimmedStart: Int
    }

    static func splitLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var current = String.UnicodeScalarView()
        var lineStart = 0
        var offset = 0
        func flush() {
            var scalars = Array(current)
            var lead = 0
            while lead < scalars.count, isSpace(scalars[lead]) { lead += 1 }
            var tail = scalars.count
            while tail > lead, isSpace(scalars[tail - 1]) { tail -= 1 }
            scalars = Array(scalars[lead ..< tail])
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars)
            lines.append(Line(trimmed: string, trimmedStart: lineStart + lead))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                flush()
                offset += 1
                lineStart = offset
            } else {
                current.append(scalar)
                offset += 1
            }
        }
        flush()
        return lines
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        TextNormalizer.plainSpace(scalar) == " " || scalar == "\r"
    }

    /// "• 16x9 Image" and "- item" are compared without their bullet.
    static func stripBullet(_ line: String) -> String {
        guard let first = line.unicodeScalars.first, ["•", "-", "*", "–", "·", "▪"].contains(first) else { return line }
        return String(line.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces)
    }
}
