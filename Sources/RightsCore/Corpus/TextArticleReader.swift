import Foundation

/// Reads one `.txt` or `.md` file with optional YAML front matter.
struct TextArticleReader: Sendable {
    let files: ArticleFileReader

    func read(_ url: URL, displayPath: String, fallbackID: String) -> [ReaderEvent] {
        let location = SourceLocation(file: displayPath)
        var warnings: [IngestWarning] = []
        let text: String
        switch files.readText(at: url, location: location, warnings: &warnings) {
        case let .success(value): text = value
        case let .failure(problem): return warnings.map(ReaderEvent.warning) + [.problem(problem)]
        }
        let split: FrontMatter.Split
        do {
            split = try FrontMatter.split(text)
        } catch let error as CorpusError {
            return warnings.map(ReaderEvent.warning) + [.problem(IngestProblem(location, error))]
        } catch {
            return warnings.map(ReaderEvent.warning) + [.problem(IngestProblem(location, .badFrontMatter(reason: "\(error)")))]
        }
        for key in split.unknownKeys {
            warnings.append(IngestWarning(location: location, message: "unknown front matter key `\(key)` ignored"))
        }
        if TextDecoding.isBlank(split.body) {
            return warnings.map(ReaderEvent.warning) + [.problem(IngestProblem(location, .emptyFile))]
        }
        let article = RawArticle(metadata: split.metadata, body: split.body, origin: location, fallbackID: fallbackID)
        return warnings.map(ReaderEvent.warning) + [.article(article)]
    }
}
