/// The outcome of one example of one rule.
public struct ExampleResult: Sendable, Equatable {
    public enum Kind: String, Sendable { case match, noMatch = "no_match" }
    public var rule: RuleID
    public var kind: Kind
    public var example: String
    public var passed: Bool
    /// What happened instead, when it failed ("vetoed by …", "did not fire").
    public var detail: String
    public var location: SourceLocation
}

/// Runs every pattern's and exclusion's own examples through the compiled engine, the way
/// `rules test` and the test suite do: a `match` example must fire the pattern (and not be
/// vetoed), a `no_match` example must not produce it.
public struct RuleExampleRunner: Sendable {
    public let analyzer: ArticleAnalyzer

    public init(_ compiled: CompiledRules) {
        analyzer = ArticleAnalyzer(compiled)
    }

    public func run(filter: String? = nil) -> [ExampleResult] {
        runCounting(filter: filter).results
    }

    /// What every rule did in one example text: each text is analysed once, however many rules
    /// give it as an example. (Analysing it once per rule made `rules check` quadratic in a big
    /// indicator file whose rules share examples: every analysis fires all of them.)
    private struct TextOutcome {
        /// The matched text of each rule that fired unvetoed, from the first sentence it fired in.
        var fired: [RuleID: String] = [:]
        /// The first reason each rule was vetoed.
        var vetoed: [RuleID: String] = [:]
        /// The exclusions that fired.
        var exclusions: Set<RuleID> = []
    }

    /// `run`, with the number of texts analysed (each distinct example once).
    func runCounting(filter: String? = nil) -> (results: [ExampleResult], analyses: Int) {
        var results: [ExampleResult] = []
        let compiled = analyzer.compiled
        var outcomes: [String: TextOutcome] = [:]
        var exclusionScans: [String: Set<RuleID>] = [:]
        func outcome(_ text: String) -> TextOutcome {
            if let known = outcomes[text] { return known }
            var result = TextOutcome()
            for sentence in reports(text) {
                for match in sentence.matches where result.fired[match.rule] == nil { result.fired[match.rule] = match.text }
                for veto in sentence.vetoed where result.vetoed[veto.rule] == nil { result.vetoed[veto.rule] = veto.reason }
            }
            outcomes[text] = result
            return result
        }
        func fires(_ rule: RuleID, in text: String) -> (fired: Bool, reason: String) {
            let known = outcome(text)
            if let matched = known.fired[rule] { return (true, matched) }
            if let reason = known.vetoed[rule] { return (false, "matched but \(reason)") }
            return (false, "the pattern did not match")
        }
        func excludes(_ exclusion: RuleID, in text: String) -> Bool {
            if let known = exclusionScans[text] { return known.contains(exclusion) }
            let prepared = compiled.prepare(text)
            let scan = compiled.scan(prepared, 0 ..< prepared.tokens.count)
            let fired = Set(scan.exclusions.map { compiled.exclusions[$0.rule].id })
            exclusionScans[text] = fired
            return fired.contains(exclusion)
        }
        for rule in compiled.rules where filter.map({ rule.id.rawValue.contains($0) }) ?? true {
            for example in rule.examples.match {
                let outcome = fires(rule.id, in: example)
                results.append(ExampleResult(rule: rule.id, kind: .match, example: example, passed: outcome.fired,
                                             detail: outcome.fired ? "" : outcome.reason, location: rule.location))
            }
            for example in rule.examples.noMatch {
                let outcome = fires(rule.id, in: example)
                results.append(ExampleResult(rule: rule.id, kind: .noMatch, example: example, passed: !outcome.fired,
                                             detail: outcome.fired ? "fired on \"\(outcome.reason)\"" : "", location: rule.location))
            }
        }
        for exclusion in compiled.exclusions where filter.map({ exclusion.id.rawValue.contains($0) }) ?? true {
            for example in exclusion.examples.match {
                let fired = excludes(exclusion.id, in: example)
                results.append(ExampleResult(rule: exclusion.id, kind: .match, example: example, passed: fired,
                                             detail: fired ? "" : "the exclusion did not fire", location: exclusion.location))
            }
            for example in exclusion.examples.noMatch {
                let fired = excludes(exclusion.id, in: example)
                results.append(ExampleResult(rule: exclusion.id, kind: .noMatch, example: example, passed: !fired,
                                             detail: fired ? "the exclusion fired" : "", location: exclusion.location))
            }
        }
        return (results, outcomes.count + exclusionScans.count)
    }

    /// Whether `rule` fires (unvetoed) in `text`; the reason or matched text otherwise.
    public func fires(_ rule: RuleID, in text: String) -> (fired: Bool, reason: String) {
        let sentences = reports(text)
        for sentence in sentences {
            if let match = sentence.matches.first(where: { $0.rule == rule }) { return (true, match.text) }
        }
        for sentence in sentences {
            if let veto = sentence.vetoed.first(where: { $0.rule == rule }) { return (false, "matched but \(veto.reason)") }
        }
        return (false, "the pattern did not match")
    }

    /// What fired and what was vetoed in each sentence of `text`, as the analysis traced it.
    private func reports(_ text: String) -> [SentenceReport] {
        var trace = TraceCollector()
        _ = analyzer.analyze(text: text, trace: &trace)
        return trace.sentences
    }

    func excludes(_ exclusion: RuleID, in text: String) -> Bool {
        let compiled = analyzer.compiled
        let prepared = compiled.prepare(text)
        let scan = compiled.scan(prepared, 0 ..< prepared.tokens.count)
        return scan.exclusions.contains { compiled.exclusions[$0.rule].id == exclusion }
    }
}
