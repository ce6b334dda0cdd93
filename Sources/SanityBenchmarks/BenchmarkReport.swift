import Foundation

/// The JSON form of benchmark results: one object keyed by item.
///
/// ```json
/// {"dna.forward": {"items": 10000, "items_per_s": 1.2e6, "seconds": 0.0083,
///                  "peak_rss_mb": 61.2, "gflops": 288.8}}
/// ```
/// `gflops` appears only for items with a FLOP model (forward, gradient methods, IG, sgemm);
/// `cpu_s` is the median CPU time of one run over all threads.
public enum BenchmarkReport {
  /// One item's fields, without its name (the key).
  struct Entry: Codable {
    var itemsPerSecond: Double
    var seconds: Double
    var items: Int
    var peakRSSMegabytes: Double
    var gflops: Double?
    var cpuSeconds: Double?

    enum CodingKeys: String, CodingKey {
      case itemsPerSecond = "items_per_s"
      case seconds, items
      case peakRSSMegabytes = "peak_rss_mb"
      case gflops
      case cpuSeconds = "cpu_s"
    }
  }

  /// The results as one JSON object keyed by item, keys sorted, pretty-printed.
  /// - Parameter results: The results.
  /// - Returns: The JSON text.
  public static func json(_ results: [BenchmarkResult]) -> String {
    var entries: [String: Entry] = [:]
    for result in results {
      entries[result.item] = Entry(
        itemsPerSecond: result.itemsPerSecond, seconds: result.seconds, items: result.items,
        peakRSSMegabytes: result.peakRSSMegabytes, gflops: result.gflops,
        cpuSeconds: result.cpuSeconds)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(entries) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Decodes the output of ``json(_:)``.
  /// - Parameter data: The JSON bytes.
  /// - Returns: The results keyed by item.
  /// - Throws: A `DecodingError` when the bytes are not such an object.
  public static func decode(_ data: Data) throws -> [String: BenchmarkResult] {
    let entries = try JSONDecoder().decode([String: Entry].self, from: data)
    var results: [String: BenchmarkResult] = [:]
    for (item, entry) in entries {
      var result = BenchmarkResult(
        item: item, seconds: entry.seconds, items: entry.items,
        peakRSSMegabytes: entry.peakRSSMegabytes, flopsPerItem: nil)
      result.itemsPerSecond = entry.itemsPerSecond
      result.gflops = entry.gflops
      result.cpuSeconds = entry.cpuSeconds
      results[item] = result
    }
    return results
  }
}
