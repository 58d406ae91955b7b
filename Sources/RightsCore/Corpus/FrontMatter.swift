import Foundation
import Yams

/// YAML front matter between `---` lines at the top of a text or Markdown file.
enum FrontMatter {
    struct Split {
        var metadata: ArticleMetadata
        var body: String
        var unknownKeys: [String]
    }

    static let knownKeys: Set<String> = ["id", "title", "source", "url", "published", "language", "date"]

    /// Splits off and parses the front matter; a file without one is all body.
    /// - Throws: `CorpusError.badFrontMatter` with the YAML problem; the caller adds the file.
    static func split(_ text: String) throws -> Split {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return Split(metadata: ArticleMetadata(), body: text, unknownKeys: [])
        }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces)
            return line == "---" || line == "..."
        }) else {
            throw CorpusError.badFrontMatter(reason: "opening '---' on line 1 is never closed")
        }
        let yaml = lines[1 ..< end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw CorpusError.badFrontMatter(reason: describe(error, lineOffset: 1))
        } catch {
            throw CorpusError.badFrontMatter(reason: String(describing: error))
        }
        guard let node else { return Split(metadata: ArticleMetadata(), body: body, unknownKeys: []) }
        guard let mapping = node.mapping else {
            throw CorpusError.badFrontMatter(reason: "must be a mapping of keys (title:, published: …)")
        }
        var metadata = ArticleMetadata()
        var unknown: [String] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { continue }
            guard let value = valueNode.scalar?.string else {
                if knownKeys.contains(key) {
                    throw CorpusError.badFrontMatter(reason: "line \(keyNode.mark.map { $0.line + 1 } ?? 0): `\(key)` must be a single value")
                }
                unknown.append(key)
                continue
            }
            switch key {
            case "id": metadata.id = value
            case "title": metadata.title = value
            case "source": metadata.source = value
            case "url": metadata.url = value
            case "published", "date": metadata.published = value
            case "language": metadata.language = value
            default: unknown.append(key)
            }
        }
        return Split(metadata: metadata, body: body, unknownKeys: unknown.sorted())
    }

    static func describe(_ error: YamlError, lineOffset: Int) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            return "line \(mark.line + lineOffset): \(problem)\(context.map { " \($0.text)" } ?? "")"
        default:
            return String(describing: error)
        }
    }
}
