/// An object key as its bytes in the line: the readers switch on it with string literals
/// (`case "title":`), comparing bytes instead of building a String for every key.
struct Key {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// True when the key is exactly the literal's bytes (what `switch key { case "title": … }` asks).
    @inline(__always)
    static func ~= (literal: StaticString, key: Key) -> Bool {
        guard literal.utf8CodeUnitCount == key.bytes.count else { return false }
        let expected = literal.utf8Start
        for i in 0..<key.bytes.count where key.bytes[i] != expected[i] { return false }
        return true
    }
}
