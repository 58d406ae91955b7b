/// What one sentence says of one indicator, whatever country it is about: the kept matches' span,
/// rules, severity, polarity and mark. A finding is evidence placed in a country; evidence that no
/// country could be given waits for a bare list of countries in the next sentence.
struct Evidence {
    var indicator: IndicatorID
    /// The tokens its matches cover, for choosing the name nearest to them.
    var span: Range<Int>
    /// Every pattern that fired for the indicator in the sentence, by id, each once.
    var rules: [RuleID]
    var severity: Int
    var polarity: Polarity
    var qualifier: Qualifier?

    /// The evidence of the kept matches of indicator number `indicator`; `facts` are
    /// `compiled.ruleFacts`, and `ruleIndices` scratch space, both kept by the caller from sentence to sentence.
    init(of kept: [KeptMatch], indicator: Int, compiled: CompiledRules, facts rules: [RuleFacts], ruleIndices: inout [Int]) {
        let items = kept.lazy.filter { rules[$0.match.rule].indicator == indicator }
        var start = Int.max, end = Int.min, severity = Int.min
        var plain = false, denied = false
        ruleIndices.removeAll(keepingCapacity: true)
        for item in items {
            start = min(start, item.match.start)
            end = max(end, item.match.end)
            severity = max(severity, rules[item.match.rule].severity)
            if item.qualifier == nil { plain = true } else if item.qualifier == .denied { denied = true }
            ruleIndices.append(item.match.rule)
        }
        // A handful at most: sorted in place by insertion (ranks are distinct per rule, so any
        // sort gives this order).
        for next in ruleIndices.indices.dropFirst() {
            let rule = ruleIndices[next], rank = rules[rule].rank
            var position = next
            while position > 0, rules[ruleIndices[position - 1]].rank > rank {
                ruleIndices[position] = ruleIndices[position - 1]
                position -= 1
            }
            ruleIndices[position] = rule
        }
        var ruleIDs: [RuleID] = []
        ruleIDs.reserveCapacity(ruleIndices.count)
        for (position, rule) in ruleIndices.enumerated() where position == 0 || ruleIndices[position - 1] != rule {
            let id = compiled.rules[rule].id
            if ruleIDs.last != id { ruleIDs.append(id) }
        }
        self.indicator = compiled.indicators[indicator]
        span = start ..< end
        self.rules = ruleIDs
        self.severity = severity
        // One plain match makes the evidence plain; else a denial outweighs a hedge.
        qualifier = plain ? nil : (denied ? .denied : .alleged)
        // Read in place (most evidence has no improvement, and one pass tells it), not copied into an array.
        polarity = Self.polarity(items.lazy.map { (rules[$0.match.rule].polarity, $0.match) })
    }

    /// An improvement ("pardoned 16 political prisoners") wins over the concern words inside it
    /// ("political prisoners"); a concern anywhere else in the sentence keeps it a concern.
    static func polarity<Matches: Collection>(_ matches: Matches) -> Polarity where Matches.Element == (Polarity, RuleMatch) {
        guard matches.contains(where: { $0.0 == .improvement }) else { return .concern }
        for (polarity, concern) in matches where polarity == .concern {
            guard matches.contains(where: { $0.0 == .improvement && $0.1.start <= concern.start && concern.end <= $0.1.end }) else { return .concern }
        }
        return .improvement
    }
}
