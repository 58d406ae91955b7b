import Foundation
import RightsCore

// The input readers on one file of fuzzed bytes: the first byte picks the format (front matter
// in .md or .txt, JSON Lines, CSV); the bytes are also read as a published date and a month.
// Every outcome is fine except a crash, a hang or a memory error.

private let formats = ["md", "txt", "jsonl", "csv"]
private let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format = formats[Int(data[0]) % formats.count]
    let url = FuzzScratch.write(data + 1, size - 1, as: "input.\(format)")
    let collected = InputCollector.collect([url.path], relativeTo: FuzzScratch.folder)
    for file in collected.files {
        CorpusReader(maxBytes: 1_000_000).read(file) { event in
            if case let .article(raw) = event { _ = builder.build(raw) }
        }
    }
    // SAFETY: as above, `size - 1` bytes after the first are readable.
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    _ = PublishedDate(text)
    _ = Month(rawValue: text)
    return 0
}
