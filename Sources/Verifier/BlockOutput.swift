import Diagnostics
import Foundation

/// What one block printed, cut at ``BlockOutputSplitter/blockLimit`` bytes.
struct BlockOutput: Sendable, Codable, Hashable {
    /// The printed text (UTF-8; a character cut by the limit is replaced).
    var text: String
    /// How many bytes were printed beyond the limit and not kept (0 when whole).
    var droppedBytes: Int
}

/// Splits a claim program's standard output by block as it arrives, keeping at most
/// ``blockLimit`` bytes of each block.
///
/// The program prints ``ClaimEvent/stdoutMarker(line:)`` — `\n`, `\u{1}lemma-block LINE\u{1}`,
/// `\n` — when a block starts; the marker (with the newline in front of it) is removed.
/// Output past a block's limit is counted and dropped, so a block that prints without end
/// costs no memory and later blocks still get theirs.
struct BlockOutputSplitter {
    /// Bytes kept per block.
    static let defaultBlockLimit = 10 << 20

    let blockLimit: Int
    private(set) var blocks: [Int: (bytes: [UInt8], dropped: Int)] = [:]
    private var current: Int?
    /// Bytes held back because they may be the start of a marker.
    private var pending: [UInt8] = []

    private static let prefix = Array("\n\u{1}lemma-block ".utf8)

    init(blockLimit: Int = defaultBlockLimit) { self.blockLimit = blockLimit }

    /// Feeds the next bytes of standard output.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if pending.isEmpty {
            consume(bytes)
        } else {
            let joined = pending + Array(bytes)
            pending = []
            joined.withUnsafeBytes { consume($0) }
        }
    }

    /// The output of each block by its first code line, once the stream has ended.
    mutating func finish() -> [Int: BlockOutput] {
        let rest = pending
        pending = []
        emit(rest[...])
        return blocks.mapValues { BlockOutput(text: String(decoding: $0.bytes, as: UTF8.self), droppedBytes: $0.dropped) }
    }

    private mutating func consume(_ bytes: UnsafeRawBufferPointer) {
        let data = bytes.bindMemory(to: UInt8.self)
        guard let base = data.baseAddress, !data.isEmpty else { return }
        var start = 0
        var search = 0
        while search < data.count, let found = memchr(base + search, 0x01, data.count - search) {
            let one = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            search = one + 1
            let newline = one - 1
            guard newline >= start, data[newline] == 0x0A else { continue }
            switch Self.matchMarker(data, at: newline) {
            case .incomplete:
                emit(data[start..<newline])
                pending = Array(data[newline...])
                return
            case .no:
                continue
            case let .yes(line, end):
                emit(data[start..<newline])
                current = line
                if blocks[line] == nil { blocks[line] = ([], 0) }
                start = end
                search = end
            }
        }
        // A final newline may be the first byte of a marker in the next chunk.
        if data.count > start, data[data.count - 1] == 0x0A {
            emit(data[start..<(data.count - 1)])
            pending = [0x0A]
        } else {
            emit(data[start...])
        }
    }

    private enum Match { case yes(Int, Int), no, incomplete }

    /// Whether a marker starts at `at` (its leading newline), and where it ends.
    private static func matchMarker(_ data: UnsafeBufferPointer<UInt8>, at: Int) -> Match {
        var k = at
        for byte in prefix {
            guard k < data.count else { return .incomplete }
            guard data[k] == byte else { return .no }
            k += 1
        }
        var line = 0
        var digits = 0
        while k < data.count, data[k] >= 0x30, data[k] <= 0x39, digits < 10 {
            line = line * 10 + Int(data[k] - 0x30)
            digits += 1
            k += 1
        }
        guard k + 1 < data.count else { return k + 1 - at < 40 ? .incomplete : .no }
        guard digits > 0, data[k] == 0x01, data[k + 1] == 0x0A else { return .no }
        return .yes(line, k + 2)
    }

    private mutating func emit<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard !bytes.isEmpty, let line = current else { return }
        let room = blockLimit - blocks[line]!.bytes.count
        if room >= bytes.count {
            blocks[line]!.bytes.append(contentsOf: bytes)
        } else {
            if room > 0 { blocks[line]!.bytes.append(contentsOf: bytes.prefix(room)) }
            blocks[line]!.dropped += bytes.count - max(0, room)
        }
    }
}
