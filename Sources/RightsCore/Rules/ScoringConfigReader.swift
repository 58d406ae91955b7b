/// Reads `scoring.yaml`.
enum ScoringConfigReader {
    static func read(_ doc: inout YAMLDocument) -> ScoringConfig {
        var config = ScoringConfig()
        guard let root = doc.root, let top = doc.mapping(root, what: "scoring.yaml", known: ["coverage", "minimum_confidence", "level_values", "incidents"]) else { return config }
        if let valuesNode = top["level_values"]?.value,
           let values = doc.mapping(valuesNode, what: "level_values", known: CoverageLevel.allCases.map(\.rawValue)) {
            for level in CoverageLevel.allCases {
                if let node = values[level.rawValue]?.value, let value = doc.number(node, key: level.rawValue) { config.levelValues[level] = value }
            }
            let ordered = CoverageLevel.allCases.map { config.levelValues[$0] ?? -1 }
            if ordered.first != 0 || ordered.last != 1 || zip(ordered, ordered.dropFirst()).contains(where: { $0 >= $1 }) {
                doc.diagnostics.append(Diagnostic(.weightsSum, doc.location(valuesNode),
                                                  "level_values must rise from none 0 to strong 1 (the index is a weighted share of 100): got \(ordered.map { String($0) }.joined(separator: ", "))"))
            }
        }
        if let coverageNode = top["coverage"]?.value,
           let coverage = doc.mapping(coverageNode, what: "coverage", known: ["thin", "moderate", "strong"]) {
            config.thinIncidents = doc.integer(coverage["thin"]?.value, key: "thin") ?? config.thinIncidents
            config.moderateIncidents = doc.integer(coverage["moderate"]?.value, key: "moderate") ?? config.moderateIncidents
            config.strongIncidents = doc.integer(coverage["strong"]?.value, key: "strong") ?? config.strongIncidents
            if !(config.thinIncidents >= 1 && config.thinIncidents < config.moderateIncidents && config.moderateIncidents < config.strongIncidents) {
                doc.diagnostics.append(Diagnostic(.thresholdsNotIncreasing, doc.location(coverageNode),
                                                  "coverage thresholds must increase from 1: thin \(config.thinIncidents) < moderate \(config.moderateIncidents) < strong \(config.strongIncidents)"))
            }
        }
        if let node = top["minimum_confidence"]?.value, let value = doc.number(node, key: "minimum_confidence") {
            if !(0 ... 1).contains(value) { doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(node), "minimum_confidence must be between 0 and 1")) }
            config.minimumConfidence = value
        }
        return config
    }
}
