import Foundation

extension GenomeTrack {
  /// The track as bedGraph text: a `track` line, then `chrom start end value` per interval
  /// (tab-separated, 0-based start, end excluded), in the track's order.
  ///
  /// The `track` line (`type=bedGraph name="…" description="…"`) is what genome browsers read
  /// for a custom track; UCSC's `bedGraphToBigWig` refuses it, so convert with
  /// `grep -v '^track'` — or write the bigWig directly (``writeBigWig(to:)``). Values are written
  /// in Swift's shortest round-trip form of the `Float`, so reading them back gives the same
  /// numbers.
  /// - Parameters:
  ///   - name: The track's name (double quotes are replaced by single ones).
  ///   - description: What the values are, for the browser's track description.
  /// - Returns: The text, each line ending in `\n`.
  public func bedGraph(name: String, description: String) -> String {
    var text = Self.trackLine(name: name, description: description)
    for chromosome in chromosomes {
      for index in chromosome.starts.indices {
        Self.appendLine(
          chromosome.name, chromosome.starts[index], chromosome.ends[index],
          chromosome.values[index], to: &text)
      }
    }
    return text
  }

  /// The `track` line of a bedGraph, with its newline.
  static func trackLine(name: String, description: String) -> String {
    func quoted(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "'") }
    return
      "track type=bedGraph name=\"\(quoted(name))\" description=\"\(quoted(description))\"\n"
  }

  /// Appends one interval's line, `chrom start end value` and a newline.
  static func appendLine(
    _ chromosome: String, _ start: Int, _ end: Int, _ value: Float, to text: inout String
  ) {
    text += "\(chromosome)\t\(start)\t\(end)\t"
    text += "\(value)\n"
  }

  /// The name and description of a track of one method's maps, as `sanity export track` writes
  /// them.
  /// - Parameters:
  ///   - method: The method's identifier.
  ///   - targets: The explained units (each named once, in increasing order).
  ///   - score: The per-base value.
  ///   - merge: How overlapping records combine.
  /// - Returns: The name and the description.
  public static func title(
    method: String, targets: some Sequence<Int>, score: AttributionScore, merge: MergeRule
  ) -> (name: String, description: String) {
    let units = Set(targets).sorted().map(String.init).joined(separator: ",")
    return (
      "\(method) target \(units)",
      "\(method), target \(units): \(score.explanation); overlapping records: \(merge.rawValue)"
    )
  }

  /// Writes the bedGraph text (``bedGraph(name:description:)``) through ``AtomicOutput``.
  /// - Parameters:
  ///   - destination: A file, or standard output.
  ///   - name: The track's name.
  ///   - description: What the values are.
  /// - Throws: ``OutputError``.
  public func writeBedGraph(to destination: OutputDestination, name: String, description: String)
    throws(OutputError)
  {
    try AtomicOutput.write(bedGraph(name: name, description: description), to: destination)
  }
}
