import Foundation
import SanityChecker

/// The one-hot items' input: a generated FASTA file of random 101-bp records, plain and gzip.
///
/// The files live in a fresh temporary folder, removed when the workload is released.
final class SequenceIOWorkload {
  /// The folder holding both files.
  let folder: URL
  /// The plain FASTA file (about 50 MB at scale 1).
  let plainURL: URL
  /// The same records, gzip-compressed (level 6).
  let gzipURL: URL

  /// Writes both files.
  /// - Parameter options: The workload scale (50 MB of FASTA at scale 1).
  /// - Throws: A file-system or gzip error.
  init(options: BenchmarkOptions) throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sanity-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    plainURL = folder.appendingPathComponent("random.fa")
    gzipURL = folder.appendingPathComponent("random.fa.gz")
    let bytes = Self.fasta(
      targetBytes: options.scaled(50_000_000, minimum: 10_000), length: 101, seed: 2024)
    try Data(bytes).write(to: plainURL)
    let writer = try GzipWriter(url: gzipURL)
    try writer.write(bytes)
    try writer.finish()
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  /// FASTA text of uniform random records `>r<i>` of `length` bases, one line each, until
  /// `targetBytes` is reached.
  static func fasta(targetBytes: Int, length: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    let letters: [UInt8] = Array("ACGT".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(targetBytes + length + 16)
    var record = 0
    while bytes.count < targetBytes {
      bytes.append(contentsOf: Array(">r\(record)\n".utf8))
      for _ in 0..<length { bytes.append(letters[generator.index(below: 4)]) }
      bytes.append(UInt8(ascii: "\n"))
      record += 1
    }
    return bytes
  }

  /// The timed workload: reading, parsing and one-hot encoding one file in batches of 1,024.
  func measurement(for item: BenchmarkItem) throws -> Measurement {
    let url = item == .oneHotFASTAGzip ? gzipURL : plainURL
    let bases = try OneHot().measureThroughput(fastaURL: url).bases
    return Measurement(items: bases, flopsPerItem: nil) {
      _ = try OneHot().measureThroughput(fastaURL: url)
    }
  }
}
