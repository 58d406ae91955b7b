import Foundation
import Mustache

/// A file a report command produces: its path below the output folder and its content.
public struct RenderedFile: Sendable, Equatable {
    public var path: String
    public var content: String
}

/// Renders a month's briefs with the Mustache templates of `reports/templates/`.
///
/// Templates start with `{{% CONTENT_TYPE: TEXT }}` so that Mustache does not HTML-escape;
/// every value is escaped for Markdown here instead (`MarkdownEscaping`). Output is
/// deterministic: no clock, stable order everywhere.
public struct BriefRenderer: Sendable {
    let brief: MustacheTemplate
    let index: MustacheTemplate

    /// Loads `brief.md.mustache` and `index.md.mustache` from `folder`.
    /// - Throws: `ReportError.template` naming the file and the problem.
    public init(templates folder: URL) throws {
        func load(_ name: String) throws -> MustacheTemplate {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw ReportError.template(file: url.path, reason: "cannot read it") }
            do { return try MustacheTemplate(string: String(decoding: data, as: UTF8.self)) } catch {
                throw ReportError.template(file: url.path, reason: String(describing: error))
            }
        }
        brief = try load("brief.md.mustache")
        index = try load("index.md.mustache")
    }

    public func render(_ month: MonthBriefs, includeIndex: Bool = true) -> [RenderedFile] {
        var files: [RenderedFile] = []
        let folder = month.month.rawValue
        let names = Dictionary(uniqueKeysWithValues: month.indicators.map { ($0.id, $0.name) })
        for country in month.countries {
            files.append(RenderedFile(path: "\(folder)/\(country.code).md", content: brief.render(context(country, month: month, names: names))))
            let shown = month.indicators.filter { indicator in country.history.contains { ($0.scores?.score(indicator.id)?.concern ?? 0) > 0 } }
            files.append(RenderedFile(path: "\(folder)/\(country.code)-concern.svg", content: SVGCharts.concernTrend(
                country: country.name, months: country.history.map(\.month),
                rows: shown.map { indicator in (indicator.name, country.history.map { $0.scores?.score(indicator.id)?.concern ?? 0 }) })))
        }
        if includeIndex {
            files.append(RenderedFile(path: "\(folder)/index.md", content: index.render(indexContext(month))))
            let ranked = Self.ranked(month.countries)
            files.append(RenderedFile(path: "\(folder)/heatmap.svg", content: SVGCharts.heatmap(
                month: month.month,
                rows: ranked.map { country in ("\(country.name) (\(country.code))", month.indicators.map { country.score.score($0.id)?.level ?? .none }) },
                columns: month.indicators.map(\.name))))
        }
        return files
    }

    /// By concern, then coverage index, then name.
    static func ranked(_ countries: [CountryBrief]) -> [CountryBrief] {
        countries.sorted { ($1.score.concern, $1.score.coverageIndex, $0.name) < ($0.score.concern, $0.score.coverageIndex, $1.name) }
    }

    func context(_ country: CountryBrief, month: MonthBriefs, names: [IndicatorID: String]) -> [String: Any] {
        let md = MarkdownEscaping.text
        let covered = country.score.indicators.filter { $0.level != .none }
        let rows: [[String: Any]] = country.score.indicators.map { score in
            [
                "name": md(names[score.indicator] ?? score.indicator.rawValue),
                "level": score.level.rawValue,
                "incidents": score.incidents,
                "articles": score.articles,
                "sources": score.sources,
                "concern": score.concern,
                "improvements": score.improvements,
                "trend": score.trend?.symbol ?? "",
                "verified": score.verified,
            ]
        }
        let evidence: [[String: Any]] = country.evidence.map { item in
            [
                "indicator": md(names[item.indicator] ?? item.indicator.rawValue),
                "more": item.incidents > item.quotes.count ? "\(item.incidents - item.quotes.count) more incident\(item.incidents - item.quotes.count == 1 ? "" : "s") of \(item.incidents) not quoted (all are on the workbook's Incidents sheet)." : "",
                "has_more": item.incidents > item.quotes.count,
                "quotes": item.quotes.map { quote -> [String: Any] in
                    let source = quote.article?.source ?? "unknown source"
                    return [
                        "sentence": md(quote.finding.sentence),
                        "source": MarkdownEscaping.link(source, quote.article?.url),
                        "title": md(quote.article?.title ?? quote.finding.articleID.rawValue),
                        "date": quote.article?.day ?? "",
                        "verified": quote.isVerified,
                        "polarity": quote.finding.polarity.rawValue,
                        "is_improvement": quote.finding.polarity == .improvement,
                        "qualifier": quote.finding.qualifier?.rawValue ?? "",
                        "has_qualifier": quote.finding.qualifier != nil,
                        "article_id": md(quote.finding.articleID.rawValue),
                        "reported": Self.reported(articles: quote.articles, sources: quote.sources),
                        "has_reported": quote.articles > 1,
                        "incident": quote.incident?.rawValue ?? "",
                    ]
                },
            ]
        }
        let people: [[String: Any]] = country.people.map { person in
            var sources: [(name: String, url: String?, articles: Int)] = []
            for article in person.articles {
                let name = article.source ?? "unknown source"
                if let index = sources.firstIndex(where: { $0.name == name }) { sources[index].articles += 1 } else { sources.append((name, article.url, 1)) }
            }
            return [
                "name": md(person.name),
                "role": md(person.role ?? ""),
                "indicator": md(names[person.indicator] ?? person.indicator.rawValue),
                "quote": md(Self.shortQuote(person.finding.sentence, around: person.name)),
                "date": person.firstDay ?? "",
                "sources": sources.map { MarkdownEscaping.link($0.name, $0.url) + ($0.articles > 1 ? " (\($0.articles) articles)" : "") }.joined(separator: ", "),
                "incident": person.incident.rawValue,
            ]
        }
        let gaps = country.score.indicators.filter { $0.level == .none }.map { md(names[$0.indicator] ?? $0.indicator.rawValue) }
        return [
            "country": md(country.name),
            "code": country.code.rawValue,
            "month": month.month.rawValue,
            "month_name": month.month.displayName,
            "coverage_index": country.score.coverageIndex,
            "findings": country.score.findings,
            "incidents": country.score.incidents,
            "articles": country.score.articles,
            "source_count": country.sources.count,
            "covered_count": covered.count,
            "indicator_count": country.score.indicators.count,
            "summary": summary(country, month: month, names: names),
            "indicators": rows,
            "chart": "\(country.code)-concern.svg",
            "evidence": evidence,
            "has_people": !people.isEmpty,
            "people": people,
            "has_more_people": country.peopleNamed > people.count,
            "more_people": country.peopleNamed - people.count == 1 ? "1 more person is" : "\(country.peopleNamed - people.count) more people are",
            "has_gaps": !gaps.isEmpty,
            "gaps": gaps.joined(separator: ", "),
            "sources": country.sources.map { ["name": md($0.name), "articles": $0.articles] },
            "rules_hash": String(month.rulesHash.prefix(12)),
        ]
    }

    /// One paragraph from the scores: what is covered, what is new or rising, what improved, what is missing.
    func summary(_ country: CountryBrief, month: MonthBriefs, names: [IndicatorID: String]) -> String {
        func name(_ score: IndicatorScore) -> String { MarkdownEscaping.text(names[score.indicator] ?? score.indicator.rawValue).lowercased() }
        func list(_ items: [String]) -> String {
            items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        let scores = country.score.indicators
        let covered = scores.filter { $0.level != .none }
        var sentences: [String] = []
        let incidents = country.score.incidents, articles = country.score.articles
        sentences.append("In \(month.month.displayName), \(covered.count) of \(scores.count) indicators for \(MarkdownEscaping.text(country.name)) have evidence: \(incidents) incident\(incidents == 1 ? "" : "s") reported in \(articles) article\(articles == 1 ? "" : "s") from \(country.sources.count) source\(country.sources.count == 1 ? "" : "s") (coverage index \(country.score.coverageIndex)/100).")
        if let top = covered.filter({ $0.concern > 0 }).max(by: { ($0.concern, $1.indicator.rawValue) < ($1.concern, $0.indicator.rawValue) }) {
            sentences.append("The gravest concern is \(name(top)) (concern \(top.concern), \(top.level.rawValue) coverage).")
        }
        let new = covered.filter { $0.trend == .new }.map(name)
        if !new.isEmpty { sentences.append("New this month: \(list(new)).") }
        let rising = covered.filter { $0.trend == .up }.map(name)
        if !rising.isEmpty { sentences.append("Rising since last month: \(list(rising)).") }
        let falling = covered.filter { $0.trend == .down }.map(name)
        if !falling.isEmpty { sentences.append("Lower than last month: \(list(falling)).") }
        let improved = covered.filter { $0.improvements > 0 }.map { "\(name($0)) (\($0.improvements))" }
        if !improved.isEmpty { sentences.append("Improvements reported: \(list(improved)).") }
        let gone = scores.filter { $0.trend == .gone }.map(name)
        if !gone.isEmpty { sentences.append("Covered last month but not this month: \(list(gone)).") }
        let gaps = scores.filter { $0.level == .none }.map(name)
        if !gaps.isEmpty { sentences.append("No coverage this month, gaps to research: \(list(gaps)).") }
        return sentences.joined(separator: " ")
    }

    /// "reported by 3 sources", or "reported in 2 articles of one source" when one outlet wrote
    /// them all; nothing for a single report.
    static func reported(articles: Int, sources: Int) -> String {
        guard articles > 1 else { return "" }
        if sources > 1 { return "reported by \(sources) sources" + (articles > sources ? " in \(articles) articles" : "") }
        return "reported in \(articles) articles of one source"
    }

    /// At most `limit` words of `sentence`, starting a few words before the person's surname (what
    /// happened to them follows the name), with "…" where words were left out.
    static func shortQuote(_ sentence: String, around name: String, limit: Int = 20) -> String {
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count > limit else { return words.joined(separator: " ") }
        let surname = name.split(separator: " ").last.map { $0.lowercased() } ?? ""
        let at = words.firstIndex { $0.lowercased().hasPrefix(surname) } ?? 0
        let start = max(0, min(at - 4, words.count - limit))
        let end = min(words.count, start + limit)
        return (start > 0 ? "…" : "") + words[start ..< end].joined(separator: " ") + (end < words.count ? "…" : "")
    }

    func indexContext(_ month: MonthBriefs) -> [String: Any] {
        let md = MarkdownEscaping.text
        let ranked = Self.ranked(month.countries)
        return [
            "month": month.month.rawValue,
            "month_name": month.month.displayName,
            "country_count": ranked.count,
            "heatmap": "heatmap.svg",
            "countries": ranked.enumerated().map { index, country -> [String: Any] in
                [
                    "rank": index + 1,
                    "name": md(country.name),
                    "code": country.code.rawValue,
                    "link": "\(country.code).md",
                    "coverage_index": country.score.coverageIndex,
                    "concern": country.score.concern,
                    "findings": country.score.findings,
                    "incidents": country.score.incidents,
                    "articles": country.score.articles,
                ]
            },
            "has_undated": !month.undated.isEmpty,
            "undated": month.undated.map { article -> [String: Any] in
                ["id": md(article.id.rawValue), "title": md(article.title ?? ""), "source": md(article.source ?? "unknown source")]
            },
            "rules_hash": String(month.rulesHash.prefix(12)),
        ]
    }
}

/// Problems writing reports.
public enum ReportError: Error, Equatable, Sendable, LocalizedError {
    case template(file: String, reason: String)
    case unsafeOutput(path: String)
    /// The files of one write go to one month folder, replaced as a whole.
    case notOneFolder(path: String)

    public var errorDescription: String? {
        switch self {
        case let .template(file, reason): return "\(file): template error: \(reason)"
        case let .unsafeOutput(path): return "refusing to write \(path): it leads outside the output folder"
        case let .notOneFolder(path): return "refusing to write \(path): the files of one write go to one folder below the output folder"
        }
    }
}
