import Foundation

/// Writes a month's rendered files all or nothing: into a new folder beside the month's folder,
/// which then takes the old one's place. A failure at any file (a full disk) leaves the previous
/// briefs as they were, and a crash at any moment leaves either the old or the new complete set
/// (see ``FolderSwap``); leftovers of a crashed run are cleared by the next one.
public struct ReportWriter: Sendable {
    public let root: URL
    /// How one file's bytes reach the disk: the seam tests use to fail half-way.
    let writeFile: @Sendable (Data, URL) throws -> Void

    public init(root: URL) {
        self.init(root: root, writeFile: ReportWriter.writeAndSync)
    }

    init(root: URL, writeFile: @escaping @Sendable (Data, URL) throws -> Void) {
        self.root = root
        self.writeFile = writeFile
    }

    /// Writes `files`, which must all lie in one folder below `root` (a month). With `replacing`
    /// (that folder's name), the folder's earlier briefs and pictures that this run did not produce
    /// (a country with no findings any more) are left out; without it, every earlier file stays.
    /// Files of the folder that are not ours (an analyst's notes) always stay.
    /// - Returns: the URLs written, in order.
    /// - Throws: ``ReportError`` for a path outside one folder, `AtomicFileError` naming the file
    ///   or folder that could not be written (then nothing has changed).
    @discardableResult
    public func write(_ files: [RenderedFile], replacing folder: String? = nil) throws -> [URL] {
        let base = root.standardizedFileURL
        var month: String?
        var targets: [(file: RenderedFile, name: String)] = []
        for file in files {
            let target = base.appendingPathComponent(file.path).standardizedFileURL
            guard target.path.hasPrefix(base.path + "/"), !file.path.contains("..") else { throw ReportError.unsafeOutput(path: file.path) }
            let parts = target.path.dropFirst(base.path.count + 1).split(separator: "/")
            guard parts.count == 2, month == nil || month == String(parts[0]) else { throw ReportError.notOneFolder(path: file.path) }
            month = String(parts[0])
            targets.append((file, String(parts[1])))
        }
        guard let month else { return [] }
        if let folder, folder != month { throw ReportError.notOneFolder(path: folder) }
        let target = base.appendingPathComponent(month)
        let swap = FolderSwap(target: target)
        try swap.recover()
        let staging = try swap.makeStaging()
        do {
            let produced = Set(targets.map(\.name))
            try carryOver(from: target, to: staging) { name in
                !produced.contains(name) && !(folder != nil && Self.isGenerated(name))
            }
            for (file, name) in targets { try writeFile(Data(file.content.utf8), staging.appendingPathComponent(name)) }
            try FolderSwap.sync(staging)
            try swap.replace(with: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        return targets.map { target.appendingPathComponent($0.name) }
    }

    /// Brings the entries of `old` that `keep` accepts into `staging`: hard links for files (no
    /// copy of the bytes), copies for anything else. Temporary files of a crashed write are dropped.
    private func carryOver(from old: URL, to staging: URL, keep: (String) -> Bool) throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: old.path) else { return }
        for name in names.sorted() where keep(name) && !name.contains(".tmp-") {
            let from = old.appendingPathComponent(name), to = staging.appendingPathComponent(name)
            if link(from.path, to.path) == 0 { continue }
            do {
                try manager.copyItem(at: from, to: to)
            } catch {
                throw AtomicFileError.cannotWrite(path: to.path, reason: "cannot keep \(from.path): \(error.localizedDescription)")
            }
        }
    }

    /// Creates `url` with `data` and flushes it to disk.
    @Sendable static func writeAndSync(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw AtomicFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw AtomicFileError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Only files named as we name them are ever removed: `KZ.md`, `KZ-concern.svg`.
    static func isGenerated(_ name: String) -> Bool {
        let stem = name.hasSuffix("-concern.svg") ? String(name.dropLast("-concern.svg".count)) : (name.hasSuffix(".md") ? String(name.dropLast(3)) : "")
        return stem.count == 2 && stem.allSatisfy { $0.isUppercase && $0.isASCII }
    }
}

/// Replaces a folder by another as one step, as far as a reader or a crash can tell.
///
/// The new content is built in `.<name>.tmp-<pid>-<random>` beside the target. The swap renames
/// the target aside to `.<name>.old-…`, renames the new folder in, then removes the old one. A
/// crash before the first rename leaves the old folder in place (and a stale `.tmp-`); after the
/// second, the new one (and a stale `.old-`); between the two, the old complete set under its
/// `.old-` name, which ``recover()`` (run before every write) puts back. Stale folders are removed.
struct FolderSwap {
    let target: URL
    private var parent: URL { target.deletingLastPathComponent() }
    private var name: String { target.lastPathComponent }

    /// Puts back a folder set aside by a run that crashed mid-swap, and removes stale folders.
    func recover() throws {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for stale in names.sorted() where stale.hasPrefix(".\(name).old-") || stale.hasPrefix(".\(name).tmp-") {
            let url = parent.appendingPathComponent(stale)
            if stale.hasPrefix(".\(name).old-"), !manager.fileExists(atPath: target.path) {
                guard rename(url.path, target.path) == 0 else {
                    throw AtomicFileError.cannotWrite(path: target.path, reason: "cannot put back \(url.path) from an interrupted run: \(String(cString: strerror(errno)))")
                }
                continue
            }
            try? manager.removeItem(at: url)
        }
    }

    /// A new empty folder beside the target.
    func makeStaging() throws -> URL {
        let staging = parent.appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError.cannotWrite(path: target.path, reason: "cannot create folder \(staging.path): \(error.localizedDescription)")
        }
        return staging
    }

    /// Puts `staging` (complete and synced) in the target's place.
    func replace(with staging: URL) throws {
        let aside = parent.appendingPathComponent(".\(name).old-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        let hadTarget = FileManager.default.fileExists(atPath: target.path)
        if hadTarget, rename(target.path, aside.path) != 0 {
            throw AtomicFileError.cannotWrite(path: target.path, reason: "cannot set the old folder aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadTarget { _ = rename(aside.path, target.path) }
            throw AtomicFileError.cannotWrite(path: target.path, reason: "cannot move the new folder in: \(reason)")
        }
        try? Self.sync(parent)
        if hadTarget { try? FileManager.default.removeItem(at: aside) }
    }

    /// Flushes a folder's entries (the names in it) to disk.
    static func sync(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else { throw AtomicFileError.cannotWrite(path: folder.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw AtomicFileError.cannotWrite(path: folder.path, reason: String(cString: strerror(errno))) }
    }
}
