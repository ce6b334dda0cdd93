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
    func quoted(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "'") }
    var text =
      "track type=bedGraph name=\"\(quoted(name))\" description=\"\(quoted(description))\"\n"
    for chromosome in chromosomes {
      for index in chromosome.starts.indices {
        text += "\(chromosome.name)\t\(chromosome.starts[index])\t\(chromosome.ends[index])\t"
        text += "\(chromosome.values[index])\n"
      }
    }
    return text
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
