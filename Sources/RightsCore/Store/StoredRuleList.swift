import Foundation

/// The `rules` column: rule ids separated by spaces, those of the finding's own indicator by
/// their name alone ("political_prisoners.critics_jailed" under `political_prisoners` is
/// "critics_jailed"). A rule name has no dot (`<indicator>.<name>`), so a word with one is a whole id.
enum StoredRuleList {
    static func encode(_ rules: [RuleID], indicator: IndicatorID, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        var prefix = indicator.rawValue
        prefix.withUTF8 { prefix in
            for (position, rule) in rules.enumerated() {
                if position > 0 { bytes.append(0x20) }
                var id = rule.rawValue
                id.withUTF8 { id in
                    let own = !prefix.isEmpty && id.count > prefix.count + 1 && id[prefix.count] == UInt8(ascii: ".")
                        && memcmp(id.baseAddress!, prefix.baseAddress!, prefix.count) == 0
                        && !id[(prefix.count + 1)...].contains(UInt8(ascii: "."))
                    bytes.append(contentsOf: own ? UnsafeBufferPointer(rebasing: id[(prefix.count + 1)...]) : id)
                }
            }
        }
    }

    static func decode(_ column: String, indicator: IndicatorID) -> [RuleID] {
        // Bytes, not `contains(".")`: Foundation's substring search was a tenth of an export.
        let prefix = indicator.rawValue + "."
        return column.utf8.split(separator: 0x20).map { word in
            word.contains(UInt8(ascii: ".")) ? RuleID(String(Substring(word))) : RuleID(prefix + Substring(word))
        }
    }
}
