import Foundation

/// Why a gold, manifest or findings file given to the evaluator was rejected.
///
/// Every case carries the place (`file:line`) so that a person can fix the file:
/// `gold.jsonl:12: unknown level 'likely': use core or acceptable`.
public enum EvaluationError: Error, Equatable, Sendable, LocalizedError {
    case unreadable(SourceLocation, reason: String)
    case lineTooLong(SourceLocation, bytes: Int, limit: Int)
    case malformedJSON(SourceLocation, reason: String)
    case notAnObject(SourceLocation)
    case missingField(SourceLocation, key: String)
    case wrongType(SourceLocation, key: String, expected: String)
    case unknownLevel(SourceLocation, value: String)
    case emptyFile(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case let .unreadable(location, _), let .lineTooLong(location, _, _), let .malformedJSON(location, _), let .notAnObject(location),
             let .missingField(location, _), let .wrongType(location, _, _), let .unknownLevel(location, _), let .emptyFile(location):
            return location
        }
    }

    public var errorDescription: String? {
        let problem: String
        switch self {
        case let .unreadable(_, reason): problem = "cannot read: \(reason)"
        case let .lineTooLong(_, bytes, limit): problem = "line of \(bytes) bytes, the limit is \(limit)"
        case let .malformedJSON(_, reason): problem = "malformed JSON: \(reason)"
        case .notAnObject: problem = "each line must be a JSON object"
        case let .missingField(_, key): problem = "missing field `\(key)`"
        case let .wrongType(_, key, expected): problem = "`\(key)` must be \(expected)"
        case let .unknownLevel(_, value): problem = "unknown level '\(value)': use core or acceptable"
        case .emptyFile: problem = "no JSON lines: the file is empty"
        }
        return "\(location): \(problem)"
    }
}
