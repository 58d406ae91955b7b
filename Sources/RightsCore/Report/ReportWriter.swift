import Foundation

/// Writes rendered files below an output folder: each one atomically (temporary file, then
/// rename), so a reader or a crash never sees half a brief, and all rendering happens before
/// the first write, so a failed render leaves the previous briefs as they were.
public struct ReportWriter: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Writes `files`; with `replacing` (a month folder), removes that folder's earlier briefs and
    /// pictures that this run did not produce (a country with no findings any more).
    /// - Returns: the URLs written, in order.
    @discardableResult
    public func write(_ files: [RenderedFile], replacing folder: String? = nil) throws -> [URL] {
        let base = root.standardizedFileURL
        var written: [URL] = []
        for file in files {
            let target = base.appendingPathComponent(file.path).standardizedFileURL
            guard target.path.hasPrefix(base.path + "/"), !file.path.contains("..") else { throw ReportError.unsafeOutput(path: file.path) }
            try AtomicFile.write(file.content, to: target)
            written.append(target)
        }
        if let folder {
            let directory = base.appendingPathComponent(folder)
            let keep = Set(written.map(\.lastPathComponent))
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in existing where !keep.contains(name) && Self.isGenerated(name) {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        return written
    }

    /// Only files named as we name them are ever removed: `KZ.md`, `KZ-concern.svg`.
    static func isGenerated(_ name: String) -> Bool {
        let stem = name.hasSuffix("-concern.svg") ? String(name.dropLast("-concern.svg".count)) : (name.hasSuffix(".md") ? String(name.dropLast(3)) : "")
        return stem.count == 2 && stem.allSatisfy { $0.isUppercase && $0.isASCII }
    }
}
