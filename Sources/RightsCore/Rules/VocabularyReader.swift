import Foundation
import Yams

/// Reads `rules/vocabulary/*.yaml`, one class a file, and expands each class: verb and noun
/// forms generated, included classes inlined. Reports cycles, entries listed twice and classes
/// that are empty once expanded.
enum VocabularyReader {
    static let classKeys = ["name", "about", "verbs", "nouns", "entries"]

    /// A class as written, before its includes are expanded.
    struct Written {
        var name: String
        var about: String
        /// Entries with what was written for each, and where.
        var entries: [(terms: [PatternTerm], origin: String, location: SourceLocation)] = []
        var includes: [(name: String, location: SourceLocation)] = []
        /// Entries that join classes and words in a row ("@be_past @passive_adverb arrested"):
        /// every combination of their parts' entries.
        var sequences: [(parts: [SequencePart], origin: String, location: SourceLocation)] = []
        var location: SourceLocation
    }

    /// A part of a sequence entry: a word (or prefix), or a class.
    enum SequencePart {
        case term(PatternTerm)
        case vocabularyClass(String)
    }

    /// The most entries a class may expand to: a sequence of classes multiplies their sizes, and a
    /// rule file from a pull request must not be able to make the loader build millions.
    static let maximumEntries = 20_000

    /// Reads one class file; nil when it is not usable at all (the problems are in `doc`).
    static func read(_ doc: inout YAMLDocument, fileStem: String) -> Written? {
        guard let root = doc.root, let top = doc.mapping(root, what: "a vocabulary class", known: classKeys) else { return nil }
        guard let nameNode = doc.require(top, "name", in: root, what: "the class"), let name = doc.string(nameNode, key: "name") else { return nil }
        if name != fileStem {
            doc.diagnostics.append(Diagnostic(.fileNameMismatch, doc.location(nameNode),
                                              "class name '\(name)' does not match the file name '\(fileStem).yaml'; rename one of them", subject: "@" + name))
        }
        if name.isEmpty || !name.allSatisfy({ ($0.isLowercase || $0.isNumber || $0 == "_") && $0.isASCII }) {
            doc.diagnostics.append(Diagnostic(.badRuleID, doc.location(nameNode), "class name '\(name)' must be lower-case letters, digits and '_'", subject: "@" + name))
        }
        let about = doc.string(doc.require(top, "about", in: root, what: "class \(name)", subject: "@" + name), key: "about", subject: "@" + name) ?? ""
        var written = Written(name: name, about: about, location: doc.location(root))
        for key in ["verbs", "nouns", "entries"] {
            for (text, node) in doc.strings(top[key]?.value, key: key, subject: "@" + name) {
                let location = doc.location(node)
                if key == "entries", text.hasPrefix("@"), !text.contains(" ") {
                    written.includes.append((String(text.dropFirst()), location))
                    continue
                }
                var terms: [PatternTerm] = []
                var failed = false
                let parts = text.split(separator: " ", omittingEmptySubsequences: true)
                if key == "entries", parts.contains(where: { $0.hasPrefix("@") }) {
                    var sequence: [SequencePart] = []
                    for word in parts {
                        if word.hasPrefix("@") {
                            sequence.append(.vocabularyClass(String(word.dropFirst())))
                            continue
                        }
                        do {
                            sequence.append(.term(try PatternParser.term(String(word), column: 1)))
                        } catch {
                            doc.diagnostics.append(Diagnostic(.patternSyntax, location, "in entry \"\(text)\": \(error.message)", subject: "@" + name))
                            failed = true
                        }
                    }
                    if !failed { written.sequences.append((sequence, text, location)) }
                    continue
                }
                for word in parts {
                    do {
                        terms.append(try PatternParser.term(String(word), column: 1))
                    } catch {
                        doc.diagnostics.append(Diagnostic(.patternSyntax, location, "in entry \"\(text)\": \(error.message)", subject: "@" + name))
                        failed = true
                    }
                }
                if failed || terms.isEmpty {
                    if !failed { doc.diagnostics.append(Diagnostic(.patternSyntax, location, "empty entry", subject: "@" + name)) }
                    continue
                }
                if key == "entries" {
                    written.entries.append((terms, text, location))
                    continue
                }
                let words = terms.compactMap { term -> String? in if case let .exact(word) = term { return word } else { return nil } }
                guard words.count == terms.count else {
                    doc.diagnostics.append(Diagnostic(.patternSyntax, location, "in \(key) entry \"\(text)\": forms are generated from whole words; write a prefix under `entries`", subject: "@" + name))
                    continue
                }
                let forms = key == "verbs" ? WordForms.verb(words) : WordForms.noun(words)
                for form in forms { written.entries.append((form.map(PatternTerm.exact), text, location)) }
            }
        }
        return written
    }

