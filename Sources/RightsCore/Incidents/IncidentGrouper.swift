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
/// - Complexity: O(n·w) comparisons within each (month, country), n its findings and w those
///   published within `daysApart` days of each.
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
        let items = items.sorted(by: Self.earlier)
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
        // Items are sorted by day: once a later one is too far, so are all after it.
        for one in items.indices {
            for other in items.indices.dropFirst(one + 1) {
                if let first = items[one].day, let second = items[other].day, let gap = Self.daysBetween(first, second), gap > settings.daysApart { break }
                guard items[other].finding.articleID != items[one].finding.articleID else { continue }
                let rootOne = sets.find(one), rootOther = sets.find(other)
                guard rootOne != rootOther, isSameEvent(items[one], items[other]) else { continue }
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
        let named = ordered.filter { !items[$0].names.isEmpty }
        for (position, index) in ordered.enumerated() {
            let item = items[index]
            for other in ordered[..<position] {
                let earlier = items[other]
                let sameName = !item.names.isEmpty && !earlier.names.isEmpty
                    && (!Set(item.names).isDisjoint(with: earlier.names) || Self.shareSurname(Set(item.names), Set(earlier.names)))
                if earlier.finding.sentenceStart == item.finding.sentenceStart || sameName { sets.union(index, other) }
            }
            guard item.names.isEmpty else { continue }
            if let anchor = named.last(where: { items[$0].finding.sentenceStart < item.finding.sentenceStart }) ?? named.first {
                sets.union(index, anchor)
            } else if let first = ordered.first {
                sets.union(index, first)
            }
        }
    }

    /// Whether two findings of different articles report one event.
    func isSameEvent(_ a: IncidentEvidence, _ b: IncidentEvidence) -> Bool {
        guard let gap = Self.daysBetween(a.day, b.day), gap <= settings.daysApart else { return false }
        if a.words.count >= settings.repeatedSentenceWords, a.words == b.words { return true }
        let namesA = Set(a.names), namesB = Set(b.names)
        if Self.conflict(namesA, namesB) { return false }
        if !a.places.isEmpty, !b.places.isEmpty, a.places.isDisjoint(with: b.places) { return false }
        if !namesA.isDisjoint(with: namesB) || Self.shareSurname(namesA, namesB) { return true }
        let sameIndicator = a.finding.indicator == b.finding.indicator
        let sharedPlace = !a.places.isDisjoint(with: b.places)
        if !a.identity.isDisjoint(with: b.identity), sharedPlace || sameIndicator { return true }
        guard sameIndicator, let shorter = [a.contentWords.count, b.contentWords.count].min(), shorter > 0 else { return false }
        let shared = Double(a.contentWords.intersection(b.contentWords).count) / Double(shorter)
        return shared >= settings.similarSentence
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
        guard let a, let b else { return 0 }
        guard let first = dayNumber(a), let second = dayNumber(b) else { return nil }
        return abs(first - second)
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
