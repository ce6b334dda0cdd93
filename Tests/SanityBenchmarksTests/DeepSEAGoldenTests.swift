import Foundation
import SanityChecker
import Testing

@testable import SanityBenchmarks

/// The peers' `bench_deepsea.py` outputs: `$SANITY_PEERS_DIR/golden` (default `../shared/peers`).
private enum PeerGolden {
  static var folder: URL {
    let peers = ProcessInfo.processInfo.environment["SANITY_PEERS_DIR"] ?? "../shared/peers"
    return URL(fileURLWithPath: peers).appendingPathComponent("golden")
  }
  static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
  static var isPresent: Bool {
    ["deepsea_like.h5", "deepsea_like.fa", "deepsea_like_reference.h5"].allSatisfy {
      FileManager.default.fileExists(atPath: file($0).path)
    }
  }
}

@Suite("DeepSEA golden (peer files)")
struct DeepSEAGoldenTests {
  /// The largest |a − b| relative to `scale`, with its index, for the failure message.
  private func worst(_ a: [Float], _ b: [Float], scale: Float) -> (error: Float, index: Int) {
    var result: (error: Float, index: Int) = (0, -1)
    for index in a.indices where abs(a[index] - b[index]) / scale > result.error {
      result = (abs(a[index] - b[index]) / scale, index)
    }
    return result
  }

  @Test(
    "the peer's Keras file loads and reproduces torch's logits (1e-4 of scale)",
    .enabled(
      if: PeerGolden.isPresent,
      "set SANITY_PEERS_DIR to a folder whose golden/ holds bench_deepsea.py's deepsea_like{.h5,.fa,_reference.h5}"
    ))
  func reproducesLogits() throws {
    let model = try ModelLoader.load(PeerGolden.file("deepsea_like.h5"))
    #expect(model.shapes == (try Self.architectureShapes()))
    let sequences = try InputData.load(PeerGolden.file("deepsea_like.fa")).inputs
    let reference = try HDF5File(reading: PeerGolden.file("deepsea_like_reference.h5"))
    let logits = try reference.readTensor("/logits")
    try #require(logits.shape == [sequences.batchSize, 919])
    let ours = model.forward(sequences)
    let scale = logits.scalars.map(abs).max() ?? 1
    let logitError = worst(ours.scalars, logits.scalars, scale: scale)
    #expect(
      logitError.error <= 1e-4,
      "logits: worst \(logitError.error) of scale \(scale) at \(logitError.index)")
  }

  /// Saliency against a float64 pass, at the positions no near tie reaches.
  ///
  /// A max-pool window whose two largest values nearly tie, or a ReLU whose input is nearly 0,
  /// may be decided either way in float32, moving a whole receptive field of the map: on this
  /// model torch's float32 map itself differs from float64 by 3.3e-2 of an item's max. The
  /// float64 file marks those positions (`settled` = 0); elsewhere every float32 map must agree.
  @Test(
    "Saliency matches a float64 pass to 1e-4 of each item's max where no near tie reaches",
    .enabled(
      if: PeerGolden.isPresent
        && FileManager.default.fileExists(atPath: PeerGolden.file("deepsea_like_float64.h5").path),
      "run `python scripts/deepsea_float64_reference.py $SANITY_PEERS_DIR` (torch, h5py) to write golden/deepsea_like_float64.h5"
    ))
  func saliencyMatchesFloat64() throws {
    let model = try ModelLoader.load(PeerGolden.file("deepsea_like.h5"))
    let reference = try HDF5File(reading: PeerGolden.file("deepsea_like_float64.h5"))
    let saliency = try reference.readTensor("/saliency")
    let settled = try reference.readTensor("/settled")
    let count = saliency.shape[0]
    try #require(saliency.shape == [count, 1000, 4] && settled.shape == [count, 1000])
    let sequences = try InputData.load(PeerGolden.file("deepsea_like.fa")).inputs
    let map = try Saliency().attribution(
      for: sequences.items(0..<count), targets: [Int](repeating: 0, count: count), in: model
    ).values
    for item in 0..<count {
      let kept = (0..<1000).filter { settled.scalars[item * 1000 + $0] == 1 }
      #expect(kept.count >= 300, "item \(item): only \(kept.count) settled positions")
      let cells = kept.flatMap { position in (0..<4).map { item * 4000 + position * 4 + $0 } }
      let expected = cells.map { saliency.scalars[$0] }
      let itemScale = saliency.scalars[(item * 4000)..<((item + 1) * 4000)].map(abs).max() ?? 1
      let error = worst(cells.map { map.scalars[$0] }, expected, scale: itemScale)
      #expect(
        error.error <= 1e-4,
        "saliency item \(item): worst \(error.error) of max \(itemScale) at settled cell \(error.index)"
      )
    }
  }

  private static func architectureShapes() throws -> [Shape] {
    try DeepSEAArchitecture.model().shapes
  }
}
