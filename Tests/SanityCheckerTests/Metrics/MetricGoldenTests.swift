import SanityChecker
import SanityTestSupport
import Testing

/// Per-sample metrics against `dna_golden.h5` / `mnist_golden.h5` (scipy 1.17.1,
/// scikit-image 0.26.0), through the fixtures in `Tests/Fixtures/Metrics/`.
///
/// The references compared float64 maps; the fixtures hold them as float32. Recomputing the
/// references in Python from the float32 fixtures moves them by at most 2.1e-5 (a few
/// near-ties in Spearman), so 1e-4 is the tolerance; NaN in the reference must be `nil` here.
@Suite struct MetricGoldenTests {
  static let tolerance = 1e-4

  /// The metric for each stored metric name, given the reference's SSIM window.
  static func metric(named name: String, window: Int) -> any SimilarityMetric {
    switch name {
    case "spearman": SpearmanRankCorrelation()
    case "spearman_abs": SpearmanRankCorrelation(absolute: true)
    case "pearson": PearsonCorrelation()
    case "ssim": SSIM(window: .uniform(size: window))
    default: SSIM(window: .uniform(size: window), absolute: true)
    }
  }

  static let cases: [(dataSet: String, method: String)] = [
    ("dna", "saliency"), ("dna", "guided_backprop"), ("dna", "input_x_gradient"),
    ("dna", "gradcam"),
    ("mnist", "saliency"), ("mnist", "gradcam"),
  ]

  @Test(arguments: cases)
  func storedMetricsAreReproduced(dataSet: String, method: String) throws {
    let fixtures = try MetricFixtures.load()
    let entry = try #require((dataSet == "dna" ? fixtures.dna : fixtures.mnist).methods[method])
    let originals = try MetricFixtures.maps(
      try #require(entry.stacks["original"]), shape: entry.mapShape)
    #expect(originals.count == (dataSet == "dna" ? 64 : 16))
    for (group, stored) in entry.metrics {
      let randomized = try MetricFixtures.maps(
        try #require(entry.stacks[group]), shape: entry.mapShape)
      for (name, references) in stored {
        let metric = Self.metric(named: name, window: entry.ssimWindow)
        var worst = (difference: 0.0, sample: -1)
        for (sample, reference) in references.enumerated() {
          let score = metric.score(originals[sample], randomized[sample])
          guard let reference else {
            #expect(
              score == nil,
              "\(dataSet) \(method) \(group) \(name) sample \(sample): NaN stored, got \(String(describing: score))"
            )
            continue
          }
          let value = try #require(
            score,
            "\(dataSet) \(method) \(group) \(name) sample \(sample): nil, stored \(reference)")
          if abs(value - reference) > worst.difference { worst = (abs(value - reference), sample) }
        }
        #expect(
          worst.difference <= Self.tolerance,
          "\(dataSet) \(method) \(group) \(name): max |difference| \(worst.difference) at sample \(worst.sample)"
        )
      }
    }
  }

  /// The automatic window reproduces the references' choice (3 for [101, 4], 7 otherwise).
  @Test func automaticWindowMatchesReferenceWindows() throws {
    let fixtures = try MetricFixtures.load()
    for dataSet in [fixtures.dna, fixtures.mnist] {
      for (method, entry) in dataSet.methods {
        let originals = try MetricFixtures.maps(
          try #require(entry.stacks["original"]), shape: entry.mapShape)
        let (a, b) = (originals[0], originals[1])
        #expect(
          SSIM().score(a, b) == SSIM(window: .uniform(size: entry.ssimWindow)).score(a, b),
          "\(method) \(entry.mapShape)")
      }
    }
  }

  /// skimage `structural_similarity(..., gaussian_weights=True, sigma=1.5)` on MNIST saliency.
  @Test func gaussianWindowMatchesSkimage() throws {
    let fixtures = try MetricFixtures.load()
    let extras = try #require(fixtures.mnist.extras)
    let entry = try #require(fixtures.mnist.methods[extras.method])
    let originals = try MetricFixtures.maps(
      try #require(entry.stacks["original"]), shape: entry.mapShape)
    let randomized = try MetricFixtures.maps(
      try #require(entry.stacks[extras.group]), shape: entry.mapShape)
    let metric = SSIM(window: .gaussian(sigma: 1.5))
    for (sample, reference) in extras.ssimGaussian.enumerated() {
      let value = try #require(metric.score(originals[sample], randomized[sample]))
      #expect(
        abs(value - (reference ?? .nan)) < 1e-9,
        "sample \(sample): \(value) vs \(String(describing: reference))")
    }
  }
}
