import SanityChecker
import Testing

/// Sequence text through the reader against a direct, table-free reference: the reader's SIMD
/// fast path (A, C, G, T, N in either case) and its table path must agree on every input.
@Suite struct NucleotideNormalizationTests {
  /// Uppercases letters, reads U as T and drops spaces, tabs and carriage returns.
  static func reference(_ line: [UInt8]) -> [UInt8] {
    line.compactMap { byte -> UInt8? in
      if byte == 0x20 || byte == 0x09 || byte == 0x0D { return nil }
      let upper = (0x61...0x7A).contains(byte) ? byte - 32 : byte
      return upper == UInt8(ascii: "U") ? UInt8(ascii: "T") : upper
    }
  }

  @Test(arguments: ["ACGT", "ACGTacgtNn", "ACGTNRYSWKMBDHVUacgtnryswkmbdhvu \t\r"])
  func randomLinesMatchTheReference(alphabet: String) throws {
    let letters = Array(alphabet.utf8)
    var generator = SeededGenerator(seed: UInt64(alphabet.count))
    for trial in 0..<60 {
      let lines = (0..<(1 + trial % 4)).map { _ in
        (0..<(1 + generator.index(below: 70))).map { _ in
          letters[generator.index(below: letters.count)]
        }
      }
      let text = ">r\n" + lines.map { String(decoding: $0, as: UTF8.self) + "\n" }.joined()
      let expected = lines.flatMap(Self.reference)
      guard !expected.isEmpty else { continue }
      let records = try FASTAReader(
        bytes: Array(text.utf8), name: "r.fa", chunkSize: 1 + trial % 29
      ).readAll()
      #expect(records.map(\.sequence) == [expected], "trial \(trial)")
    }
  }

  /// An invalid byte anywhere in a long line, in a full SIMD block or in the overlapping tail,
  /// is found at its exact column.
  @Test func invalidBytesAreLocatedInLongLines() throws {
    for length in [15, 16, 17, 31, 33, 60] {
      for position in 0..<length {
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        line[position] = UInt8(ascii: "E")
        let text = Array(">x\n".utf8) + line + [0x0A]
        #expect(
          throws: FASTAError.invalidCharacter(
            file: "e.fa", line: 2, column: position + 1, character: UInt8(ascii: "E"), record: "x")
        ) { try FASTAReader(bytes: text, name: "e.fa").readAll() }
      }
    }
  }

  @Test func streamingReusesTheBufferAcrossUnequalLengths() throws {
    let text = ">a\nACGTACGTACGTACGTACGT\n>b\nGG\n>c\nTTTTTTTTTTTTTTTTTTTTTTTTTTTT\n"
    let reader = FASTAReader(bytes: Array(text.utf8), name: "u.fa")
    var bases: [UInt8] = []
    var seen: [String] = []
    while let id = try reader.nextSequence(into: &bases) {
      seen.append(id + ":" + String(decoding: bases, as: UTF8.self))
    }
    #expect(seen == ["a:ACGTACGTACGTACGTACGT", "b:GG", "c:" + String(repeating: "T", count: 28)])
    let padded = FASTAReader(bytes: Array(text.utf8), name: "u.fa")
    var decoded: [String] = []
    try OneHot(lengthPolicy: .padWithN(to: 30)).forEachBatch(from: padded, batchSize: 2) { batch in
      decoded += OneHot.sequences(from: batch.inputs).map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(
      decoded[1] == String(repeating: "N", count: 14) + "GG" + String(repeating: "N", count: 14))
    #expect(decoded[2] == "N" + String(repeating: "T", count: 28) + "N")
  }
}
