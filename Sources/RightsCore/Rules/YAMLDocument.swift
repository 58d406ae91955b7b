import Foundation
import Yams

/// Reads a YAML file as a node tree and collects diagnostics with file, line and column,
/// instead of stopping at the first problem: `rules check` reports every one.
struct YAMLDocument {
    let file: String
    let root: Node?
    var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            root = nil
            diagnostics.append(Diagnostic(.yamlSyntax, Self.location(of: error, file: file), Self.describe(error)))
        } catch {
            root = nil
            diagnostics.append(Diagnostic(.yamlSyntax, SourceLocation(file: file), String(describing: error)))
        }
    }

    static func load(_ url: URL, display: String) -> YAMLDocument {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            var document = YAMLDocument(file: display, text: "")
            document.diagnostics.append(Diagnostic(.unreadableFile, SourceLocation(file: display), "cannot read the file"))
            return document
        }
        if data.count > 20_000_000 {
            var document = YAMLDocument(file: display, text: "")
            document.diagnostics.append(Diagnostic(.unreadableFile, SourceLocation(file: display), "larger than 20 MB: not a rule file"))
            return document
        }
        return YAMLDocument(file: display, text: String(decoding: data, as: UTF8.self))
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Where the construct that failed began (an unclosed quote's opening), else where it failed.
    static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(context, _, mark, _), let .parser(context, _, mark, _), let .composer(context, _, mark, _):
            let place = context?.mark ?? mark
            return SourceLocation(file: file, line: place.line, column: place.column)
        default:
            return SourceLocation(file: file)
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _):
            return problem + (context.map { " (\($0.text))" } ?? "")
        case let .composer(context, problem, _, _):
            return problem + (context.map { " (\($0.text))" } ?? "")
        default:
            return String(describing: error)
        }
    }

    // MARK: Typed access that reports instead of throwing

    /// The entries of a mapping node; reports unknown keys with a "did you mean" suggestion.
    mutating func mapping(_ node: Node?, what: String, known: [String], subject: String? = nil) -> [String: (key: Node, value: Node)]? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(.wrongType, location(node), "\(what) must be a mapping of keys", subject: subject))
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            if !known.contains(key) {
                let suggestion = Self.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(Diagnostic(.unknownKey, location(keyNode), "unknown key '\(key)' in \(what)\(suggestion)", subject: subject))
                continue
            }
            entries[key] = (keyNode, valueNode)
        }
        return entries
    }

    mutating func require(_ entries: [String: (key: Node, value: Node)], _ key: String, in node: Node, what: String, subject: String? = nil) -> Node? {
        if let entry = entries[key] { return entry.value }
        diagnostics.append(Diagnostic(.missingKey, location(node), "\(what) has no '\(key)'", subject: subject))
        return nil
    }

    mutating func string(_ node: Node?, key: String, subject: String? = nil) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue || !scalar.string.isEmpty else {
            diagnostics.append(Diagnostic(.wrongType, location(node), "'\(key)' must be text", subject: subject))
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node?, key: String, subject: String? = nil) -> Double? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Double(text) else {
            diagnostics.append(Diagnostic(.wrongType, location(node), "'\(key)' must be a number", subject: subject))
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node?, key: String, subject: String? = nil) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            diagnostics.append(Diagnostic(.wrongType, location(node), "'\(key)' must be a whole number", subject: subject))
            return nil
        }
        return value
    }

    /// A whole number in `range`; outside it, an error (R005) and nil. Counts of tokens read from
    /// a rules folder are bounded so that no window reaches past what an index can hold.
    mutating func integer(_ node: Node?, key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = integer(node, key: key), let node else { return nil }
        guard range.contains(value) else {
            diagnostics.append(Diagnostic(.outOfRange, location(node), "'\(key)' \(value) is out of range \(range.lowerBound)–\(range.upperBound)"))
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node?, key: String, subject: String? = nil) -> [Node]? {
        guard let node else { return nil }
        if let sequence = node.sequence { return Array(sequence) }
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return [] }
        diagnostics.append(Diagnostic(.wrongType, location(node), "'\(key)' must be a list", subject: subject))
        return nil
    }

    mutating func strings(_ node: Node?, key: String, subject: String? = nil) -> [(String, Node)] {
        guard let items = sequence(node, key: key, subject: subject) else { return [] }
        return items.compactMap { item in string(item, key: key, subject: subject).map { ($0, item) } }
    }

    /// The closest known word within a small edit distance, for "did you mean".
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let best = scored, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count)
        for i in 1 ... a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
