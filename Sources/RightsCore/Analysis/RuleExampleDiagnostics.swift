extension RuleExampleRunner {
    /// Every example of `rules` run through the compiled engine, the failures as diagnostics
    /// (R034, R035): what `RulesChecker.check` is given to run the examples.
    public static func diagnostics(_ rules: RuleSet) -> [Diagnostic] {
        RuleExampleRunner(CompiledRules(rules)).run().filter { !$0.passed }.map { result in
            switch result.kind {
            case .match:
                return Diagnostic(.exampleNotMatched, result.location, "must-match example does not match (\(result.detail)): \"\(result.example)\"", subject: result.rule.rawValue)
            case .noMatch:
                return Diagnostic(.counterExampleMatched, result.location, "must-not-match example matches (\(result.detail)): \"\(result.example)\"", subject: result.rule.rawValue)
            }
        }
    }
}
