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
    "the peer's Keras file loads and reproduces torch's logits (1e-4 of scale) and Saliency (1e-4 of each item's max)",
    .enabled(
      if: PeerGolden.isPresent,
      "set SANITY_PEERS_DIR to a folder whose golden/ holds bench_deepsea.py's deepsea_like{.h5,.fa,_reference.h5}"
    ))
  func reproducesReference() throws {
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

    let saliency = try reference.readTensor("/saliency")
    let count = saliency.shape[0]
    try #require(saliency.shape == [count, 1000, 4])
    let map = try Saliency().attribution(
      for: sequences.items(0..<count), targets: [Int](repeating: 0, count: count), in: model
    ).values
    let cells = 4000
    for item in 0..<count {
      let expected = Array(saliency.scalars[(item * cells)..<((item + 1) * cells)])
      let actual = Array(map.scalars[(item * cells)..<((item + 1) * cells)])
      let itemScale = expected.map(abs).max() ?? 1
      let error = worst(actual, expected, scale: itemScale)
      #expect(
        error.error <= 1e-4,
        "saliency item \(item): worst \(error.error) of max \(itemScale) at \(error.index)")
    }
  }

  private static func architectureShapes() throws -> [Shape] {
    try DeepSEAArchitecture.model().shapes
  }
}
