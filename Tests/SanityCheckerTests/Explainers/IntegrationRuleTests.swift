@testable import SanityChecker
import Testing

@Suite struct IntegrationRuleTests {
  /// Captum's trapezoid weights sum to 1 − 1/n (0.98 at 50 steps).
  @Test func trapezoidWeightsSumLikeCaptum() {
    let (alphas, weights) = IntegrationRule.riemannTrapezoid.nodes(steps: 50)
    #expect(abs(weights.reduce(0, +) - 0.98) < 1e-12)
    #expect(alphas.first == 0 && alphas.last == 1)
  }

  /// numpy.polynomial.legendre.leggauss(5), to 1e-14.
  @Test func gaussLegendreMatchesNumpy() {
    let (points, weights) = IntegrationRule.legendre(5)
    let expectedPoints = [
      -0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664,
    ]
    let expectedWeights = [
      0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647,
      0.23692688505618908,
    ]
    for i in 0..<5 {
      #expect(abs(points[i] - expectedPoints[i]) < 1e-14)
      #expect(abs(weights[i] - expectedWeights[i]) < 1e-14)
    }
    let (_, fifty) = IntegrationRule.gaussLegendre.nodes(steps: 50)
    #expect(abs(fifty.reduce(0, +) - 1) < 1e-12)
  }
}
