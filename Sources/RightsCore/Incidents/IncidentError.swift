import Foundation

/// Why the incident settings or the people word lists could not be read.
public enum IncidentError: Error, Sendable, Equatable, LocalizedError {
    /// Problems in `rules/people.yaml` or the `incidents:` section of `rules/scoring.yaml`, each
    /// with its file and line.
    case rules([Diagnostic])

    public var errorDescription: String? {
        switch self {
        case let .rules(diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return "the incident rules have \(errors.count) error\(errors.count == 1 ? "" : "s"):\n"
                + errors.prefix(20).map(\.description).joined(separator: "\n")
        }
    }
}
