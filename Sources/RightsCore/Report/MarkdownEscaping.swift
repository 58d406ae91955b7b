/// Escaping for text from articles and rule files placed into Markdown.
///
/// Mustache escapes for HTML, which is wrong for Markdown; our templates render as plain text
/// and every value is escaped here instead, so that a quote holding `|`, `*`, `_`, `<`, a
/// backtick or a leading `#` cannot break a table or inject HTML.
public enum MarkdownEscaping {
    /// Characters with inline meaning in CommonMark/GFM: always escaped with a backslash.
    static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "&", "$"]

    /// Text for a paragraph, list item, blockquote or table cell: one line, every Markdown
    /// character escaped, and a line start that could open a block (`-`, `+`, `1.`) defused.
    public static func text(_ value: String) -> String {
        var result = ""
        for character in value {
            if character == "\n" || character == "\r" || character == "\t" { result.append(" "); continue }
            if inline.contains(character) { result.append("\\") }
            result.append(character)
        }
        var trimmed = Substring(result)
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        result = String(trimmed)
        if let first = result.first, first == "-" || first == "+" || first == "=" {
            result = "\\" + result
        }
        // "1. " or "1) " at a line start would open an ordered list.
        if let digitsEnd = result.firstIndex(where: { !$0.isNumber }), digitsEnd != result.startIndex,
           result[digitsEnd] == "." || result[digitsEnd] == ")" {
            result.insert("\\", at: digitsEnd)
        }
        return result
    }

    /// A link target, or nil when the URL is not http(s): no `javascript:` links in a brief.
    public static func url(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        let lower = value.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            case "\"": result += "%22"
            case "\n", "\r", "\t": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `[label](url)`, or the escaped label alone when there is no usable URL.
    public static func link(_ label: String, _ url: String?) -> String {
        guard let target = self.url(url) else { return text(label) }
        return "[\(text(label))](\(target))"
    }
}

/// Escaping for SVG/XML text and attributes.
enum XMLEscaping {
    static func text(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