    /// Expands every class: includes inlined, each entry once. Reports unknown includes (R060),
    /// cycles (R062), entries listed twice (R063) and classes empty once expanded (R065).
    static func expand(_ written: [Written]) -> (Vocabulary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let byName = Dictionary(written.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for item in written {
            var seen: [[PatternTerm]: String] = [:]
            for entry in item.entries {
                if let first = seen[entry.terms] {
                    let words = entry.terms.map(\.description).joined(separator: " ")
                    let how = first == entry.origin ? "'\(words)' is listed twice" : "'\(words)' comes from both '\(first)' and '\(entry.origin)'"
                    diagnostics.append(Diagnostic(.duplicateEntry, entry.location, "\(how); keep one", subject: "@" + item.name))
                } else {
                    seen[entry.terms] = entry.origin
                }
            }
        }
        var expanded: [String: (entries: [[PatternTerm]], origins: [String])] = [:]
        var visiting: [String] = []
        var reportedCycles = Set<String>()
        // Whether class `other`, named in class `name` at `location`, exists and does not lead back
        // to a class being expanded; if not, the problem is reported.
        func usable(_ other: String, location: SourceLocation, from name: String) -> Bool {
            guard byName[other] != nil else {
                let suggestion = YAMLDocument.closest(to: other, in: Array(byName.keys)).map { "; did you mean '@\($0)'?" } ?? ""
                diagnostics.append(Diagnostic(.unknownClass, location, "unknown class '@\(other)'\(suggestion)", subject: "@" + name))
                return false
            }
            if let start = visiting.firstIndex(of: other) {
                let cycle = (visiting[start...] + [other]).map { "@" + $0 }
                if reportedCycles.insert(Set(cycle).sorted().joined(separator: " ")).inserted {
                    diagnostics.append(Diagnostic(.classCycle, location, "classes include each other: \(cycle.joined(separator: " → "))", subject: "@" + name))
                }
                return false
            }
            return true
        }
        // Depth first; an include that leads back to a class being expanded is a cycle, reported
        // once and skipped, so every class still expands to what it lists.
        func expand(_ name: String) -> (entries: [[PatternTerm]], origins: [String]) {
            if let done = expanded[name] { return done }
            guard let item = byName[name] else { return ([], []) }
            visiting.append(name)
            defer { visiting.removeLast() }
            var entries: [[PatternTerm]] = [], origins: [String] = []
            var seen = Set<[PatternTerm]>()
            for entry in item.entries where seen.insert(entry.terms).inserted {
                entries.append(entry.terms)
                origins.append(entry.origin)
            }
            for include in item.includes {
                guard usable(include.name, location: include.location, from: name) else { continue }
                let inner = expand(include.name)
                for (terms, origin) in zip(inner.entries, inner.origins) where seen.insert(terms).inserted {
                    entries.append(terms)
                    origins.append(origin.hasPrefix("@") ? origin : "@\(include.name) ← '\(origin)'")
                }
            }
            for sequence in item.sequences {
                // Each part's alternatives, then every combination, in the order written.
                var alternatives: [[[PatternTerm]]] = []
                for part in sequence.parts {
                    switch part {
                    case let .term(term):
                        alternatives.append([[term]])
                    case let .vocabularyClass(other):
                        guard usable(other, location: sequence.location, from: name) else { alternatives = []; break }
                        alternatives.append(expand(other).entries)
                    }
                    if alternatives.isEmpty { break }
                }
                guard alternatives.count == sequence.parts.count else { continue }
                let size = alternatives.reduce(1) { product, options in product.multipliedReportingOverflow(by: options.count).overflow ? Int.max : product * options.count }
                guard size <= maximumEntries - entries.count else {
                    diagnostics.append(Diagnostic(.classTooLarge, sequence.location,
                                                  "entry \"\(sequence.origin)\" makes \(size == Int.max ? "too many" : String(size)) entries; a class may have at most \(maximumEntries)",
                                                  subject: "@" + name))
                    continue
                }
                var combinations: [[PatternTerm]] = [[]]
                for options in alternatives {
                    combinations = combinations.flatMap { prefix in options.map { prefix + $0 } }
                }
                for terms in combinations where seen.insert(terms).inserted {
                    entries.append(terms)
                    origins.append(sequence.origin)
                }
            }
            // Each class is expanded once, so includes shaped like a deep diamond cost their size, not
            // their paths. On a cycle (an error that fails loading) the class is cut where it leads back.
            expanded[name] = (entries, origins)
            return (entries, origins)
        }
        var classes: [VocabularyClass] = []
        for item in written.sorted(by: { $0.name < $1.name }) {
            let result = expand(item.name)
            if result.entries.isEmpty {
                diagnostics.append(Diagnostic(.emptyClass, item.location, "class '@\(item.name)' has no entries once expanded", subject: "@" + item.name))
            }
            let named = item.sequences.flatMap { sequence in
                sequence.parts.compactMap { part -> String? in if case let .vocabularyClass(other) = part { return other } else { return nil } }
            }
            var includes = item.includes.map(\.name)
            for other in named where !includes.contains(other) { includes.append(other) }
            classes.append(VocabularyClass(name: item.name, about: item.about, entries: result.entries, origins: result.origins,
                                           includes: includes, location: item.location))
        }
        return (Vocabulary(classes), diagnostics)
    }
}
