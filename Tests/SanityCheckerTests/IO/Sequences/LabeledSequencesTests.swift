import SanityTestSupport
import Foundation
import SanityChecker
import Testing

@Suite struct LabeledSequencesTests {
  @Test func labelsFromHeaders() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(
      ">a label=1 fold=A\nACGT\n>b fold=B label=0\nTTTT\n", to: "labelled.fa")
    let data = try LabeledSequences(fasta: url)
    #expect(data.ids == ["a", "b"])
    #expect(data.sequences == [Array("ACGT".utf8), Array("TTTT".utf8)])
    #expect(data.labels == [[1], [0]])
    #expect(data.taskCount == 1 && data.count == 2)
  }

  @Test func multiTaskLabelsFromHeadersAndAnotherKey() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(">a y=1,0\nACGT\n>b y=0,1\nTTTT\n", to: "multi.fa")
    let data = try LabeledSequences(fasta: url, labelKey: "y")
    #expect(data.labels == [[1, 0], [0, 1]])
    #expect(data.labels(forTask: 1) == [0, 1])
  }

  @Test func missingAndInvalidHeaderLabelsAreLocated() throws {
    let directory = try TemporaryDirectory()
    let missing = try directory.write(">a label=1\nACGT\n>b\nTTTT\n", to: "missing.fa")
    let error = try #require(throws: LabelError.self) { try LabeledSequences(fasta: missing) }
    #expect(error == .missingLabel(file: missing.path, line: 3, record: "b", key: "label"))
    #expect(error.description.hasPrefix("\(missing.path):3: record 'b' has no 'label=' attribute"))
    let invalid = try directory.write(">a label=bound\nACGT\n", to: "invalid.fa")
    #expect(throws: LabelError.invalidLabel(file: invalid.path, line: 1, value: "bound")) {
      try LabeledSequences(fasta: invalid)
    }
    let tasks = try directory.write(">a label=1,0\nACGT\n>b label=1\nACGT\n", to: "tasks.fa")
    #expect(throws: LabelError.taskCount(file: tasks.path, line: 3, expected: 2, actual: 1)) {
      try LabeledSequences(fasta: tasks)
    }
  }

  @Test func labelsFromASeqFile() throws {
    let directory = try TemporaryDirectory()
    let text = "FoldID\tEventID\tseq\tBound\nA\tp\tACGT\t1\nA\ts\tGTCA\t0\n"
    let url = try directory.write(try GzipWriter.compressed(Array(text.utf8)), to: "set.seq.gz")
    let data = try LabeledSequences(seqFile: url)
    #expect(
      data
        == LabeledSequences(
          ids: ["p", "s"], sequences: [Array("ACGT".utf8), Array("GTCA".utf8)], labels: [[1], [0]]))
  }

  @Test func labelsFromATargetFile() throws {
    let directory = try TemporaryDirectory()
    let fasta = try directory.write(">a\nACGT\n>b\nTTTT\n", to: "set.fa")
    let targets = try directory.write("1 0\r\n0\t1\n\n", to: "set.target")
    let data = try LabeledSequences(fasta: fasta, targets: targets)
    #expect(data.labels == [[1, 0], [0, 1]] && data.taskCount == 2)
  }

  @Test func targetFileWithTooManyRowsNamesTheFirstExtraRow() throws {
    let directory = try TemporaryDirectory()
    let fasta = try directory.write(">a\nACGT\n", to: "one.fa")
    let targets = try directory.write("1\n0\n1\n", to: "three.target")
    let error = try #require(throws: LabelError.self) {
      try LabeledSequences(fasta: fasta, targets: targets)
    }
    #expect(
      error
        == .countMismatch(
          sequenceFile: fasta.path, sequenceCount: 1, labelFile: targets.path, labelCount: 3,
          line: 2))
    #expect(
      error.description.hasPrefix(
        "\(targets.path):2: 3 label rows but \(fasta.path) holds 1 records"))
  }

  @Test func targetFileErrorsAreLocated() throws {
    let directory = try TemporaryDirectory()
    let fasta = try directory.write(">a\nACGT\n>b\nACGT\n", to: "two.fa")
    let ragged = try directory.write("1 0\n1\n", to: "ragged.target")
    #expect(throws: LabelError.taskCount(file: ragged.path, line: 2, expected: 2, actual: 1)) {
      try LabeledSequences(fasta: fasta, targets: ragged)
    }
    let empty = try directory.write("\n", to: "empty.target")
    #expect(throws: LabelError.emptyLabelFile(file: empty.path)) {
      try LabeledSequences(fasta: fasta, targets: empty)
    }
    let missing = directory.file("missing.target")
    #expect(throws: GzipError.fileNotFound(file: missing.path)) {
      try LabeledSequences(fasta: fasta, targets: missing)
    }
  }

  @Test func labelsFromPositivesAndNegatives() throws {
    let directory = try TemporaryDirectory()
    let positives = try directory.write(">p1\nACGT\n>p2\nCCCC\n", to: "positives.fa")
    let negatives = try directory.write(">n1\nGGGG\n", to: "negatives.fa")
    let data = try LabeledSequences(positives: positives, negatives: negatives)
    #expect(data.ids == ["p1", "p2", "n1"])
    #expect(data.labels == [[1], [1], [0]])
    #expect(data.sequences[2] == Array("GGGG".utf8))
  }
}
