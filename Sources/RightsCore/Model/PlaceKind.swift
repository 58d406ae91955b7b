/// How a name refers to a country, strongest first.
public enum PlaceKind: String, Sendable, Codable, Comparable {
    case name, alias, demonym, capital, city, leader, region

    public static func < (lhs: PlaceKind, rhs: PlaceKind) -> Bool {
        let order: [PlaceKind] = [.name, .alias, .capital, .leader, .demonym, .city, .region]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
