import Foundation

extension OneHot {
  /// Measures reading a FASTA file and one-hot encoding it in batches, on the calling thread.
  ///
  /// This is the whole input path (chunked reading, gzip inflation when the file is
  /// compressed, parsing, validation, encoding), timed with a monotonic clock. Use it from a
  /// release build; debug builds are many times slower.
  /// - Parameters:
  ///   - fastaURL: The FASTA file, plain or gzip-compressed.
  ///   - batchSize: The records per batch (1024 by default).
  /// - Returns: The records and bases encoded and the time taken.
  /// - Throws: ``FASTAError`` for a malformed file, ``OneHotError`` for unequal lengths.
  public func measureThroughput(fastaURL: URL, batchSize: Int = 1024) throws -> EncodingThroughput {
    let clock = ContinuousClock()
    let start = clock.now
    let reader = try FASTAReader(url: fastaURL)
    var bases = 0
    let records = try forEachBatch(from: reader, batchSize: batchSize) { batch in
      bases += batch.inputs.shape[0] * batch.inputs.shape[1]
    }
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return EncodingThroughput(records: records, bases: bases, seconds: seconds)
  }
}
