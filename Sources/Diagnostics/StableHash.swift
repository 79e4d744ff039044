import Foundation

/// 128-bit FNV-1a over UTF-8 (two 64-bit lanes with different offsets): stable across
/// runs and machines, unlike `Hasher`; enough to tell cache entries apart.
public struct StableHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    public init() {}

    /// Adds `text` (its UTF-8 bytes, then a separator).
    public mutating func combine(_ text: String) {
        // Over the contiguous UTF-8 storage when there is one (stepping `utf8` is slower).
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { mix(byte) }
            return true
        }
        if done == nil {
            for byte in text.utf8 { mix(byte) }
        }
        mix(0xFF)  // separator, so ("ab", "c") and ("a", "bc") differ
    }

    /// Adds raw bytes (then a separator), for file contents.
    public mutating func combine(bytes: Data) {
        for byte in bytes { mix(byte) }
        mix(0xFF)
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
        b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 ^ (b >> 29)
    }

    /// The hash as 32 hexadecimal digits.
    public var hex: String { Self.hex(a, b) }

    /// Two words as 32 hexadecimal digits, `a` first.
    static func hex(_ a: UInt64, _ b: UInt64) -> String {
        // Written digit by digit: `String(format:)` costs a microsecond, and caches key
        // tens of thousands of entries.
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 32) { buffer in
            digits.withUTF8Buffer { d in
                for (k, word) in [a, b].enumerated() {
                    for i in 0..<16 { buffer[16 * k + i] = d[Int((word >> UInt64(60 - 4 * i)) & 0xF)] }
                }
            }
            return 32
        }
    }
}
