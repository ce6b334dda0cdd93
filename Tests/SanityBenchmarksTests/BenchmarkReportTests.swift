import Foundation
import Testing

@testable import SanityBenchmarks

@Suite("BenchmarkReport and BenchmarkTable")
struct BenchmarkReportTests {
  let results = [
    BenchmarkResult(
      item: "dna.forward", seconds: 0.01, items: 10_000, peakRSSMegabytes: 60, flopsPerItem: 240_704
    ),
    BenchmarkResult(
      item: "dna.cascade", seconds: 0.8, items: 1_000, peakRSSMegabytes: 200, flopsPerItem: nil),
  ]

  @Test("a result derives items per second and GFLOP/s from its time")
  func derivedRates() {
    #expect(results[0].itemsPerSecond == 1_000_000)
    #expect(abs((results[0].gflops ?? 0) - 240.704) < 1e-9)
    #expect(results[1].gflops == nil)
  }

  @Test("JSON is keyed by item with the documented fields, and decodes back")
  func jsonRoundTrip() throws {
    let text = BenchmarkReport.json(results)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String: Any]])
    #expect(Set(object.keys) == ["dna.forward", "dna.cascade"])
    #expect(
      Set(object["dna.forward"]?.keys ?? [:].keys) == [
        "items_per_s", "seconds", "items", "peak_rss_mb", "gflops",
      ])
    #expect(
      Set(object["dna.cascade"]?.keys ?? [:].keys) == [
        "items_per_s", "seconds", "items", "peak_rss_mb",
      ])
    let decoded = try BenchmarkReport.decode(Data(text.utf8))
    #expect(decoded["dna.forward"] == results[0])
    #expect(decoded["dna.cascade"] == results[1])
  }

  @Test("the table shows the ratio to the peer and which goals are met")
  func table() {
    let peers = PeerBaselines(
      figures: [
        "dna.forward": PeerFigure(
          library: "torch", itemsPerSecond: 500_000, seconds: 0.02, peakRSSMegabytes: 1738),
        "dna.cascade": PeerFigure(
          library: "scripts", itemsPerSecond: 166, seconds: 6.02, peakRSSMegabytes: 1738),
      ],
      source: "test")
    let lines = BenchmarkTable.render(results, peers: peers).split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[1].hasPrefix("dna.forward"))
    #expect(lines[1].contains("1,000,000"))
    #expect(lines[1].contains("2.00x"))
    #expect(lines[1].hasSuffix("yes"))
    #expect(lines[2].hasSuffix("NO, mem NO"))
    #expect(lines[3] == "peers: test")
  }

  @Test("goals are speed-ups over the peer's figure and a tenth of its peak RSS")
  func goals() {
    let torch = PeerFigure(
      library: "torch", itemsPerSecond: 500_000, seconds: 0.02, peakRSSMegabytes: 1738)
    let forward = BenchmarkGoal.goal(for: "dna.forward")
    #expect(forward.isSpeedMet(by: results[0], peer: torch) == true)
    let faster = PeerFigure(
      library: "torch", itemsPerSecond: 500_001, seconds: 0.02, peakRSSMegabytes: 1738)
    #expect(forward.isSpeedMet(by: results[0], peer: faster) == false)
    #expect(forward.isSpeedMet(by: results[0], peer: nil) == nil)
    #expect(forward.isMemoryMet(by: results[0], peer: torch) == true)
    let scripts = PeerFigure(
      library: "scripts", itemsPerSecond: 166, seconds: 6.02, peakRSSMegabytes: 1738)
    #expect(
      BenchmarkGoal.goal(for: "dna.cascade").isSpeedMet(by: results[1], peer: scripts) == false)
    #expect(
      BenchmarkGoal.goal(for: "dna.cascade").isMemoryMet(by: results[1], peer: scripts) == false)
    #expect(BenchmarkGoal.goal(for: "sgemm").isSpeedMet(by: results[0], peer: torch) == nil)
    #expect(BenchmarkGoal.goal(for: "mnist.forward").speedDescription == ">= 1.3x")
  }
}
