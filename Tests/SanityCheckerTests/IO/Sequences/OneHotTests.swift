import SanityChecker
import SanityTestSupport
import Testing

@Suite struct OneHotTests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func encodesACGTInChannelOrder() throws {
    let tensor = try OneHot().encode([Self.bytes("ACGTu"), Self.bytes("tgcaA")])
    #expect(tensor.shape == [2, 5, 4])
    let expected: [Float] = [
      1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1,
      0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
    ]
    #expect(tensor.scalars == expected)
  }

  @Test func unknownBasesAreQuarterByDefaultOrZero() throws {
    let iupac = Self.bytes("NRYSWKMBDHV")
    let quarter = try OneHot().encode([iupac])
    #expect(quarter.scalars == [Float](repeating: 0.25, count: iupac.count * 4))
    let zero = try OneHot(unknownBase: .zero).encode([iupac])
    #expect(zero.scalars == [Float](repeating: 0, count: iupac.count * 4))
  }

  @Test func unequalLengthsAreRejectedByDefault() throws {
    let error = try #require(throws: OneHotError.self) {
      try OneHot().encode(
        [Self.bytes("ACGT"), Self.bytes("ACGT"), Self.bytes("ACG")], ids: ["a", "b", "c"])
    }
    #expect(error == .unequalLength(record: "c", length: 3, expected: 4, firstRecord: "a"))
    #expect(error.description.hasPrefix("record 'c' has 3 bases but the first record 'a' has 4"))
  }

  @Test func paddingCentresShortSequencesWithN() throws {
    let policy = OneHot(lengthPolicy: .padWithN(to: 7))
    let tensor = try policy.encode([Self.bytes("ACG"), Self.bytes("ACGTACG")])
    #expect(tensor.shape == [2, 7, 4])
    #expect(
      OneHot.sequences(from: tensor).map { String(decoding: $0, as: UTF8.self) } == [
        "NNACGNN", "ACGTACG",
      ])
    #expect(tensor[0, 0, 0] == 0.25 && tensor[0, 6, 3] == 0.25)
    #expect(throws: OneHotError.longerThanPadding(record: "#0", length: 8, target: 7)) {
      try policy.encode([Self.bytes("ACGTACGT")])
    }
  }

  @Test func croppingKeepsTheCentre() throws {
    let policy = OneHot(lengthPolicy: .centreCrop(to: 3))
    let tensor = try policy.encode([Self.bytes("AACGTT"), Self.bytes("CGT"), Self.bytes("TTGCATT")])
    #expect(
      OneHot.sequences(from: tensor).map { String(decoding: $0, as: UTF8.self) } == [
        "ACG", "CGT", "GCA",
      ])
    #expect(throws: OneHotError.shorterThanCrop(record: "x", length: 2, target: 3)) {
      try policy.encode([Self.bytes("AC")], ids: ["x"])
    }
  }

  @Test func reverseComplementOfSequences() {
    #expect(OneHot.reverseComplement(Self.bytes("AACGTN")) == Self.bytes("NACGTT"))
    #expect(OneHot.reverseComplement(Self.bytes("acgRYKMBVDHSW")) == Self.bytes("WSDHBVKMRYcgt"))
    var generator = SeededGenerator(seed: 4)
    let alphabet = Self.bytes("ACGTNRYSWKMBDHVacgtn")
    for _ in 0..<50 {
      let sequence = (0..<generator.index(below: 40)).map { _ in
        alphabet[generator.index(below: alphabet.count)]
      }
      #expect(OneHot.reverseComplement(OneHot.reverseComplement(sequence)) == sequence)
    }
  }

  @Test(arguments: [UnknownBase.quarter, .zero])
  func reverseComplementOfTensorsMatchesEncodingTheReverseComplement(unknown: UnknownBase) throws {
    let sequences = [Self.bytes("ACGTNNAGGC"), Self.bytes("TTTACRGCAA")]
    let encoder = OneHot(unknownBase: unknown)
    let tensor = try encoder.encode(sequences)
    #expect(
      OneHot.reverseComplement(tensor)
        == (try encoder.encode(sequences.map(OneHot.reverseComplement))))
    #expect(OneHot.reverseComplement(OneHot.reverseComplement(tensor)) == tensor)
    let random = TestSupport.uniform([3, 11, 4], seed: 8)
    #expect(OneHot.reverseComplement(OneHot.reverseComplement(random)) == random)
    #expect(OneHot.reverseComplement(random)[1, 0, 0] == random[1, 10, 3])
  }

  @Test(arguments: [1, 3, 4, 100])
  func streamedBatchesEqualOneEncoding(batchSize: Int) throws {
    var generator = SeededGenerator(seed: 12)
    let letters = Self.bytes("ACGTN")
    let sequences = (0..<10).map { _ in (0..<9).map { _ in letters[generator.index(below: 5)] } }
    let text = sequences.enumerated().map { ">r\($0)\n\(String(decoding: $1, as: UTF8.self))\n" }
      .joined()
    let reader = FASTAReader(bytes: Self.bytes(text), name: "batches.fa", chunkSize: 7)
    var scalars: [Float] = []
    var ids: [String] = []
    var offsets: [Int] = []
    let count = try OneHot().forEachBatch(from: reader, batchSize: batchSize) { batch in
      #expect(batch.inputs.shape[0] <= batchSize && batch.inputs.shape[1] == 9)
      scalars += batch.inputs.scalars
      ids += batch.ids
      offsets.append(batch.offset)
    }
    #expect(count == 10)
    #expect(ids == (0..<10).map { "r\($0)" })
    #expect(offsets == Array(stride(from: 0, to: 10, by: batchSize)))
    #expect(scalars == (try OneHot().encode(sequences)).scalars)
  }

  @Test func streamingRejectsALengthChangeInALaterBatch() throws {
    let reader = FASTAReader(bytes: Self.bytes(">a\nACGT\n>b\nACGT\n>c\nACG\n"), name: "s.fa")
    var batches = 0
    #expect(
      throws: OneHotError.unequalLength(record: "c", length: 3, expected: 4, firstRecord: "a")
    ) {
      try OneHot().forEachBatch(from: reader, batchSize: 2) { _ in batches += 1 }
    }
    #expect(batches == 1)
  }

  @Test func streamsSeqFilesToo() throws {
    let text = "EventID\tseq\tBound\na\tACGT\t1\nb\tNNNN\t0\n"
    let reader = SeqFileReader(bytes: Self.bytes(text), name: "s.seq")
    var tensors: [Tensor] = []
    try OneHot().forEachBatch(from: reader, batchSize: 8) { tensors.append($0.inputs) }
    #expect(tensors.count == 1 && tensors[0].shape == [2, 4, 4])
    #expect(tensors[0].scalars.suffix(16) == ArraySlice([Float](repeating: 0.25, count: 16)))
  }
}
