import Foundation
import RightsCore

// The analysis of one article with the shipped rules, the matcher's unsafe tables and the text
// reader's word loads included: the bytes are the article (its first line the headline), built
// as `ingest` builds one and analysed as `analyze` does, with a word cache kept from input to input
// as an analysis task keeps it; then as `explain` does (every sentence's report, each match
// explained), and the people of every sentence read. Every outcome is fine except a crash, a
// hang or a memory error.

private let analyzer: ArticleAnalyzer = {
    let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RIGHTSBRIEF_FUZZ_SHIPPED_RULES"] ?? "rules")
    guard let rules = try? RuleSetLoader.load(from: root) else {
        preconditionFailure("run from the repository root, or set RIGHTSBRIEF_FUZZ_SHIPPED_RULES to the rules folder")
    }
    return ArticleAnalyzer(CompiledRules(rules))
}()
private let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))
/// One fuzz process is one task: the cache is only ever used from the fuzzing thread.
nonisolated(unsafe) private let cache = WordCache()

/// The rules are loaded before the first input: under the sanitizers that takes seconds, which
/// would count against the first input's time limit.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = analyzer.compiled
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // SAFETY: libFuzzer hands us `size` readable bytes at `data` for the duration of the call.
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let title = lines.count > 1 ? String(lines[0]) : nil
    let body = String(lines.last ?? "")
    let raw = RawArticle(metadata: ArticleMetadata(id: "fuzz", title: title, published: "2026-01-15"), body: body,
                         origin: SourceLocation(file: "fuzz"), fallbackID: "fuzz")
    guard case let .success(article) = builder.build(raw) else { return 0 }
    var fast = analyzer
    fast.detail = .findings
    _ = fast.analyze(article, cache: cache)
    let explained = analyzer.analyze(text: article.cleaned.text, title: article.title)
    for sentence in explained.sentences {
        for match in sentence.matches { _ = analyzer.explanation(of: match) }
    }
    let scanned = TextScanner.scan(article.cleaned.text)
    var people = SentencePeople(lexicon: analyzer.compiled.ruleSet.people, text: scanned)
    for index in scanned.sentences.indices { _ = people.people(ofSentence: index) }
    return 0
}
