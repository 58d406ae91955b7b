/// Receives the steps of choosing a finding's country. The analysis pipeline's trace ignores them
/// (and, as the attributor is specialised for it, never builds their text); `explain` collects them.
public protocol AttributionTrace {
    mutating func attributionStep(_ description: @autoclosure () -> String)
}

/// One step of deciding a finding's country, for `explain`.
public struct AttributionStep: Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
