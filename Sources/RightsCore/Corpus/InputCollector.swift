import Foundation

/// One input file to read, with the name to show and the id an article from it gets by default.
public struct InputFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, jsonLines, csv }
    public var url: URL
    public var displayPath: String
    public var kind: Kind
    public var fallbackID: String
    public var byteCount: Int
}

/// Expands the paths a user named into input files: folders recursively, in a stable order.
///
/// Hidden files and folders are skipped, and so is anything a symbolic link would take outside
/// the folder the user named.
public enum InputCollector {
    public static let textExtensions: Set<String> = ["txt", "md", "markdown", "text"]

    public static func collect(_ paths: [String], relativeTo base: URL) -> (files: [InputFile], problems: [IngestProblem]) {
        var files: [InputFile] = []
        var problems: [IngestProblem] = []
        for path in paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append(IngestProblem(SourceLocation(file: path), .unreadable(reason: "no such file or folder")))
                continue
            }
            if isDirectory.boolValue {
                collectFolder(url, displayRoot: path, into: &files, problems: &problems)
            } else if let file = inputFile(url, displayPath: path, idStem: url.deletingPathExtension().lastPathComponent) {
                files.append(file)
            } else {
                problems.append(IngestProblem(SourceLocation(file: path), .unsupportedFile(extension: url.pathExtension)))
            }
        }
        return (files, problems)
    }

    private static func collectFolder(_ root: URL, displayRoot: String, into files: inout [InputFile], problems: inout [IngestProblem]) {
        let resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = resolvedRoot.path.hasSuffix("/") ? resolvedRoot.path : resolvedRoot.path + "/"
        guard let enumerator = FileManager.default.enumerator(
            at: resolvedRoot, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
            options: [.skipsHiddenFiles]) else { return }
        var found: [(relative: String, url: URL)] = []
        for case let url as URL in enumerator {
            let resolved = url.resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(rootPath) else { continue } // a link out of the folder
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count))
            found.append((relative.isEmpty ? url.lastPathComponent : relative, resolved))
        }
        for entry in found.sorted(by: { $0.relative < $1.relative }) {
            // A folder's own README or LICENSE describes the folder; it is not an article.
            let stem = (entry.url.lastPathComponent as NSString).deletingPathExtension.uppercased()
            if ["README", "LICENSE", "CHANGELOG", "CONTRIBUTING"].contains(stem) { continue }
            let display = (displayRoot as NSString).appendingPathComponent(entry.relative)
            let idStem = (entry.relative as NSString).deletingPathExtension
            // Other files in an article folder (images, notes) are simply not articles.
            if let file = inputFile(entry.url, displayPath: display, idStem: idStem) { files.append(file) }
        }
    }

    private static func inputFile(_ url: URL, displayPath: String, idStem: String) -> InputFile? {
        let ext = url.pathExtension.lowercased()
        let kind: InputFile.Kind
        if textExtensions.contains(ext) { kind = .text }
        else if ext == "jsonl" || ext == "ndjson" { kind = .jsonLines }
        else if ext == "csv" { kind = .csv }
        else { return nil }
        let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
        return InputFile(url: url, displayPath: displayPath, kind: kind, fallbackID: idStem, byteCount: size)
    }
}
