import Foundation
import SanityTestSupport
import Testing

@testable import SanityBenchmarks

@Suite("PeerBaselines")
struct PeerBaselinesTests {
  @Test(
    "a peers results folder gives each item its fastest entry (ISM: tangermeme's) and the script's peak RSS"
  )
  func readsResultsFolder() throws {
    let folder = try TemporaryDirectory()
    try folder.write(
      """
      {"maxrss_mib": 1700.5, "items": {
        "forward_bs100": {"median_s": 0.02, "items_per_s": 500000.0},
        "forward_bs1000": {"median_s": 0.05, "items_per_s": 200000.0},
        "ism_plain_all_3x101": {"median_s": 5.0, "items_per_s": 2000.0},
        "ism_tangermeme_fastTrue_bs1024": {"median_s": 7.0, "items_per_s": 1400.0},
        "broken": {"error": "x"}}}
      """, to: "bench_dna.json")
    try folder.write(
      #"{"numpy_sgemm": {"median_s": 0.08}, "maxrss_mib": 700.0}"#, to: "bench_gemm.json")
    let peers = try PeerBaselines(resultsFolder: folder.url)
    #expect(peers.figures["dna.forward"]?.itemsPerSecond == 500_000)
    #expect(peers.figures["dna.forward"]?.library == "torch (forward_bs100)")
    #expect(peers.figures["dna.forward"]?.peakRSSMegabytes == 1700.5)
    #expect(peers.figures["dna.ism"]?.seconds == 7.0)
    #expect(peers.figures["dna.ism"]?.library == "tangermeme (ism_tangermeme_fastTrue_bs1024)")
    #expect(peers.figures["sgemm"]?.itemsPerSecond == 12.5)
    #expect(peers.figures["mnist.forward"] == nil)
  }

  @Test("the recorded figures cover every timed model item and sgemm")
  func recordedCoverage() {
    let timed = BenchmarkItem.allCases.filter {
      $0.family == .dna || $0.family == .mnist || $0 == .sgemm
    }
    for item in timed {
      #expect(
        PeerBaselines.recorded.figures[item.rawValue] != nil, "no peer figure for \(item.rawValue)")
    }
  }
}
