/// The unknown keys (JSONL) or columns (CSV) of one file, each reported once with how many lines
/// carry it and the first one, and no more than `limit` of them: a file with ten thousand unknown
/// columns gets 21 warnings, a key on every line of a manifest gets one.
struct UnknownNameTally {
    static let limit = 20

    enum Kind {
        /// A JSONL key: counted per line.
        case key
        /// A CSV header column: counted per repetition in the header.
        case column
    }

    let file: String
    let kind: Kind
    private var names: [(name: String, lines: Int, firstLine: Int)] = []
    private var positions: [String: Int] = [:]

    init(file: String, kind: Kind) {
        self.file = file
        self.kind = kind
    }

    mutating func add(_ name: String, line: Int) {
        if let position = positions[name] {
            names[position].lines += 1
        } else {
            positions[name] = names.count
            names.append((name, 1, line))
        }
    }

    /// In the order the names first appeared.
    var warnings: [IngestWarning] {
        let noun = kind == .key ? "key" : "column"
        var warnings = names.prefix(Self.limit).map { entry in
            let count = entry.lines == 1 ? "" : kind == .key ? " on \(entry.lines) lines (first on line \(entry.firstLine))" : " (\(entry.lines) times)"
            return IngestWarning(location: SourceLocation(file: file, line: entry.firstLine), message: "unknown \(noun) `\(entry.name)` ignored\(count)")
        }
        if names.count > Self.limit {
            let rest = names.dropFirst(Self.limit)
            warnings.append(IngestWarning(location: SourceLocation(file: file, line: rest.map(\.firstLine).min()),
                                          message: "… and \(rest.count) more unknown \(noun)s ignored"))
        }
        return warnings
    }
}
