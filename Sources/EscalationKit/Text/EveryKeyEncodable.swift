/// `--json` output whose shape is stable: every stored property is a key, and a value that is
/// absent is written as `null` rather than left out (the synthesized `Encodable` drops it), so a
/// script can read `row["owner"]` without first asking whether the key exists. The keys are the
/// property names (the command line's `--json` encoder makes them snake_case).
public protocol EveryKeyEncodable: Encodable {}

extension EveryKeyEncodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PropertyKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = child.value as? any Encodable else { continue }
            try container.encode(value, forKey: PropertyKey(stringValue: label))
        }
    }
}

private struct PropertyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
