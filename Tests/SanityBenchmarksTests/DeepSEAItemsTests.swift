import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@testable import SanityBenchmarks

@Suite("DeepSEA items")
struct DeepSEAItemsTests {
  @Test("the Swift architecture has the peer's shapes and its FLOP count")
  func architecture() throws {
    let model = try DeepSEAArchitecture.model()
    #expect(
      model.layerNames == [
        "conv1d_1", "max_pooling1d_1", "conv1d_2", "max_pooling1d_2", "conv1d_3", "flatten_1",
        "dense_1", "dense_2",
      ])
    #expect(
      model.shapes == [
        [1000, 4], [993, 320], [248, 320], [241, 480], [60, 480], [53, 960], [50880], [925], [919],
      ])
    // bench_deepsea.py's FWD_FLOPS, and the generic count over the model's layers.
    #expect(DeepSEAArchitecture.forwardFLOPs == 1_099_204_790)
    #expect(FLOPModel.forward(of: model) == DeepSEAArchitecture.forwardFLOPs)
    let first = try #require(model.layers[0] as? Conv1D)
    let bound = (6 / Float(32)).squareRoot()
    let kernel = try #require(first.parameters["kernel"])
    #expect(kernel.scalars.allSatisfy { abs($0) <= bound })
    #expect(kernel.scalars.contains { abs($0) > bound / 2 })
  }

  @Test("the items parse, belong to the DeepSEA family and count FLOPs like the DNA items")
  func items() throws {
    let names = ["deepsea.forward", "deepsea.saliency", "deepsea.ig50", "deepsea.ism"]
    #expect(try BenchmarkItem.parse(names).allSatisfy { $0.family == .deepSEA && $0.unit == "seq" })
    #expect(BenchmarkItem.deepSEAIntegratedGradients.forwardEquivalents == 100)
    #expect(BenchmarkItem.deepSEAISM.forwardEquivalents == nil)
  }

  @Test("a peers folder gives the DeepSEA figures, both ISM settings and the FMA peak")
  func peers() throws {
    let folder = try TemporaryDirectory()
    try folder.write(
      """
      {"maxrss_mib": 3000.0, "items": {
        "forward_bs64": {"median_s": 1.5, "items_per_s": 85.3},
        "saliency_bs32": {"median_s": 4.0, "items_per_s": 32.0},
        "ig50_trapezoid": {"median_s": 12.5, "items_per_s": 0.64},
        "ism_tangermeme_fast_True": {"median_s": 20.0, "items_per_s": 0.1},
        "ism_tangermeme_fast_False": {"median_s": 72.0, "items_per_s": 0.0278}}}
      """, to: "bench_deepsea.json")
    try folder.write(
      #"{"avx512_fma_gflops_1thread": 252.4, "avx512_fma_gflops_2threads": 495.9, "avx2_fma_gflops_2threads": 250.6}"#,
      to: "fma_peak.json")
    let peers = try PeerBaselines(resultsFolder: folder.url)
    #expect(peers.figures["deepsea.forward"]?.itemsPerSecond == 85.3)
    #expect(peers.figures["deepsea.ig50"]?.library == "captum (ig50_trapezoid)")
    #expect(peers.figures["deepsea.ism"]?.seconds == 20)
    #expect(peers.figures["deepsea.ism.plain"]?.seconds == 72)
    #expect(peers.fmaPeakGFLOPS == 495.9)
  }

  @Test(
    "ISM is compared with both tangermeme settings; RSS must stay within 1 GiB; % peak is shown")
  func table() {
    let peers = PeerBaselines(
      figures: [
        "deepsea.forward": PeerFigure(
          library: "torch", itemsPerSecond: 100, seconds: 1.28, peakRSSMegabytes: 3000),
        "deepsea.ism": PeerFigure(
          library: "fast", itemsPerSecond: 0.1, seconds: 20, peakRSSMegabytes: 3000),
        "deepsea.ism.plain": PeerFigure(
          library: "plain", itemsPerSecond: 0.06, seconds: 33, peakRSSMegabytes: 3000),
      ],
      source: "test", fmaPeakGFLOPS: 500)
    let forward = BenchmarkResult(
      item: "deepsea.forward", seconds: 0.5, items: 128, peakRSSMegabytes: 1100,
      flopsPerItem: DeepSEAArchitecture.forwardFLOPs)
    let ism = BenchmarkResult(
      item: "deepsea.ism", seconds: 2, items: 2, peakRSSMegabytes: 500, flopsPerItem: nil)
    let lines = BenchmarkTable.render([forward, ism], peers: peers).split(separator: "\n").map(
      String.init)
    #expect(lines.count == 6)
    // 256 seq/s · 1.099 GFLOP = 281 GFLOP/s, 56% of 500; 2.56x ≥ 1.5x, but 1,100 MiB > 1 GiB.
    #expect(
      lines[1].hasPrefix("deepsea.forward") && lines[1].contains("56%")
        && lines[1].contains("2.56x"))
    #expect(lines[1].hasSuffix("yes, mem NO"))
    #expect(
      lines[2].hasPrefix("deepsea.ism ") && lines[2].contains(">= 5x") && lines[2].hasSuffix("yes"))
    #expect(
      lines[3].hasPrefix("deepsea.ism.plain") && lines[3].contains(">= 20x")
        && lines[3].hasSuffix("NO"))
    #expect(
      lines[5]
        == "% peak: direct-convolution FLOPs over the 2-thread FMA peak, 500 GFLOP/s (Winograd layers execute fewer)"
    )
  }
}
