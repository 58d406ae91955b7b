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
        var found: [(relative: String, url: URL)] = []
        var skipped: [(relative: String, error: CorpusError)] = []
        walk(Array(resolvedRoot.path.utf8), relative: "", rootPath: rootPath, found: &found, skipped: &skipped)
        for entry in skipped.sorted(by: { $0.relative < $1.relative }) {
            problems.append(IngestProblem(SourceLocation(file: (displayRoot as NSString).appendingPathComponent(entry.relative)), entry.error))
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

    /// Walks a folder by the raw bytes of its entries' names, so that a name that is not UTF-8
    /// (which `FileManager` passes over without a word) is seen and reported, like a folder that
    /// cannot be read and a pipe or device named like an article. Hidden entries are skipped;
    /// links are followed to files inside the root only, never into folders.
    private static func walk(_ folder: [UInt8], relative: String, rootPath: String,
                             found: inout [(relative: String, url: URL)], skipped: inout [(relative: String, error: CorpusError)]) {
        let names: [[UInt8]]
        switch entryNames(folder) {
        case let .success(list): names = list
        case let .failure(reason):
            let folderRelative = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
            skipped.append((folderRelative, .unreadable(reason: "folder cannot be read (\(reason))")))
            return
        }
        for name in names where name.first != UInt8(ascii: ".") {
            let path = folder + [UInt8(ascii: "/")] + name
            // A folder of articles, or a file that would be one by its extension: inputs the user meant.
            let extensionBytes = name.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).last.map { Array($0) } ?? []
            let namedLikeArticle = name.contains(UInt8(ascii: ".")) && isArticleExtension(String(decoding: extensionBytes, as: UTF8.self).lowercased())
            var status = stat()
            guard (path + [0]).withUnsafeBufferPointer({ buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { lstat($0, &status) }
            }) == 0 else {
                if namedLikeArticle { skipped.append((relative + escapedFileName(name), .unreadable(reason: String(cString: strerror(errno))))) }
                continue
            }
            let kind = status.st_mode & S_IFMT
            guard let decoded = String(validating: name, as: UTF8.self) else {
                if kind == S_IFDIR || namedLikeArticle { skipped.append((relative + escapedFileName(name), .fileNameNotUTF8)) }
                continue
            }
            let entryRelative = relative + decoded
            let url = URL(fileURLWithPath: String(decoding: path, as: UTF8.self))
            if kind == S_IFDIR {
                walk(path, relative: entryRelative + "/", rootPath: rootPath, found: &found, skipped: &skipped)
            } else if kind == S_IFREG {
                found.append((entryRelative, url))
            } else if kind == S_IFLNK {
                let resolved = url.resolvingSymlinksInPath()
                guard resolved.path.hasPrefix(rootPath) else { continue } // a link out of the folder
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                found.append((entryRelative, resolved))
            } else if namedLikeArticle {
                // Reading a pipe would wait for a writer forever; a device is not an article.
                skipped.append((entryRelative, .unreadable(reason: "not a regular file (a pipe, socket or device)")))
            }
        }
    }

    /// The names in a folder as bytes, without `.` and `..`, or why it cannot be read.
    private static func entryNames(_ folder: [UInt8]) -> Result<[[UInt8]], FolderUnreadable> {
        let directory = (folder + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { opendir($0) }
        }
        guard let directory else { return .failure(FolderUnreadable(reason: String(cString: strerror(errno)))) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return .success(names)
    }

    private struct FolderUnreadable: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// A file name for messages: valid UTF-8 as it is, every other byte as `\xNN`.
    static func escapedFileName(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, index + length <= bytes.count, let scalar = String(validating: bytes[index ..< index + length], as: UTF8.self) {
                text += scalar
                index += length
            } else {
                text += String(format: "\\x%02X", lead)
                index += 1
            }
        }
        return text
    }

    private static func isArticleExtension(_ ext: String) -> Bool {
        textExtensions.contains(ext) || ["jsonl", "ndjson", "csv"].contains(ext)
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
