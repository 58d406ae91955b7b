import Foundation

/// Reads files from disk with the checks every input gets: size limit, binary data, encoding.
struct ArticleFileReader: Sendable {
    let maxBytes: Int

    /// The decoded text of a file, or the reason it cannot be an article.
    func readText(at url: URL, location: SourceLocation, warnings: inout [IngestWarning]) -> Result<String, IngestProblem> {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            return .failure(IngestProblem(location, .unreadable(reason: "no such file")))
        }
        if size > maxBytes { return .failure(IngestProblem(location, .tooLarge(bytes: size, limit: maxBytes))) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            return .failure(IngestProblem(location, .unreadable(reason: error.localizedDescription)))
        }
        // The file may have grown between the size check and the read.
        if data.count > maxBytes { return .failure(IngestProblem(location, .tooLarge(bytes: data.count, limit: maxBytes))) }
        guard let decoded = TextDecoding.decode(data) else { return .failure(IngestProblem(location, .binaryFile)) }
        if decoded.hadInvalidUTF8 {
            warnings.append(IngestWarning(location: location, message: "invalid UTF-8 replaced with U+FFFD"))
        }
        if TextDecoding.isBlank(decoded.text) { return .failure(IngestProblem(location, .emptyFile)) }
        return .success(decoded.text)
    }

    /// A `file` named inside a manifest, resolved below the manifest's folder and never outside it.
    func resolve(_ relative: String, below folder: URL) -> URL? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.hasPrefix("~"), !relative.contains("\0") else { return nil }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        let candidate = base.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        guard candidate.path.hasPrefix(basePath) else { return nil }
        return candidate
    }
}
