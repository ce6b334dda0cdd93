import SanityTestSupport
import Testing

@testable import SanityChecker

/// SSIM and HOG read RGB maps `[H, W, C]` reduced over their channels (the sum, or the sum of
/// magnitudes for the absolute variants), and refuse shapes they cannot read with a typed error.
@Suite struct MultiChannelMetricTests {
  /// `Σ_c v` (or `Σ_c |v|`) of a `[H, W, C]` map, as a `[H, W]` map.
  static func channelSum(_ map: Tensor, absolute: Bool) -> Tensor {
    let (height, width, channels) = (map.shape[0], map.shape[1], map.shape[2])
    var values = [Float](repeating: 0, count: height * width)
    for pixel in 0..<(height * width) {
      for channel in 0..<channels {
        let value = map.scalars[pixel * channels + channel]
        values[pixel] += absolute ? abs(value) : value
      }
    }
    return Tensor(shape: [height, width], scalars: values)
  }

  @Test(arguments: [false, true])
  func ssimOfAnRGBMapIsSSIMOfItsChannelSum(absolute: Bool) throws {
    let a = TestSupport.uniform([16, 16, 3], seed: 21, low: -1, high: 1)
    let b = TestSupport.uniform([16, 16, 3], seed: 22, low: -1, high: 1)
    let metric = SSIM(absolute: absolute)
    let rgb = try #require(metric.score(a, b))
    let summed = try #require(
      metric.score(Self.channelSum(a, absolute: absolute), Self.channelSum(b, absolute: absolute)))
    #expect(abs(rgb - summed) < 1e-12, "\(rgb) vs \(summed)")
    #expect(rgb < 0.9)
    #expect(try #require(metric.score(a, a)) == 1)
  }

  @Test(arguments: [false, true])
  func hogOfAnRGBMapIsHOGOfItsChannelSum(absolute: Bool) throws {
    let a = TestSupport.uniform([32, 32, 3], seed: 23, low: -1, high: 1)
    let b = TestSupport.uniform([32, 32, 3], seed: 24, low: -1, high: 1)
    let metric = HOGSimilarity(absolute: absolute)
    let rgb = try #require(metric.score(a, b))
    let summed = try #require(
      metric.score(Self.channelSum(a, absolute: absolute), Self.channelSum(b, absolute: absolute)))
    #expect(abs(rgb - summed) < 1e-12)
    #expect(abs(try #require(metric.score(a, a)) - 1) < 1e-12)
  }

  @Test func shapesTheMetricCannotReadAreTypedErrors() throws {
    let shape: Shape = [2, 8, 8, 3]
    for metric in [SSIM() as any SimilarityMetric, HOGSimilarity()] {
      let error = try #require(throws: MetricError.self) { try metric.validate(mapShape: shape) }
      #expect(
        error
          == .unsupportedShape(metric: metric.name, shape: shape, supported: Self.supported(metric))
      )
      #expect(
        error.description.contains("[2, 8, 8, 3]")
          && error.description.contains("choose another metric"))
      #expect(
        metric.score(Tensor(shape: shape, repeating: 1), Tensor(shape: shape, repeating: 2)) == nil)
      try metric.validate(mapShape: [64, 64, 3])
    }
    try SpearmanRankCorrelation().validate(mapShape: shape)
  }

  static func supported(_ metric: any SimilarityMetric) -> String {
    metric is SSIM
      ? "a signal [L], a map [H, W] or an image [H, W, C]" : "a map [H, W] or an image [H, W, C]"
  }

  /// Map comparison validates the metric against the compared shape before any score.
  @Test func mapComparisonRefusesUnreadableMaps() throws {
    let maps = TestSupport.uniform([2, 3, 4, 4, 2], seed: 25)
    let input = TestSupport.uniform([2, 3, 4, 4, 2], seed: 26)
    #expect(throws: MetricError.self) {
      _ = try MapComparison.scores(maps, maps, input: input, metric: SSIM(), view: .full)
    }
  }

  /// Rows of image maps are labelled `full`: the DNA views do not apply to them.
  @Test func viewNamesFollowTheMaps() {
    #expect(
      MapComparison.viewName(.observedBase, mapShape: [64, 64, 3], input: [64, 64, 3]) == "full")
    #expect(MapComparison.viewName(.observedBase, mapShape: [101], input: [101, 4]) == "full")
    #expect(
      MapComparison.viewName(.observedBase, mapShape: [101, 4], input: [101, 4]) == "observed-base")
  }
}
