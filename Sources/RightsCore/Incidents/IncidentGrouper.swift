import Foundation

/// Groups findings of one month and country into incidents: one event, however many articles and
/// sentences report it.
///
/// Two findings are one event when:
/// - they are the same sentence of one article (one sentence, several indicators), or the same
///   sentence word for word in two articles (syndication, `repeatedSentenceWords` words or more);
/// - in one article: they name the same person; a finding that names nobody (or only counts
///   people) belongs with the nearest finding before it that names someone (after it, when none
///   does), and in an article that names no one, all findings are one event;
/// - in two articles published at most `daysApart` days apart, with no conflict (both name people
///   and none is shared, or both name towns and none is shared): they name the same person, or give
///   the same count of the same kind of people and share a place or an indicator, or share an
///   indicator and `similarSentence` of their content words.
///
/// Events chain: a report that names the same person as two others joins all three. The incident
/// id is the hash of its earliest finding's id (by day, article, offset), so it is stable.
///
/// - Complexity: two findings are compared only when they share something `isSameEvent` looks at
///   (a name or surname, a counted group, the exact sentence, or a content word that at most
///   `candidateLimit` findings of the group use), and along one shared key a finding is compared
///   with the `candidateLimit` findings after it: O(n·k·limit) comparisons for n findings of k keys
///   each, however many findings a month of untrusted input puts on one day. Within the limit the
///   grouping is the all-pairs one.
public struct IncidentGrouper: Sendable {
    public let settings: IncidentSettings

    public init(settings: IncidentSettings) {
        self.settings = settings
    }

    public func group(_ evidence: [IncidentEvidence]) -> [Incident] {
        var byKey: [String: [IncidentEvidence]] = [:]
        for item in evidence {
            byKey["\(item.finding.month?.rawValue ?? "undated") \(item.finding.country.rawValue)", default: []].append(item)
        }
        return byKey.keys.sorted().flatMap { group(sameMonthAndCountry: byKey[$0]!) }
    }

    func group(sameMonthAndCountry items: [IncidentEvidence]) -> [Incident] {
        // Sorted by index, then copied once: an evidence is large, and a sort moves it many times.
        let items = items.indices.sorted { Self.earlier(items[$0], items[$1]) }.map { items[$0] }
        // What the pair test reads, made once per finding instead of once per pair.
        let compared = items.map(ComparedEvidence.init)
        var sets = DisjointSets(count: items.count)
        var byArticle: [ArticleID: [Int]] = [:]
        for (index, item) in items.enumerated() { byArticle[item.finding.articleID, default: []].append(index) }

        for indices in byArticle.values {
            linkWithinArticle(indices.sorted { items[$0].finding.sentenceStart < items[$1].finding.sentenceStart }, items, &sets)
        }

        // What each group so far names and where it is set: two groups that name different people,
        // or different towns, stay apart even when two of their findings look alike.
        var profiles: [Int: (names: Set<String>, places: Set<String>)] = [:]
        for index in items.indices {
            let root = sets.find(index)
            profiles[root, default: ([], [])].names.formUnion(items[index].names)
            profiles[root, default: ([], [])].places.formUnion(items[index].places)
        }
        let candidates = CandidatePairs(items, limit: Self.candidateLimit)
        // Pairs in the order of the all-pairs loop (earlier finding first, then the later one), so
        // which of two conflicting unions happens first does not depend on the candidate search.
        for one in items.indices {
            for other in candidates.after(one) {
                guard items[other].finding.articleID != items[one].finding.articleID else { continue }
                let rootOne = sets.find(one), rootOther = sets.find(other)
                guard rootOne != rootOther, isSameEvent(compared[one], compared[other]) else { continue }
                let first = profiles[rootOne] ?? ([], []), second = profiles[rootOther] ?? ([], [])
                if Self.conflict(first.names, second.names) || (!first.places.isEmpty && !second.places.isEmpty && first.places.isDisjoint(with: second.places)) {
                    continue
                }
                sets.union(one, other)
                profiles[sets.find(one)] = (first.names.union(second.names), first.places.union(second.places))
            }
        }

        var members: [Int: [Int]] = [:]
        for index in items.indices { members[sets.find(index), default: []].append(index) }
        return members.values.map { incident(of: $0.map { items[$0] }) }.sorted { ($0.firstDay ?? "", $0.id) < ($1.firstDay ?? "", $1.id) }
    }

