import Foundation

/// A plain-text table of results beside the peers' figures, the ratio and the goals.
///
/// ```
/// item         items/s    s/run    CPU s   RSS MiB  GFLOP/s  % peak  peer         peer items/s  peer s  ratio  goal   met
/// dna.forward  1,210,000  0.00826  0.0164  58       291.3    59%     torch bs100  492,909       0.0203  2.45x  >= 2x  yes
/// ```
/// `% peak` is GFLOP/s over the peers' measured 2-thread FMA peak. An item with two peer
/// figures (`deepsea.ism`: tangermeme `fast=True`, then `deepsea.ism.plain`, `fast=False`)
/// gets one row per figure.
/// `ratio` is our items per second over the peer's (above 1 means faster). `met` reads `yes`
/// or `NO` for the speed goal (see ``BenchmarkGoal``), then `mem NO` when the peak RSS goal
/// is missed; `-` where the item has no goal or the peers have no figure.
public enum BenchmarkTable {
  /// Renders the table.
  /// - Parameters:
  ///   - results: Our results.
  ///   - peers: The peers' figures.
  ///   - host: The processor the results came from, named under the table when known.
  /// - Returns: The table with a header line and closing notes naming the peers' source and the host.
  public static func render(
    _ results: [BenchmarkResult], peers: PeerBaselines, host: HostProcessor? = nil
  ) -> String {
    let header = [
      "item", "items/s", "s/run", "CPU s", "RSS MiB", "GFLOP/s", "% peak", "peer", "peer items/s",
      "peer s",
      "ratio", "goal", "met",
    ]
    var rows = [header]
    for result in results {
      for key in BenchmarkGoal.comparisons(for: result.item) {
        let peer = peers.figures[key]
        let goal = BenchmarkGoal.goal(for: key)
        var met = goal.isSpeedMet(by: result, peer: peer).map { $0 ? "yes" : "NO" } ?? "-"
        if goal.isMemoryMet(by: result, peer: peer) == false { met += ", mem NO" }
        let peak = result.gflops.flatMap { rate in
          peers.fmaPeakGFLOPS.map { String(format: "%.0f%%", 100 * rate / $0) }
        }
        rows.append([
          key, number(result.itemsPerSecond), seconds(result.seconds),
          result.cpuSeconds.map(seconds) ?? "-",
          String(format: "%.0f", result.peakRSSMegabytes),
          result.gflops.map { String(format: "%.1f", $0) } ?? "-",
          peak ?? "-", peer?.library ?? "-", peer.map { number($0.itemsPerSecond) } ?? "-",
          peer.map { seconds($0.seconds) } ?? "-",
          peer.map { String(format: "%.2fx", result.itemsPerSecond / $0.itemsPerSecond) } ?? "-",
          goal.speedDescription, met,
        ])
      }
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    let lines = rows.map { row in
      row.enumerated().map { column, text in
        text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    let peak =
      peers.fmaPeakGFLOPS.map {
        [
          "% peak: direct-convolution FLOPs over the 2-thread FMA peak, \(number($0)) GFLOP/s (Winograd layers execute fewer)"
        ]
      } ?? []
    let notes = ["peers: \(peers.source)"] + peak + (host.map { ["host: \($0.summary)"] } ?? [])
    return (lines + notes).joined(separator: "\n")
  }

  /// A rate or count with thousands separators and at most 3 significant decimals.
  static func number(_ value: Double) -> String {
    if value >= 1000 {
      let digits = String(Int(value.rounded()))
      var grouped = ""
      for (offset, digit) in digits.reversed().enumerated() {
        if offset > 0 && offset % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
      }
      return String(grouped.reversed())
    }
    return String(format: value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.3g", value)
  }

  /// Seconds with 3 significant digits.
  static func seconds(_ value: Double) -> String {
    String(format: "%.3g", value)
  }
}
