/// The token rules of `PeopleExtractor` over one scanned article.
///
/// A class: its methods hand `word(_:)` to the lexicon as a closure, which for a struct would copy
/// the lexicon's and the text's many references each time.
final class SentenceReader: Sendable {
    let lexicon: PeopleLexicon
    let text: ScannedText
    /// Each token's `WordFacts`, looked up once, for a text whose tokens do not carry them.
    private let lookedUp: [WordFacts]
    /// The tokens carry their facts in their classes: the text was read by rules compiled with this lexicon.
    private let marked: Bool

    /// The longest name read (tokens): longer capitalised runs are headlines or titles of works.
    static let longestName = 5
    /// Tokens looked at between a count and its role ("two *local* journalists").
    static let countModifiers = 2
    /// Tokens between an apposition's article and its role ("a *prominent Kazakh* journalist").
    static let appositionModifiers = 4

    /// - Parameter marked: the text was read by `CompiledRules` built with `lexicon`, which notes
    ///   each token's facts as it reads it; otherwise each token is looked up here.
    init(lexicon: PeopleLexicon, text: ScannedText, marked: Bool = false) {
        self.lexicon = lexicon
        self.text = text
        self.marked = marked
        lookedUp = marked || lexicon.facts.isEmpty ? [] : text.tokens.map { lexicon.facts(of: $0, in: text) }
    }

    @inline(__always)
    func facts(_ index: Int) -> WordFacts {
        if marked { return WordFacts(rawValue: text.tokens[index].classes & WordFacts.all.rawValue) }
        return lookedUp.isEmpty ? [] : lookedUp[index]
    }

    /// Whether token `index`'s folded word is one letter ("E" of "John E. Smith"), told from its
    /// packed bytes when it has them.
    func isOneLetter(_ index: Int) -> Bool {
        let token = text.tokens[index]
        if token.spill < 0 { return token.inline1 == 0 && token.inline0 < 0x100 }
        return word(index).count == 1
    }

    private func startsWithDigit(_ index: Int) -> Bool {
        let token = text.tokens[index]
        if token.spill < 0 { return (0x30 ... 0x39).contains(token.inline0 & 0xFF) }
        return word(index).first?.isASCII == true && word(index).first?.isNumber == true
    }

    /// Token `index`'s folded word, made when asked: most tokens of an article are never asked about.
    func word(_ index: Int) -> String { text.word(index) }

    /// Every token's folded word.
    var words: [String] { text.tokens.indices.map(text.word) }

    /// `PeopleLexicon.role(at:in:)`, for a token that starts a role phrase at all.
    func role(at index: Int) -> (phrase: String, roleClass: String, length: Int)? {
        facts(index).contains(.roleStart) ? lexicon.role(at: index, in: text) : nil
    }

    /// Whether token `index`'s word is a role phrase of one word.
    func isOneWordRole(_ index: Int) -> Bool {
        facts(index).contains(.roleStart) && lexicon.roleTrie.value(ofWordAt: index, in: text) != nil
    }

    /// `PeopleLexicon.placeLength(at:in:)`, for a token that starts a place name at all.
    func placeLength(at index: Int) -> Int? {
        facts(index).contains(.placeStart) ? lexicon.placeLength(at: index, in: text) : nil
    }

    enum RunKind { case person, organisation, place }

    // MARK: Introductions

    /// Whether the sentence has a word that can introduce someone: every introduction starts at a
    /// role or a title, or ends an apposition with a role, so a sentence with neither has none.
    func mayIntroduce(_ sentence: Sentence) -> Bool {
        let introducing = WordFacts([.roleStart, .title]).rawValue
        // Read from the tokens' bits in one pass over the sentence's slice (every sentence of an
        // article is asked at the first name looked up).
        if marked { return text.tokens[sentence.tokenRange].contains { $0.classes & introducing != 0 } }
        return sentence.tokenRange.contains { facts($0).rawValue & introducing != 0 }
    }

