import Foundation
import RightsCore

// The rule loader and pattern parser: the bytes are parsed as a pattern, and laid over one file
// of a small valid rule set (the first byte picks which; 7 is a vocabulary class), which `rules
// check` then reads, compiles and runs the examples of.

private let files = ["indicators/torture.yaml", "indicators/press_freedom.yaml", "exclusions.yaml", "countries.yaml", "engine.yaml", "references.yaml", "scoring.yaml",
                     "vocabulary/fuzz_a.yaml"]
/// Two classes, one naming the other in a sequence, so that a fuzzed class file meets includes and sequences.
private let vocabulary = [
    "vocabulary/fuzz_a.yaml": "name: fuzz_a\nabout: a\nentries: [\"@fuzz_b arrested\", jailed, \"@fuzz_b\"]\n",
    "vocabulary/fuzz_b.yaml": "name: fuzz_b\nabout: b\nverbs: [detain]\nentries: [was, were later]\n",
]
private let base: [String: Data] = {
    let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RIGHTSBRIEF_FUZZ_RULES"] ?? "Tests/RightsCoreTests/Fixtures/rules-check/base")
    var contents: [String: Data] = [:]
    for file in files { contents[file] = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) }
    for (file, text) in vocabulary { contents[file] = Data(text.utf8) }
    precondition(contents["indicators/torture.yaml"] != nil, "run from the repository root, or set RIGHTSBRIEF_FUZZ_RULES to the base rule set")
    return contents
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    // SAFETY: libFuzzer hands us `size` readable bytes at `data`.
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? PatternParser.parse(String(decoding: bytes.dropFirst(), as: UTF8.self))
    let target = files[Int(data[0]) % files.count]
    let folder = FuzzScratch.folder.appendingPathComponent("rules")
    try? FileManager.default.removeItem(at: folder)
    for (file, contents) in base {
        let url = folder.appendingPathComponent(file)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: file == target ? Data(bytes.dropFirst()) : contents)
    }
    _ = RulesChecker.check(folder, display: "rules", examples: RuleExampleRunner.diagnostics)
    return 0
}
