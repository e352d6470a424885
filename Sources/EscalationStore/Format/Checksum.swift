/// FNV-1a, 64 bits, as 16 hex digits: cheap, and any single changed byte changes it (each step is a bijection).
enum Checksum {
    static func of<C: Collection<UInt8>>(_ bytes: C) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        if done == nil {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