    /// In one article: one sentence is one event; findings naming the same person are one event;
    /// a finding that names no one (or only counts people) joins the nearest named finding before
    /// it, else after it; in an article that names no one, every finding is one event.
    func linkWithinArticle(_ ordered: [Int], _ items: [IncidentEvidence], _ sets: inout DisjointSets) {
        // Union is transitive, so joining each finding to the first earlier one that shares its
        // sentence, a name, or a surname written alone is joining it to every such earlier one.
        var firstAt: [Int: Int] = [:], firstNamed: [String: Int] = [:]
        var firstAlone: [String: Int] = [:], firstWithSurname: [String: Int] = [:]
        func join(_ index: Int, _ key: String, _ first: inout [String: Int], _ other: [String: Int]) {
            if let earlier = other[key] { sets.union(index, earlier) }
            if first[key] == nil { first[key] = index }
        }
        let named = ordered.filter { !items[$0].names.isEmpty }
        for index in ordered {
            let item = items[index]
            if let earlier = firstAt[item.finding.sentenceStart] { sets.union(index, earlier) } else { firstAt[item.finding.sentenceStart] = index }
            for name in Set(item.names) {
                if let earlier = firstNamed[name] { sets.union(index, earlier) } else { firstNamed[name] = index }
                // "Castro" and "Natividad Castro": a surname alone is the full name's.
                if let surname = name.split(separator: " ").last.map(String.init), surname != name {
                    join(index, surname, &firstWithSurname, firstAlone)
                } else {
                    join(index, name, &firstAlone, firstWithSurname)
                }
            }
            guard item.names.isEmpty else { continue }
            if let anchor = named.last(where: { items[$0].finding.sentenceStart < item.finding.sentenceStart }) ?? named.first {
                sets.union(index, anchor)
            } else if let first = ordered.first {
                sets.union(index, first)
            }
        }
    }

    /// How many findings of a group one key may bring into comparison with each finding.
    static let candidateLimit = 32

    /// Whether two findings of different articles report one event.
    private func isSameEvent(_ first: ComparedEvidence, _ second: ComparedEvidence) -> Bool {
        let (a, b) = (first.evidence, second.evidence)
        guard let gap = Self.daysBetween(first.dayNumber, second.dayNumber), gap <= settings.daysApart else { return false }
        if a.words.count >= settings.repeatedSentenceWords, a.words == b.words { return true }
        let namesA = first.names, namesB = second.names
        if Self.conflict(namesA, namesB) { return false }
        if !a.places.isEmpty, !b.places.isEmpty, a.places.isDisjoint(with: b.places) { return false }
        if !namesA.isDisjoint(with: namesB) || Self.shareSurname(namesA, namesB) { return true }
        let sameIndicator = a.finding.indicator == b.finding.indicator
        let sharedPlace = !a.places.isDisjoint(with: b.places)
        if !first.identity.isDisjoint(with: second.identity), sharedPlace || sameIndicator { return true }
        guard sameIndicator, let shorter = [a.contentWords.count, b.contentWords.count].min(), shorter > 0 else { return false }
        let shared = Double(a.contentWords.intersection(b.contentWords).count) / Double(shorter)
        return shared >= settings.similarSentence
    }

    /// An evidence with what `isSameEvent` derives from it.
    private struct ComparedEvidence {
        let evidence: IncidentEvidence
        /// Its day as a day number: `.unknown` undated, `.invalid` not a `YYYY-MM-DD` day.
        let dayNumber: DayNumber
        let names: Set<String>
        let identity: Set<String>

        init(_ evidence: IncidentEvidence) {
            self.evidence = evidence
            dayNumber = DayNumber(evidence.day)
            names = Set(evidence.names)
            identity = evidence.identity
        }
    }

    /// A `YYYY-MM-DD` day read once.
    private enum DayNumber: Equatable {
        case unknown
        case invalid(String)
        case known(Int)

        init(_ day: String?) {
            guard let day else { self = .unknown; return }
            self = IncidentGrouper.dayNumber(day).map(DayNumber.known) ?? .invalid(day)
        }
    }

    /// Whole days between two days read already; 0 when either is unknown.
    private static func daysBetween(_ a: DayNumber, _ b: DayNumber) -> Int? {
        switch (a, b) {
        case (.unknown, _), (_, .unknown): return 0
        case let (.known(first), .known(second)): return abs(first - second)
        // The same text is the same day, even one that is not a date.
        case let (.invalid(first), .invalid(second)) where first == second: return 0
        default: return nil
        }
    }

