/// Tests on eight UTF-8 bytes at once, read as one little-endian `UInt64` word: each gives
/// a mask with the high bit (`0x80`) of every byte that passes, exactly — no carry crosses
/// from one byte into the next, so any set bit, not only the lowest, marks a real match.
/// The lowest set bit's byte is `mask.trailingZeroBitCount / 8`.
///
/// Used where text is scanned for a few special bytes (formulas, line ends, HTML and JSON
/// escaping): most words have none, and are passed over in one step.
public enum ByteWord {
    @usableFromInline static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The bytes of `w` that are zero.
    @inlinable public static func zero(_ w: UInt64) -> UInt64 {
        ~(((w & lows) &+ lows) | w | lows)
    }

    /// The bytes of `w` equal to `byte`.
    @inlinable public static func equal(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        zero(w ^ (ones &* UInt64(byte)))
    }

    /// The bytes of `w` below `bound` (at most `0x80`): high bit clear, and the low seven
    /// bits plus `0x80 - bound` still below `0x80`.
    @inlinable public static func below(_ w: UInt64, _ bound: UInt8) -> UInt64 {
        ~(((w & lows) &+ (ones &* UInt64(0x80 - bound))) | w) & highs
    }

    /// The first index at or after `start` where `hits` (a test of one word) marks a byte,
    /// or where `isHit` holds for the bytes of a last, partial word; `bytes.count` if none.
    @inlinable public static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, hits: (UInt64) -> UInt64, isHit: (UInt8) -> Bool
    ) -> Int {
        var k = start
        #if _endian(little)
        let raw = UnsafeRawBufferPointer(bytes)
        while k + 8 <= bytes.count {
            let mask = hits(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            if mask != 0 { return k + mask.trailingZeroBitCount / 8 }
            k += 8
        }
        #endif
        while k < bytes.count, !isHit(bytes[k]) { k += 1 }
        return k
    }
}
