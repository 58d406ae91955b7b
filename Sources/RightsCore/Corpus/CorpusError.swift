import Foundation

/// Why an input (a file, or one line of a JSONL/CSV file) was rejected.
public enum CorpusError: Error, Equatable, Sendable, LocalizedError {
    case unreadable(reason: String)
    case binaryFile
    case emptyFile
    case tooLarge(bytes: Int, limit: Int)
    case malformedJSON(reason: String)
    case notAnObject
    case wrongType(key: String, expected: String)
    case missingBody
    case bodyAndFile
    case unsafePath(String)
    case csvMissingHeader
    case csvNoBodyColumn
    case csvColumnCount(expected: Int, found: Int)
    case csvUnterminatedQuote
    case badFrontMatter(reason: String)
    case unparseableDate(String)
    /// A date in a known form that cannot be right: a time that does not exist, a year out of range.
    case badDate(String, PublishedDate.Problem)
    case unsupportedFile(extension: String)
    case fileNameNotUTF8
    case idInUse(id: String, by: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(reason): return "cannot read: \(reason)"
        case .binaryFile: return "binary file (contains NUL bytes), not text"
        case .emptyFile: return "empty: no article text"
        case let .tooLarge(bytes, limit): return "too large: \(bytes) bytes, the limit is \(limit) (raise it with --max-bytes)"
        case let .malformedJSON(reason): return "malformed JSON: \(reason)"
        case .notAnObject: return "a JSON line must be an object with `body` or `file`"
        case let .wrongType(key, expected): return "`\(key)` must be \(expected)"
        case .missingBody: return "no `body` and no `file`: nothing to ingest"
        case .bodyAndFile: return "both `body` and `file` given: use one"
        case let .unsafePath(path): return "`file` \(path) leads outside the folder of the manifest; only relative paths below it are read"
        case .csvMissingHeader: return "no header row: the first row must name the columns (id,title,source,url,published,language,body)"
        case .csvNoBodyColumn: return "the header names no `body` or `file` column"
        case let .csvColumnCount(expected, found): return "row has \(found) fields, the header has \(expected)"
        case .csvUnterminatedQuote: return "a quoted field is never closed"
        case let .badFrontMatter(reason): return "bad front matter: \(reason)"
        case let .unparseableDate(value): return "unparseable date '\(value)': use YYYY-MM-DD (ISO 8601)"
        case let .badDate(value, problem): return "bad date '\(value)': \(problem)"
        case let .unsupportedFile(ext): return "unsupported file type '.\(ext)': use .txt, .md, .jsonl or .csv"
        case .fileNameNotUTF8: return "the name is not valid UTF-8 (bytes shown as \\xNN), so it cannot be an id: rename it"
        case let .idInUse(id, other): return "id '\(id)' is already used by a different article (\(other)) in this batch"
        }
    }
}

/// One rejected input, with where it was.
public struct IngestProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var error: CorpusError

    public init(_ location: SourceLocation, _ error: CorpusError) {
        self.location = location
        self.error = error
    }

    public var description: String { "\(location): \(error.localizedDescription)" }
}

/// Something accepted with a caveat (invalid UTF-8 replaced, an unknown key ignored).
public struct IngestWarning: Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): warning: \(message)" }
}
