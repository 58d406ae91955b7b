import Yams

/// Reads one indicator file (and exclusion entries) from its YAML node tree.
enum IndicatorReader {
    static let indicatorKeys = ["id", "name", "description", "weight", "references", "patterns", "exclusions"]
    static let patternKeys = ["id", "pattern", "severity", "polarity", "examples"]
    static let exclusionKeys = ["id", "pattern", "reason", "examples", "indicators"]
    static let exampleKeys = ["match", "no_match"]

    static func read(_ doc: inout YAMLDocument, fileStem: String, references: [String: String], vocabulary: Vocabulary) -> Indicator? {
        guard let root = doc.root else { return nil }
        guard let top = doc.mapping(root, what: "an indicator file", known: indicatorKeys) else { return nil }
        guard let idNode = doc.require(top, "id", in: root, what: "the indicator"),
              let id = doc.string(idNode, key: "id") else { return nil }
        let indicatorID = IndicatorID(id)
        if id != fileStem {
            doc.diagnostics.append(Diagnostic(.fileNameMismatch, doc.location(idNode),
                                              "indicator id '\(id)' does not match the file name '\(fileStem).yaml'; rename one of them", subject: id))
        }
        let name = doc.string(doc.require(top, "name", in: root, what: "indicator \(id)", subject: id), key: "name", subject: id) ?? id
        let description = doc.string(top["description"]?.value, key: "description", subject: id) ?? ""
        var weight = 1.0
        if let weightNode = doc.require(top, "weight", in: root, what: "indicator \(id)", subject: id),
           let value = doc.number(weightNode, key: "weight", subject: id) {
            if !(0.1 ... 5).contains(value) {
                doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(weightNode), "weight \(value) is out of range 0.1–5", subject: id))
            }
            weight = value
        }
        var referenceCodes: [String] = []
        for (code, node) in doc.strings(top["references"]?.value, key: "references", subject: id) {
            if references[code] == nil {
                let suggestion = YAMLDocument.closest(to: code, in: Array(references.keys)).map { "; did you mean '\($0)'?" } ?? ""
                doc.diagnostics.append(Diagnostic(.unknownReference, doc.location(node),
                                                  "reference '\(code)' is not in references.yaml\(suggestion)", subject: id))
            }
            referenceCodes.append(code)
        }
        var patterns: [PatternRule] = []
        if let patternsNode = doc.require(top, "patterns", in: root, what: "indicator \(id)", subject: id),
           let list = doc.sequence(patternsNode, key: "patterns", subject: id) {
            if list.isEmpty {
                doc.diagnostics.append(Diagnostic(.emptyList, doc.location(patternsNode), "'patterns' is empty: an indicator needs at least one pattern", subject: id))
            }
            patterns = list.compactMap { patternRule(&doc, $0, indicator: indicatorID, vocabulary: vocabulary) }
        }
        let exclusions = (doc.sequence(top["exclusions"]?.value, key: "exclusions", subject: id) ?? [])
            .compactMap { exclusion(&doc, $0, indicator: indicatorID, vocabulary: vocabulary) }
        return Indicator(id: indicatorID, name: name, description: description, weight: weight, references: referenceCodes,
                         patterns: patterns, exclusions: exclusions, location: doc.location(root))
    }

    static func patternRule(_ doc: inout YAMLDocument, _ node: Node, indicator: IndicatorID, vocabulary: Vocabulary) -> PatternRule? {
        guard let entries = doc.mapping(node, what: "a pattern", known: patternKeys, subject: indicator.rawValue) else { return nil }
        guard let idNode = doc.require(entries, "id", in: node, what: "a pattern of \(indicator)", subject: indicator.rawValue),
              let id = doc.string(idNode, key: "id") else { return nil }
        checkRuleID(&doc, id, node: idNode, indicator: indicator)
        guard let patternNode = doc.require(entries, "pattern", in: node, what: "pattern \(id)", subject: id),
              let source = doc.string(patternNode, key: "pattern", subject: id),
              let pattern = parse(&doc, source, node: patternNode, subject: id, vocabulary: vocabulary) else { return nil }
        var severity = 2
        if let severityNode = doc.require(entries, "severity", in: node, what: "pattern \(id)", subject: id),
           let value = doc.integer(severityNode, key: "severity", subject: id) {
            if !(1 ... 3).contains(value) {
                doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(severityNode), "severity \(value) is out of range 1–3", subject: id))
            }
            severity = min(3, max(1, value))
        }
        var polarity = Polarity.concern
        if let polarityNode = doc.require(entries, "polarity", in: node, what: "pattern \(id)", subject: id),
           let value = doc.string(polarityNode, key: "polarity", subject: id) {
            if let parsed = Polarity(rawValue: value) { polarity = parsed } else {
                doc.diagnostics.append(Diagnostic(.wrongType, doc.location(polarityNode), "polarity '\(value)' must be 'concern' or 'improvement'", subject: id))
            }
        }
        let examples = readExamples(&doc, entries["examples"]?.value, subject: id)
        return PatternRule(id: RuleID(id), indicator: indicator, source: source, pattern: pattern, severity: severity,
                           polarity: polarity, examples: examples, location: doc.location(node), patternLocation: doc.location(patternNode))
    }

    static func exclusion(_ doc: inout YAMLDocument, _ node: Node, indicator: IndicatorID?, vocabulary: Vocabulary) -> ExclusionRule? {
        let owner = indicator?.rawValue ?? "global"
        guard let entries = doc.mapping(node, what: "an exclusion", known: exclusionKeys, subject: owner) else { return nil }
        guard let idNode = doc.require(entries, "id", in: node, what: "an exclusion of \(owner)", subject: owner),
              let id = doc.string(idNode, key: "id") else { return nil }
        checkRuleID(&doc, id, node: idNode, indicator: indicator)
        guard let patternNode = doc.require(entries, "pattern", in: node, what: "exclusion \(id)", subject: id),
              let source = doc.string(patternNode, key: "pattern", subject: id),
              let pattern = parse(&doc, source, node: patternNode, subject: id, vocabulary: vocabulary) else { return nil }
        let reason = doc.string(entries["reason"]?.value, key: "reason", subject: id) ?? ""
        let examples = readExamples(&doc, entries["examples"]?.value, subject: id)
        let scopeNode = entries["indicators"]?.value
        if indicator != nil, let scopeNode {
            doc.diagnostics.append(Diagnostic(.unknownKey, doc.location(scopeNode), "'indicators' only belongs to global exclusions in exclusions.yaml; an indicator's own exclusion vetoes that indicator", subject: id))
        }
        let scope = doc.strings(scopeNode, key: "indicators", subject: id).map { IndicatorID($0.0) }
        return ExclusionRule(id: RuleID(id), indicator: indicator, scope: indicator == nil ? scope : [],
                             scopeLocation: scopeNode.map { doc.location($0) }, source: source, pattern: pattern, reason: reason,
                             examples: examples, location: doc.location(node))
    }

    static func readExamples(_ doc: inout YAMLDocument, _ node: Node?, subject: String) -> RuleExamples {
        guard let node, let entries = doc.mapping(node, what: "examples", known: exampleKeys, subject: subject) else { return RuleExamples() }
        return RuleExamples(match: doc.strings(entries["match"]?.value, key: "match", subject: subject).map(\.0),
                            noMatch: doc.strings(entries["no_match"]?.value, key: "no_match", subject: subject).map(\.0))
    }

    static func checkRuleID(_ doc: inout YAMLDocument, _ id: String, node: Node, indicator: IndicatorID?) {
        let prefix = (indicator?.rawValue ?? "global") + "."
        let rest = id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : ""
        if rest.isEmpty || !rest.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) || !rest.allSatisfy(\.isASCII) {
            doc.diagnostics.append(Diagnostic(.badRuleID, doc.location(node), "id '\(id)' must be '\(prefix)<name>' with lower-case letters, digits and '_'", subject: id))
        }
    }

    /// Parses the pattern; a syntax error points at the column inside the YAML line.
    static func parse(_ doc: inout YAMLDocument, _ source: String, node: Node, subject: String, vocabulary: Vocabulary) -> Pattern? {
        do {
            return try PatternParser.parse(source, vocabulary: vocabulary)
        } catch {
            var location = doc.location(node)
            if let column = location.column {
                // Quoted scalars start one column before their text.
                let quoted = node.scalar?.style == .doubleQuoted || node.scalar?.style == .singleQuoted
                location.column = column + (quoted ? 1 : 0) + error.column - 1
            }
            let code: DiagnosticCode = switch error.kind {
            case .syntax: .patternSyntax
            case .unknownClass: .unknownClass
            case .singlePartFrame: .singlePartFrame
            }
            doc.diagnostics.append(Diagnostic(code, location, "in pattern \"\(source)\": \(error.message)", subject: subject))
            return nil
        }
    }
}
