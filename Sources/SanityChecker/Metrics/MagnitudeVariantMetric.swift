/// A metric with a variant on the maps' magnitudes `|a|`, `|b|`, named ``SimilarityMetric/identifier``
/// with `-abs` (``SpearmanRankCorrelation``, ``PearsonCorrelation``, ``SSIM``,
/// ``HOGSimilarity``).
protocol MagnitudeVariantMetric: SimilarityMetric {
  /// Whether the magnitudes are compared instead of the signed values.
  var isAbsolute: Bool { get set }
}

extension MagnitudeVariantMetric {
  /// ``SimilarityMetric/identifier``, suffixed `-abs` when comparing magnitudes.
  public var name: String { isAbsolute ? Self.identifier + "-abs" : Self.identifier }

  /// This configuration on magnitudes for the signed metric, `nil` for the absolute one.
  public var magnitudeVariant: (any SimilarityMetric)? {
    guard !isAbsolute else { return nil }
    var variant = self
    variant.isAbsolute = true
    return variant
  }
}
