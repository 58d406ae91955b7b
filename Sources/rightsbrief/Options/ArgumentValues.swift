import ArgumentParser
import Foundation
import RightsCore

/// `--month YYYY-MM`, checked when the arguments are parsed: a bad month is a usage error (exit 2)
/// before any store is opened.
extension Month: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var defaultValueDescription: String { "YYYY-MM" }
}

/// Every path option and argument: resolved below the current directory unless absolute, shown
/// back as typed (the default value in help too).
extension GivenPath: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
