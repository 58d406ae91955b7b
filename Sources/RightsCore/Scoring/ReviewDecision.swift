import Foundation

/// A reviewer's decision on a finding, from the spreadsheet round trip.
public enum ReviewDecision: String, Sendable, Codable, CaseIterable {
    case accepted
    case rejected
    case followUp = "needs follow-up"

    /// Reads the words a reviewer may type (case and spacing forgiven).
    public init?(word: String) {
        let key = word.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        switch key {
        case "accepted", "accept", "yes", "ok": self = .accepted
        case "rejected", "reject", "no": self = .rejected
        case "needs follow up", "follow up", "followup", "needs followup": self = .followUp
        default: return nil
        }
    }
}