    /// Both name people, and none of one's is the other's.
    static func conflict(_ a: Set<String>, _ b: Set<String>) -> Bool {
        !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b) && !shareSurname(a, b)
    }

    /// "amina yusuf" and "yusuf": the same surname, one of them written alone.
    static func shareSurname(_ a: Set<String>, _ b: Set<String>) -> Bool {
        func surnames(_ names: Set<String>) -> Set<String> { Set(names.compactMap { $0.split(separator: " ").last.map(String.init) }) }
        let singleA = a.filter { !$0.contains(" ") }, singleB = b.filter { !$0.contains(" ") }
        return !singleA.isDisjoint(with: surnames(b)) || !singleB.isDisjoint(with: surnames(a))
    }

    func incident(of members: [IncidentEvidence]) -> Incident {
        let ordered = members.sorted(by: Self.earlier)
        var people: [PersonMention] = []
        var keys = Set<String>()
        for person in ordered.flatMap(\.people) where person.name != nil {
            if let key = person.key, keys.insert(key).inserted { people.append(person) }
        }
        // A surname alone ("Castro") is the full name another report gave ("Natividad Castro").
        let surnames = Set(keys.filter { $0.contains(" ") }.compactMap { $0.split(separator: " ").last.map(String.init) })
        people.removeAll { person in person.key.map { !$0.contains(" ") && surnames.contains($0) } ?? false }
        for person in ordered.flatMap(\.people) where person.name == nil && !people.contains(person) { people.append(person) }
        let days = ordered.compactMap(\.day).sorted()
        var articles: [ArticleID] = []
        for item in ordered where !articles.contains(item.finding.articleID) { articles.append(item.finding.articleID) }
        return Incident(id: Incident.makeID(earliest: ordered[0].finding.id), month: ordered[0].finding.month, country: ordered[0].finding.country,
                        indicators: Array(Set(ordered.map(\.finding.indicator))).sorted(), findings: ordered.map(\.finding.id),
                        articles: articles, sources: Array(Set(ordered.compactMap(\.source))).sorted(), people: people,
                        firstDay: days.first, lastDay: days.last)
    }

    static func earlier(_ a: IncidentEvidence, _ b: IncidentEvidence) -> Bool {
        (a.day ?? "", a.finding.articleID, a.finding.sentenceStart, a.finding.id) < (b.day ?? "", b.finding.articleID, b.finding.sentenceStart, b.finding.id)
    }

    /// Whole days between two `YYYY-MM-DD` days; 0 when either is unknown (undated findings of one
    /// group are compared by their words alone).
    static func daysBetween(_ a: String?, _ b: String?) -> Int? {
        daysBetween(DayNumber(a), DayNumber(b))
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day (proleptic Gregorian), without Foundation's calendar.
    static func dayNumber(_ day: String) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var (year, month) = (parts[0], parts[1])
        let date = parts[2]
        if month <= 2 { year -= 1; month += 12 }
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month - 3) + 2) / 5 + date - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// For each finding of a group, the later findings worth comparing with it: those that share a
/// name, a surname, a counted group or the exact sentence (the next `limit` along each such key),
/// or, under the same indicator, a content word used by at most `limit` findings of the group (a
/// word half the month uses says nothing about which event a sentence tells).
struct CandidatePairs {
    private var keysOf: [[Int]] = []
    private var postings: [[Int]] = []
    let limit: Int

    init(_ items: [IncidentEvidence], limit: Int) {
        self.limit = limit
        var keyIndex: [String: Int] = [:]
        var rawKeys: [[Int]] = []
        for (index, item) in items.enumerated() {
            var keys: [String] = []
            for name in Set(item.names) {
                keys.append("n " + name)
                if let surname = name.split(separator: " ").last { keys.append("s " + surname) }
            }
            keys += item.identity.map { "i " + $0 }
            if !item.words.isEmpty { keys.append("w " + item.words.joined(separator: " ")) }
            keys += item.contentWords.map { "c \(item.finding.indicator.rawValue) \($0)" }
            var ids: [Int] = []
            for key in Set(keys) {
                let id: Int
                if let known = keyIndex[key] { id = known } else { id = postings.count; keyIndex[key] = id; postings.append([]) }
                postings[id].append(index)
                ids.append(id)
            }
            rawKeys.append(ids)
        }
        // A content word shared by more than `limit` findings is no candidate key.
        let common = Set(keyIndex.filter { $0.key.hasPrefix("c ") && postings[$0.value].count > limit }.map(\.value))
        keysOf = rawKeys.map { $0.filter { !common.contains($0) } }
    }

    /// Later findings to compare with `item`, in ascending order, each once.
    func after(_ item: Int) -> [Int] {
        var found: [Int] = []
        for key in keysOf[item] {
            let list = postings[key]
            // Postings are in item order, so `item`'s place in it is found by search.
            var low = 0, high = list.count
            while low < high { let mid = (low + high) / 2; if list[mid] < item { low = mid + 1 } else { high = mid } }
            found += list[min(list.count, low + 1) ..< min(list.count, low + 1 + limit)]
        }
        return Array(Set(found)).sorted()
    }
}

/// Union-find over 0 ..< count, with path halving.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0 ..< count) }

    mutating func find(_ element: Int) -> Int {
        var node = element
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
