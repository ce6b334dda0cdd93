import Foundation

/// bedGraph lines written as intervals are finished, with equal neighbours joined as
/// ``GenomeTrack/Chromosome`` joins them, so a track need not be held to be written.
///
/// An interval that starts where the previous one of its chromosome ends, with the same value,
/// extends it; anything else writes the previous one. Lines go out in blocks of about 1 MiB.
final class BedGraphStream {
  private let handle: FileHandle
  private var text = ""
  private var pending: (chromosome: String, start: Int, end: Int, value: Float)?
  /// The intervals written so far.
  private(set) var intervals = 0

  private init(handle: FileHandle) { self.handle = handle }

  /// Lets `body` write a bedGraph to `destination`: a file through ``AtomicOutput`` (nothing is
  /// left on error), or standard output.
  /// - Parameters:
  ///   - destination: The file or standard output.
  ///   - body: Appends the track line and adds the intervals.
  /// - Returns: The number of intervals written.
  /// - Throws: What `body` throws, or ``OutputError``.
  static func write(to destination: OutputDestination, _ body: (BedGraphStream) throws -> Void)
    throws -> Int
  {
    guard destination.url != nil else {
      let stream = BedGraphStream(handle: .standardOutput)
      try stream.run(body, path: destination.path)
      return stream.intervals
    }
    var intervals = 0
    try AtomicOutput.write(to: destination) { temporary in
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      let stream = BedGraphStream(handle: handle)
      try stream.run(body, path: destination.path)
      intervals = stream.intervals
    }
    return intervals
  }

  private func run(_ body: (BedGraphStream) throws -> Void, path: String) throws {
    self.path = path
    try body(self)
    try endChromosome()
    try flush()
  }

  private var path = ""

  /// Appends text as it is (the track line).
  /// - Parameter line: The text, with its newline.
  func append(_ line: String) { text += line }

  /// Adds the interval `[start, end)` of `chromosome`, joined to the previous one when it
  /// continues it with the same value.
  /// - Throws: ``OutputError/writeFailed(path:reason:)``.
  func add(_ chromosome: String, start: Int, end: Int, value: Float) throws {
    if let last = pending, last.end == start, last.value == value, last.chromosome == chromosome {
      pending?.end = end
      return
    }
    try endChromosome()
    pending = (chromosome, start, end, value)
  }

  /// Writes the last interval: the next one, on another chromosome, never joins it.
  /// - Throws: ``OutputError/writeFailed(path:reason:)``.
  func endChromosome() throws {
    guard let last = pending else { return }
    GenomeTrack.appendLine(last.chromosome, last.start, last.end, last.value, to: &text)
    intervals += 1
    pending = nil
    if text.utf8.count >= 1 << 20 { try flush() }
  }

  private func flush() throws {
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw OutputError.writeFailed(path: path, reason: "\(error)")
    }
    text.removeAll(keepingCapacity: true)
  }
}