    /// Everyone a sentence introduces by a role, an apposition, a title or a count.
    func introductions(in sentence: Sentence) -> [Introduction] {
        let end = sentence.tokenEnd
        var found: [Introduction] = []
        var covered = CoveredTokens(sentence)
        var index = sentence.tokenStart
        while index < end {
            // A capitalised role word inside a sentence is part of a name: "Reporters Without Borders".
            if let role = role(at: index), index + role.length <= end,
               index == sentence.tokenStart || !text.tokens[index].isCapitalized {
                let roleEnd = index + role.length
                let isRelation = index > sentence.tokenStart && facts(index - 1).contains(.possessive)
                let phrase = role.phrase
                if let count = count(before: index, from: sentence.tokenStart) {
                    found.append(Introduction(name: nil, folded: [], tokens: index ..< roleEnd, role: phrase, roleClass: role.roleClass,
                                              count: count, isSpeaker: false, isRelation: isRelation))
                }
                for run in names(after: roleEnd, end: end) {
                    found.append(named(run, role: phrase, roleClass: role.roleClass, isRelation: isRelation, sentence: sentence))
                    covered.formUnion(run)
                }
                index = roleEnd
                continue
            }
            if facts(index).contains(.title), !text.tokens[index].isAllCaps || isOneLetter(index),
               let run = nameRun(at: index + 1, end: end), kind(of: run) == .person, !covered.contains(run.lowerBound) {
                found.append(named(run, role: nil, roleClass: nil, isRelation: false, sentence: sentence))
                covered.formUnion(run)
                index = run.upperBound
                continue
            }
            // Most tokens are not capitalised, so start no name: passed over without a call.
            if text.tokens[index].isCapitalized, !covered.contains(index), let run = nameRun(at: index, end: end), kind(of: run) == .person,
               run.count >= 2 || index > sentence.tokenStart {
                if let role = apposition(after: run, end: end) {
                    var runs = [run]
                    if let previous = listedBefore(run, from: sentence.tokenStart) { runs.insert(previous, at: 0) }
                    for each in runs where !covered.contains(each.lowerBound) {
                        found.append(named(each, role: role.phrase, roleClass: role.roleClass, isRelation: false, sentence: sentence))
                        covered.formUnion(each)
                    }
                }
                index = run.upperBound
                continue
            }
            index += 1
        }
        return found
    }

    /// The people a sentence names: its own introductions (speakers and relations left out), its
    /// counts, and names the article introduced elsewhere.
    /// - Parameter introduced: the person the article introduced by a full name or a surname,
    ///   given the name's tokens.
    func mentions(in sentence: Sentence, introductions: [Introduction], introduced: (Range<Int>) -> Introduction?) -> [PersonMention] {
        var result: [PersonMention] = []
        var covered = CoveredTokens(sentence)
        func add(_ mention: PersonMention) {
            if let key = mention.key, result.contains(where: { $0.key == key }) { return }
            if mention.name == nil, result.contains(mention) { return }
            result.append(mention)
        }
        for person in introductions {
            covered.formUnion(person.tokens)
            guard !person.isSpeaker, !person.isRelation else { continue }
            // "Dr. Castro" after "Dr. Natividad Castro": the person as first introduced.
            if person.name != nil, let known = introduced(person.tokens), known.folded.count > person.folded.count || (known.role != nil && person.role == nil) {
                add(known.mention)
            } else {
                add(person.mention)
            }
        }
        var index = sentence.tokenStart
        while index < sentence.tokenEnd {
            guard text.tokens[index].isCapitalized, !covered.contains(index), let run = nameRun(at: index, end: sentence.tokenEnd) else { index += 1; continue }
            // A place or an organisation is no one introduced elsewhere ("Georgia" is not "Maria Georgia").
            if kind(of: run) == .person, let known = introduced(run), !known.isRelation, !isSpeaker(run, sentence: sentence) {
                add(known.mention)
            }
            index = run.upperBound
        }
        return result
    }

    func opensWithPronoun(_ sentence: Sentence) -> Bool {
        let opening = sentence.tokenStart ..< min(sentence.tokenEnd, sentence.tokenStart + 2)
        return opening.contains { facts($0).contains(.pronoun) }
    }

    // MARK: Pieces

