import Foundation

/// A scratch folder for one fuzz process: inputs are read from files, as the tool reads them.
enum FuzzScratch {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rightsbrief-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `size` bytes at `data` to `name` in the scratch folder.
    static func write(_ data: UnsafePointer<UInt8>, _ size: Int, as name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        // SAFETY: libFuzzer hands us `size` readable bytes at `data` for the duration of the call.
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size))
        return url
    }
}
