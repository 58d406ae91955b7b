import Foundation

/// How sure the analyst is that an engine should report a labelled pair.
public enum GoldLevel: String, Sendable, Codable, CaseIterable {
    /// The article clearly reports it: missing it costs recall.
    case core
    /// Borderline: reporting it is no error, missing it is no error either.
    case acceptable
}

/// The unit of scoring: one indicator about one country in one article.
public struct LabelledPair: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var article: ArticleID
    public var country: CountryCode
    public var indicator: IndicatorID

    /// Country codes are compared upper case, so `kz` in a hand-made file matches the engine's `KZ`.
    public init(article: ArticleID, country: CountryCode, indicator: IndicatorID) {
        self.article = article
        self.country = CountryCode(country.rawValue.uppercased())
        self.indicator = indicator
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.article, lhs.country, lhs.indicator) < (rhs.article, rhs.country, rhs.indicator)
    }

    public var description: String { "\(article) \(country) \(indicator)" }
}

/// One line of a gold file: `{"article", "country", "indicator", "level", "evidence"}`.
public struct GoldLabel: Sendable, Equatable {
    public var pair: LabelledPair
    public var level: GoldLevel
    /// The sentence the analyst based the label on; optional (recall-only label sets have none).
    public var evidence: String?
    public var location: SourceLocation

    public init(pair: LabelledPair, level: GoldLevel, evidence: String?, location: SourceLocation) {
        self.pair = pair
        self.level = level
        self.evidence = evidence
        self.location = location
    }
}

/// The hand labels of a set of articles, as `../shared/README.md` defines them.
///
/// ```swift
/// let gold = try GoldLabels.read(URL(fileURLWithPath: "gold.jsonl"), display: "gold.jsonl")
/// ```
public struct GoldLabels: Sendable, Equatable {
    public var labels: [GoldLabel]

    public init(_ labels: [GoldLabel]) {
        self.labels = labels
    }

    /// Reads and validates a gold file: `article`, `country`, `indicator` and `level` are required,
    /// `level` is `core` or `acceptable`, `evidence` is an optional string.
    /// - Throws: `EvaluationError` naming the file and line of the first bad line.
    public static func read(_ url: URL, display: String) throws(EvaluationError) -> GoldLabels {
        var labels: [GoldLabel] = []
        for object in try JSONLinesObjects.read(url, display: display) {
            let pair = LabelledPair(article: ArticleID(try object.string("article")), country: try object.countryCode("country"),
                                    indicator: IndicatorID(try object.string("indicator")))
            let levelText = try object.string("level")
            guard let level = GoldLevel(rawValue: levelText) else { throw .unknownLevel(object.location, value: levelText) }
            let evidence = try object.checkedOptionalString("evidence")
            labels.append(GoldLabel(pair: pair, level: level, evidence: evidence?.isEmpty == true ? nil : evidence, location: object.location))
        }
        return GoldLabels(labels)
    }

    /// Only the labels of these articles: a manifest listing a subset gives that subset's figures.
    public func restricted(to articles: Set<ArticleID>) -> GoldLabels {
        GoldLabels(labels.filter { articles.contains($0.pair.article) })
    }

    /// Pairs some line labels core. A pair labelled both core and acceptable counts as core.
    public var corePairs: Set<LabelledPair> { Set(labels.lazy.filter { $0.level == .core }.map(\.pair)) }

    /// Every labelled pair, core or acceptable: predicting one of these is never a false positive.
    public var labelledPairs: Set<LabelledPair> { Set(labels.map(\.pair)) }

    /// The distinct evidence sentences of each pair, in file order.
    public var evidenceByPair: [LabelledPair: [String]] {
        var result: [LabelledPair: [String]] = [:]
        for label in labels {
            guard let evidence = label.evidence, !(result[label.pair]?.contains(evidence) ?? false) else { continue }
            result[label.pair, default: []].append(evidence)
        }
        return result
    }
}

/// The articles to score, read from an ingest manifest (`{"id", "file", "title", …}` per line).
public struct EvaluationManifest: Sendable, Equatable {
    /// In file order, without repeats.
    public var articleIDs: [ArticleID]

    public init(articleIDs: [ArticleID]) {
        var seen = Set<ArticleID>()
        self.articleIDs = articleIDs.filter { seen.insert($0).inserted }
    }

    public var articleSet: Set<ArticleID> { Set(articleIDs) }

    /// Reads the `id` of every line; other keys are the ingest command's business.
    /// - Throws: `EvaluationError` naming the file and line of a line without an id, or for a file with no line.
    public static func read(_ url: URL, display: String) throws(EvaluationError) -> EvaluationManifest {
        let objects = try JSONLinesObjects.read(url, display: display)
        guard !objects.isEmpty else { throw .emptyFile(SourceLocation(file: display)) }
        var ids: [ArticleID] = []
        for object in objects { ids.append(ArticleID(try object.string("id"))) }
        return EvaluationManifest(articleIDs: ids)
    }
}
