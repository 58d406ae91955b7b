import Foundation

/// Reads every kind of input file into raw articles, problems and warnings.
public struct CorpusReader: Sendable {
    public var maxBytes: Int

    public init(maxBytes: Int = 5_000_000) {
        self.maxBytes = maxBytes
    }

    public func read(_ file: InputFile, emit: (ReaderEvent) -> Void) {
        let files = ArticleFileReader(maxBytes: maxBytes)
        switch file.kind {
        case .text:
            TextArticleReader(files: files).read(file.url, displayPath: file.displayPath, fallbackID: file.fallbackID).forEach(emit)
        case .jsonLines:
            JSONLinesReader(files: files).read(file.url, displayPath: file.displayPath, emit: emit)
        case .csv:
            CSVReader(files: files).read(file.url, displayPath: file.displayPath, emit: emit)
        }
    }
}
