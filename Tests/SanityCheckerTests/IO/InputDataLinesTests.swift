import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `InputData` keeps the line of each item's record, and training label errors name it.
@Suite struct InputDataLinesTests {
  static let bases = String(repeating: "ACGT", count: 6)

  @Test func fastaItemsKeepTheirHeaderLines() throws {
    let directory = try TemporaryDirectory()
    // Record b spans two sequence lines, so c's header is on line 6.
    let text =
      ">a label=1\n\(Self.bases)\n>b label=0\n\(Self.bases.prefix(12))\n\(Self.bases.suffix(12))\n>c label=2\n\(Self.bases)\n"
    let url = try directory.write(text, to: "train.fa")
    let data = try InputData.load(url)
    #expect(data.lines == [1, 3, 6])
    #expect(data.prefix(2).lines == [1, 3])
    #expect(data.withShuffledNegatives(seed: 1).lines == [1, 3, 6, 1, 3, 6])
    let model = try Architectures.deepBind(length: 24, outputs: 1, seed: 1)
    let trainer = Trainer(.init(loss: .binaryCrossEntropy, epochs: 1))
    let error = try #require(throws: TrainingError.self) {
      try trainer.validate(
        model, inputs: data.inputs, labels: data.flatLabels ?? [], names: (url.path, "valid"),
        records: data.ids, lines: data.lines)
    }
    #expect(
      error
        == .labelValue(
          data: url.path, item: 2, record: "c", line: 6, value: 2, allowed: "a target in [0, 1]"))
    #expect(error.description.hasPrefix("\(url.path):6: record 'c' (item 3) has label 2"))
  }

  @Test func seqItemsKeepTheirRowLines() throws {
    let directory = try TemporaryDirectory()
    let rows = [
      "FoldID\tEventID\tseq\tBound", "A\tp1\t\(Self.bases)\t1", "A\tp2\t\(Self.bases)\t0",
      "A\tp3\t\(Self.bases)\t1",
    ]
    let url = try directory.write(rows.joined(separator: "\n") + "\n", to: "train.seq")
    let data = try InputData.load(url)
    #expect(data.lines == [2, 3, 4])
    #expect(data.split(validationFraction: 0.34, seed: 1).training.lines?.count == 2)
  }

  @Test func imagesHaveNoLines() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(
      [0, 0, 0x08, 0x03, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4], to: "x-images-idx3-ubyte")
    #expect(try InputData.load(url).lines == nil)
  }
}
