import ArgumentParser
import RightsCore

/// `--month YYYY-MM`, checked when the arguments are parsed: a bad month is a usage error (exit 2)
/// before any store is opened.
extension Month: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var defaultValueDescription: String { "YYYY-MM" }
}
