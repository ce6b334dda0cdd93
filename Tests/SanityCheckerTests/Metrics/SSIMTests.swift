import SanityChecker
import SanityTestSupport
import Testing

@Suite struct SSIMTests {
  /// scikit-image 0.26.0 `structural_similarity(minmax(a), minmax(b), data_range=1.0, …)` of
  /// `MetricTestData.pair(45)`, as a signal and as a 9 × 5 map (float64 min-max scaling).
  @Test(arguments: [
    (Shape([45]), SSIM.Window.uniform(size: 7), false, 0.23418619533241175),
    (Shape([45]), SSIM.Window.uniform(size: 7), true, 0.019666644637528288),
    (Shape([9, 5]), SSIM.Window.uniform(size: 3), false, 0.2695400644553373),
    (Shape([9, 5, 1]), SSIM.Window.uniform(size: 3), false, 0.2695400644553373),
    (Shape([9, 5]), SSIM.Window.uniform(size: 5), false, 0.22549393246238494),
    (Shape([45]), SSIM.Window.gaussian(sigma: 1.5), false, 0.2058829588003963),
  ])
  func matchesSkimage(shape: Shape, window: SSIM.Window, absolute: Bool, expected: Double) throws {
    let (a, b) = MetricTestData.tensors(shape)
    let score = try #require(SSIM(window: window, absolute: absolute).score(a, b))
    #expect(abs(score - expected) < 1e-12, "\(shape) \(window): \(score) vs \(expected)")
  }

  /// skimage, Gaussian window σ = 1.5 (11 × 11) on a 15 × 15 map of the pattern pair.
  @Test func gaussianWindowOnAnImage() throws {
    let (a, b) = MetricTestData.tensors([15, 15])
    let score = try #require(SSIM(window: .gaussian(sigma: 1.5)).score(a, b))
    #expect(abs(score - 0.19972432677635943) < 1e-12)
  }

  /// A constant map scales to zeros; skimage then gives 1 against another constant map and
  /// 4.775793548304235e-06 against the scaled pattern signal (window 7).
  @Test func constantMapsAreDefined() throws {
    let (_, b) = MetricTestData.tensors([45])
    let constant = Tensor(shape: [45], repeating: -2)
    let metric = SSIM(window: .uniform(size: 7))
    #expect(metric.score(constant, Tensor(shape: [45], repeating: 5)) == 1)
    let mixed = try #require(metric.score(constant, b))
    #expect(abs(mixed - 4.775793548304235e-06) < 1e-15)
  }

  @Test func windowsThatDoNotFitGiveNil() {
    let (a, b) = MetricTestData.tensors([9, 5])
    #expect(SSIM(window: .uniform(size: 7)).score(a, b) == nil)
    #expect(SSIM(window: .gaussian(sigma: 1.5)).score(a, b) == nil)
    let (c, d) = MetricTestData.tensors([20, 2])
    #expect(SSIM().score(c, d) == nil)
  }

  @Test func automaticWindowFollowsTheSmallestExtent() throws {
    let cases: [(Shape, Int)] = [
      ([101, 4], 3), ([101], 7), ([28, 28], 7), ([9, 5], 5), ([6, 6, 1], 5),
    ]
    for (shape, size) in cases {
      let a = TestSupport.uniform(shape, seed: 1)
      let b = TestSupport.uniform(shape, seed: 2)
      #expect(SSIM().score(a, b) == SSIM(window: .uniform(size: size)).score(a, b), "\(shape)")
    }
  }

  @Test func affineInvarianceAndNegation() throws {
    let (a, b) = MetricTestData.tensors([9, 5])
    let metric = SSIM(window: .uniform(size: 3))
    let base = try #require(metric.score(a, b))
    let moved = b.scaled(by: 40).linearCombination(1, Tensor(shape: [9, 5], repeating: 3), 1)
    #expect(abs(try #require(metric.score(a, moved)) - base) < 1e-6)
    #expect(try #require(metric.score(a, a.scaled(by: -1))) < 0.5)
    #expect(SSIM(window: .uniform(size: 3), absolute: true).score(a, a.scaled(by: -1)) == 1)
    #expect(SSIM(absolute: true).name == "ssim-abs")
  }
}