    private func named(_ run: Range<Int>, role: String?, roleClass: String?, isRelation: Bool, sentence: Sentence) -> Introduction {
        var name = text.text(tokens: run)
        // The tokenizer drops a possessive 's from the word, not from the span: "Castro's" is Castro.
        for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] where name.hasSuffix(suffix) { name = String(name.dropLast(2)) }
        return Introduction(name: name, folded: run.map(word), tokens: run, role: role, roleClass: roleClass, count: nil,
                     isSpeaker: isSpeaker(run, sentence: sentence), isRelation: isRelation)
    }

    /// A count at most `countModifiers` words before a role: "12 activists", "two local journalists".
    private func count(before role: Int, from start: Int) -> Int? {
        var index = role - 1
        var modifiers = 0
        while index >= start, modifiers <= Self.countModifiers {
            guard joinedBySpace(index, index + 1) else { return nil }
            let known = facts(index)
            // Only a number word or digits can be a number: most words are not made into strings.
            if known.contains(.number) || startsWithDigit(index), let value = lexicon.number(word(index)) {
                let isYear = word(index).count == 4 && (1900 ... 2100).contains(value)
                return value >= 2 && !isYear ? value : nil
            }
            if known.contains(.functionWord) || isOneWordRole(index) { return nil }
            modifiers += 1
            index -= 1
        }
        return nil
    }

    /// Names right after a role ("journalist Amina Yusuf", "journalists A and B", "his lawyer,
    /// Saule Mukhanova"), titles skipped. A name of one word needs a title: "reporter Monday" is no one.
    private func names(after roleEnd: Int, end: Int) -> [Range<Int>] {
        var index = roleEnd
        var runs: [Range<Int>] = []
        while index < end {
            if runs.isEmpty, !(joinedBySpace(index - 1, index) || separated(index - 1, index, allowing: ",")) { break }
            var start = index
            var titled = false
            while start < end, facts(start).contains(.title) {
                start += 1
                titled = true
            }
            guard start < end, let run = nameRun(at: start, end: end), kind(of: run) == .person, run.count >= 2 || titled else { break }
            runs.append(run)
            // "A and B", "A, B and C"
            guard run.upperBound + 1 < end else { break }
            if word(run.upperBound) == "and" {
                index = run.upperBound + 1
            } else if separated(run.upperBound - 1, run.upperBound, allowing: ","), text.tokens[run.upperBound].isCapitalized {
                index = run.upperBound
            } else {
                break
            }
        }
        return runs
    }

    /// The role of an apposition after a name: "Amina Yusuf, 34, a reporter", "Ilya Sorin, the
    /// opposition leader".
    private func apposition(after run: Range<Int>, end: Int) -> (phrase: String, roleClass: String)? {
        var index = run.upperBound
        guard index < end, separated(index - 1, index, allowing: ",") else { return nil }
        // An age: "Amina Yusuf, 34, …"
        if let value = Int(word(index)), value < 120, index + 1 < end, separated(index, index + 1, allowing: ",") { index += 1 }
        if index < end, facts(index).contains(.possessive) { return nil }
        if index < end, facts(index).contains(.determiner) { index += 1 }
        var modifiers = 0
        while index < end, modifiers <= Self.appositionModifiers {
            if let role = role(at: index), index + role.length <= end { return (role.phrase, role.roleClass) }
            guard index + 1 < end, joinedBySpace(index, index + 1), !facts(index).contains(.functionWord) || word(index) == "of" else { return nil }
            index += 1
            modifiers += 1
        }
        return nil
    }

    /// "Amina Yusuf and Ilya Sorin, two reporters": the name listed before `run`.
    private func listedBefore(_ run: Range<Int>, from start: Int) -> Range<Int>? {
        let and = run.lowerBound - 1
        guard and > start, word(and) == "and" else { return nil }
        var first = and - 1
        while first > start, first > and - Self.longestName, joinedBySpace(first - 1, first), isNameToken(first - 1) { first -= 1 }
        guard let previous = nameRun(at: first, end: and), previous.upperBound == and, kind(of: previous) == .person else { return nil }
        return previous
    }

    /// A source, not a subject: a verb of speech after the name or its apposition ("Yusuf said",
    /// "Yusuf, a lawyer, told reporters"), or "said"/"according to" before it.
    func isSpeaker(_ run: Range<Int>, sentence: Sentence) -> Bool {
        let end = sentence.tokenEnd
        var after = run.upperBound
        if after < end, separated(after - 1, after, allowing: ",") {
            // Past the apposition, to the comma that closes it.
            var closing = after
            while closing < min(end, after + 15), !separated(closing - 1, closing, allowing: ",") || closing == after { closing += 1 }
            if closing < end, closing < after + 15 { after = closing } else { after = end }
        }
        for offset in 0 ..< 2 where after + offset < end {
            if lexicon.speechVerbs.contains(word(after + offset)) { return true }
            let known = facts(after + offset)
            if known.contains(.functionWord) && !known.contains(.speechFiller) { break }
        }
        // Before: only names, roles, titles and articles may stand between the source word and the name.
        var index = run.lowerBound - 1
        var steps = 0
        while index >= sentence.tokenStart, steps < 8 {
            for phrase in lexicon.sourceBefore where index - phrase.count + 1 >= sentence.tokenStart {
                let first = index - phrase.count + 1
                if phrase.indices.allSatisfy({ word(first + $0) == phrase[$0] }) { return true }
            }
            let token = text.tokens[index]
            let known = facts(index)
            let passable = token.isCapitalized || isOneWordRole(index) || known.contains(.title)
                || known.contains(.sourceFiller)
            guard passable else { return false }
            index -= 1
            steps += 1
        }
        return false
    }

    // MARK: Names

    /// The capitalised run of name words starting at `index` (particles inside it allowed).
    func nameRun(at index: Int, end: Int) -> Range<Int>? {
        guard index < end, isNameToken(index) else { return nil }
        var last = index
        var next = index + 1
        while next < end, next - index < Self.longestName {
            if isNameToken(next), joinedBySpace(last, next) || initialJoin(last, next) {
                last = next
                next += 1
            } else if !text.tokens[next].isCapitalized, next + 1 < end, facts(next).contains(.particle), isNameToken(next + 1),
                      joinedBySpace(last, next), joinedBySpace(next, next + 1) {
                last = next + 1
                next += 2
            } else {
                break
            }
        }
        return index ..< last + 1
    }

    func isNameToken(_ index: Int) -> Bool {
        let token = text.tokens[index]
        let known = facts(index)
        // A capitalised token is no digits: a number here is a number word ("Twelve").
        guard token.isCapitalized, known.isDisjoint(with: [.number, .notName, .title]), !token.isAllCaps || isOneLetter(index) else { return false }
        return role(at: index) == nil
    }

    func kind(of run: Range<Int>) -> RunKind {
        // Initials alone ("E.") name no one we could tell apart; treated like an organisation's.
        if run.allSatisfy(isOneLetter) { return .organisation }
        if run.contains(where: { facts($0).contains(.organisation) }) { return .organisation }
        if let length = placeLength(at: run.lowerBound), length >= run.count || run.count == 1 { return .place }
        return .person
    }

    // MARK: What stands between tokens

    private func between(_ left: Int, _ right: Int) -> ArraySlice<UInt8> {
        let start = text.tokens[left].utf8End, end = text.tokens[right].utf8Start
        return start <= end ? text.utf8[start ..< end] : []
    }

    /// Only spaces or a hyphen between two tokens ("Abd-el-Fattah", "Amina Yusuf").
    func joinedBySpace(_ left: Int, _ right: Int) -> Bool {
        let gap = between(left, right)
        return !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { $0 == 0x20 || $0 == 0x2D }
    }

    /// "John F. Kennedy": a single letter, a full stop, a space.
    private func initialJoin(_ left: Int, _ right: Int) -> Bool {
        isOneLetter(left) && between(left, right).elementsEqual([0x2E, 0x20])
    }

    /// The gap holds `mark` and otherwise only spaces (", ").
    private func separated(_ left: Int, _ right: Int, allowing mark: Character) -> Bool {
        guard left >= 0, right < text.tokens.count, left < right else { return false }
        let gap = between(left, right)
        let byte = mark.asciiValue ?? 0
        return gap.contains(byte) && gap.count <= 3 && gap.allSatisfy { $0 == 0x20 || $0 == byte }
    }
}

/// The tokens of one sentence already read as part of a name or a role: bits of two words for a
/// sentence of up to 128 tokens (nearly all), an array beyond.
private struct CoveredTokens {
    private let start: Int
    private let count: Int
    private var low: UInt64 = 0, high: UInt64 = 0
    private var beyond: [Bool]

    init(_ sentence: Sentence) {
        start = sentence.tokenStart
        count = sentence.tokenEnd - sentence.tokenStart
        beyond = count > 128 ? Array(repeating: false, count: count - 128) : []
    }

    func contains(_ index: Int) -> Bool {
        let offset = index - start
        guard offset >= 0, offset < count else { return false }
        if offset < 64 { return low & (1 << UInt64(offset)) != 0 }
        if offset < 128 { return high & (1 << UInt64(offset - 64)) != 0 }
        return beyond[offset - 128]
    }

    mutating func formUnion(_ tokens: Range<Int>) {
        for index in tokens {
            let offset = index - start
            guard offset >= 0, offset < count else { continue }
            if offset < 64 {
                low |= 1 << UInt64(offset)
            } else if offset < 128 {
                high |= 1 << UInt64(offset - 64)
            } else {
                beyond[offset - 128] = true
            }
        }
    }
}
