import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// FASTA files whose records or labels a model cannot use: each is refused with the record,
/// its line and the value, without materializing an oversized record.
@Suite struct HostileSequenceFileTests {
  /// A 100 kB-class gzip file that inflates to one 40 MB record is refused once the record
  /// passes the maximum length (16 Mi bases for the default 1 GiB budget); the reader holds at
  /// most the maximum plus one chunk of bases.
  @Test func gzipBombRecordIsRefusedNamingTheRecord() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("bomb.fa.gz")
    let writer = try GzipWriter(url: url, level: 9)
    try writer.write(">seq_ok\nACGT\n>huge label=1\n")
    let line = [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20) + [UInt8(ascii: "\n")]
    for _ in 0..<40 { try writer.write(line) }
    try writer.finish()
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    #expect(size < 200_000)
    let reader = try FASTAReader(url: url)
    #expect(try reader.next()?.id == "seq_ok")
    let maximum = FASTAReader.defaultMaximumRecordLength
    let error = try #require(throws: FASTAError.self) { _ = try reader.next() }
    #expect(error == .recordTooLong(file: url.path, line: 3, record: "huge", maximum: maximum))
    #expect(
      error.description.hasPrefix("\(url.path):3: record 'huge' is longer than \(maximum) bases"))
    #expect(throws: FASTAError.self) { _ = try InputData.load(url) }
  }

  /// A fixed-length model's reader can be capped at its input length plus the crop.
  @Test func explicitMaximumRecordLength() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(">a\nACGTACGTAC\n>b\nACGTACGTAC\nACGT\n", to: "peaks.fa")
    let reader = try FASTAReader(url: url, maximumRecordLength: 12)
    #expect(try reader.next()?.sequence.count == 10)
    #expect(throws: FASTAError.recordTooLong(file: url.path, line: 3, record: "b", maximum: 12)) {
      _ = try reader.next()
    }
  }

  /// `label=abc` names the record, its line and the value.
  @Test func nonNumericHeaderLabelNamesRecordLineAndValue() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(">r1 label=1\nACGT\n>r2 label=abc\nACGT\n", to: "train.fa")
    let error = try #require(throws: LabelError.self) { _ = try InputData.load(url) }
    #expect(error == .invalidHeaderLabel(file: url.path, line: 3, record: "r2", value: "abc"))
    #expect(
      error.description.hasPrefix(
        "\(url.path):3: record 'r2' has label 'abc', which is not a number;"))
  }

  /// In a labelled file, a header without `label=` and a row with another task count are errors.
  @Test func missingLabelsAndTaskCountsInALabelledFile() throws {
    let directory = try TemporaryDirectory()
    let missing = try directory.write(">r1 label=1\nACGT\n>r2\nACGT\n", to: "missing.fa")
    #expect(
      throws: LabelError.missingLabel(file: missing.path, line: 3, record: "r2", key: "label")
    ) {
      _ = try InputData.load(missing)
    }
    let tasks = try directory.write(">r1 label=1,0\nACGT\n>r2 label=1\nACGT\n", to: "tasks.fa")
    #expect(throws: LabelError.taskCount(file: tasks.path, line: 3, expected: 2, actual: 1)) {
      _ = try InputData.load(tasks)
    }
    let unlabelled = try directory.write(">r1\nACGT\n>r2\nACGT\n", to: "plain.fa")
    #expect(try InputData.load(unlabelled).labels == nil)
    let labelled = try directory.write(">r1 label=1,0\nACGT\n>r2 label=0,1\nACGT\n", to: "ok.fa")
    #expect(try InputData.load(labelled).labels == [[1, 0], [0, 1]])
  }

  @Test(arguments: [LengthPolicy.centreCrop(to: 0), .padWithN(to: 0), .centreCrop(to: -3)])
  func lengthPolicyLengthsMustBePositive(policy: LengthPolicy) throws {
    let error = try #require(throws: OneHotError.self) {
      _ = try OneHot(lengthPolicy: policy).encode([Array("ACGT".utf8)])
    }
    guard case .invalidTargetLength = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(error.description.contains("give a length of at least 1"))
  }
}

/// DeepBind `.seq` rows (one sequence each) are capped like FASTA records.
@Suite struct HostileSeqFileTests {
  @Test func rowLongerThanTheMaximumIsRefusedWithItsLine() throws {
    let directory = try TemporaryDirectory()
    let long = String(repeating: "ACGT", count: 20)
    let url = try directory.write(
      "FoldID\tEventID\tseq\tBound\nA\tok\tACGT\t1\nA\tlong\t\(long)\t0\n", to: "rows.seq")
    let reader = try SeqFileReader(url: url, chunkSize: 16, maximumRowLength: 40)
    #expect(try reader.next()?.id == "ok")
    let error = try #require(throws: SeqFileError.self) { _ = try reader.next() }
    #expect(error == .lineTooLong(file: url.path, line: 3, maximum: 40))
    #expect(error.description.hasPrefix("\(url.path):3: the row is longer than 40 bytes"))
  }
}
