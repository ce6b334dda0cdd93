import Foundation

/// A measured rate of reading and one-hot encoding sequences.
public struct EncodingThroughput: Sendable, CustomStringConvertible {
  /// The number of records encoded.
  public var records: Int
  /// The number of bases encoded (records × encoded length).
  public var bases: Int
  /// The wall-clock time taken, in seconds.
  public var seconds: Double

  /// Creates a measurement.
  /// - Parameters:
  ///   - records: The records encoded.
  ///   - bases: The bases encoded.
  ///   - seconds: The wall-clock time.
  public init(records: Int, bases: Int, seconds: Double) {
    self.records = records
    self.bases = bases
    self.seconds = seconds
  }

  /// Millions of bases per second.
  public var megabasesPerSecond: Double { seconds > 0 ? Double(bases) / seconds / 1e6 : 0 }

  /// The measurement in words.
  ///
  /// For example `500000 records, 50500000 bases in 0.12 s: 420.8 Mb/s`.
  public var description: String {
    let rate = (megabasesPerSecond * 10).rounded() / 10
    let time = (seconds * 1000).rounded() / 1000
    return "\(records) records, \(bases) bases in \(time) s: \(rate) Mb/s"
  }
}

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
