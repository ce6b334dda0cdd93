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
