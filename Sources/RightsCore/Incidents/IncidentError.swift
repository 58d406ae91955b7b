import Foundation

/// Why the incident settings or the people word lists could not be read.
public enum IncidentError: Error, Sendable, Equatable, LocalizedError {
    /// Problems in `rules/people.yaml` or the `incidents:` section of `rules/scoring.yaml`, each
    /// with its file and line.
    case rules([Diagnostic])

    public var errorDescription: String? {
        switch self {
        case let .rules(diagnostics):
            // Warnings too: an unknown key here would silently leave a setting at its default.
            return "the incident rules have \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s"):\n"
                + diagnostics.prefix(20).map(\.description).joined(separator: "\n")
        }
    }
}
