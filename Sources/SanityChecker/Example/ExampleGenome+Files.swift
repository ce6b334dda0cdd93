import Foundation

extension ExampleGenome {
  /// The file names ``write(to:trainCount:testCount:seed:)`` creates, in order.
  public static let fileNames = [
    "motifs.meme", "example-train.fa.gz", "example-test.fa", "example-test.fa.gz",
    "example-test.motifs.tsv",
  ]

  /// Writes the example's files into a folder.
  ///
  /// ```
  /// motifs.meme               the motifs (MEME minimal format, ``MEMEMotif/format(_:)``)
  /// example-train.fa.gz       `trainCount` training records (gzip)
  /// example-test.fa           `testCount` test records
  /// example-test.fa.gz        the same, gzip-compressed
  /// example-test.motifs.tsv   the test set's planted sites (``MotifInstance/table(_:)``)
  /// ```
  /// Every file is written by ``AtomicOutput`` (a temporary name, then a rename). The gzip members carry
  /// no time stamp, so equal seeds and counts give byte-identical files.
  /// - Parameters:
  ///   - folder: The output folder (created when missing).
  ///   - trainCount: Training records.
  ///   - testCount: Test records.
  ///   - seed: The seed.
  /// - Returns: The files written, in ``fileNames`` order.
  /// - Throws: ``OutputError`` for a destination that is not a regular file, a file-system
  ///   error creating the folder, or ``GzipError``.
  @discardableResult
  public func write(to folder: URL, trainCount: Int, testCount: Int, seed: UInt64) throws -> [URL] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let urls = Self.fileNames.map { folder.appendingPathComponent($0) }
    let training = records(count: trainCount, split: .train, seed: seed)
    let test = records(count: testCount, split: .test, seed: seed)
    let testText = test.map(\.fasta).joined()
    let destinations = try urls.map { try OutputDestination($0) }
    try AtomicOutput.write(MEMEMotif.format(motifs), to: destinations[0])
    let trainingText = training.map(\.fasta).joined()
    try AtomicOutput.write(
      Data(try GzipWriter.compressed(Array(trainingText.utf8), level: 9)), to: destinations[1])
    try AtomicOutput.write(testText, to: destinations[2])
    try AtomicOutput.write(
      Data(try GzipWriter.compressed(Array(testText.utf8), level: 9)), to: destinations[3])
    try AtomicOutput.write(MotifInstance.table(test.flatMap(\.instances)), to: destinations[4])
    return urls
  }
}
