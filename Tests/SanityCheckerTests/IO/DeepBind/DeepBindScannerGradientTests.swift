import SanityChecker
import SanityTestSupport
import Testing

@Suite struct DeepBindScannerGradientTests {
  /// A small model: M = 3, D = 3, W = 4, L = 8 (5 windows per strand), both strands.
  static func model(average: Bool, hidden: Int, seed: UInt64) throws -> (Model, DeepBindScanner) {
    let options = DeepBindOptions(
      hasReverseComplement: true, hasAveragePooling: average, windowSize: 4)
    let scanner = try DeepBindDirect.randomScanner(
      length: 3, detectors: 3, hidden: hidden, options: options, seed: seed)
    return (try Model(name: "deepbind", inputShape: [8, 4], layers: [scanner]), scanner)
  }

  /// The largest second difference |f(x+h) + f(x−h) − 2f(x)| of ⟨v, f⟩ over the coordinates.
  ///
  /// The score is piecewise linear, so it is at rounding level (≤ 1e-5) exactly when no
  /// ReLU kink, pooling tie or window tie lies within h of the point.
  static func largestSecondDifference(
    at x: Tensor, step: Float, projection v: Tensor, _ f: (Tensor) -> Tensor
  ) -> Double {
    let center = TestSupport.dot(v, f(x))
    var largest = 0.0
    for i in 0..<x.scalars.count {
      var plus = x.scalars, minus = x.scalars
      plus[i] += step
      minus[i] -= step
      let sum =
        TestSupport.dot(v, f(Tensor(shape: x.shape, scalars: plus)))
        + TestSupport.dot(v, f(Tensor(shape: x.shape, scalars: minus)))
      largest = max(largest, abs(sum - 2 * center))
    }
    return largest
  }

  static let configurations: [(average: Bool, hidden: Int, seed: UInt64)] = [
    (false, 0, 1000), (true, 0, 1010), (false, 4, 1020), (true, 4, 1020),
  ]

  /// Model.backward under the gradient rule equals central differences to 2e-3 relative.
  ///
  /// The step is h = 1e-3, at points checked to lie away from kinks and ties. The seeds were chosen (by scanning
  /// seeds 1000, 1010, …) so that the check holds and every item has a non-zero gradient.
  @Test(arguments: configurations.indices)
  func inputGradientMatchesFiniteDifferences(index: Int) throws {
    let (average, hidden, seed) = Self.configurations[index]
    let (model, _) = try Self.model(average: average, hidden: hidden, seed: seed)
    let x = TestSupport.uniform([3, 8, 4], seed: seed + 10, low: 0, high: 1)
    let v = TestSupport.uniform([3, 1], seed: seed + 11)
    let f: (Tensor) -> Tensor = { model.forward($0) }
    let curvature = Self.largestSecondDifference(at: x, step: 1e-3, projection: v, f)
    try #require(
      curvature <= 1e-5,
      "the point lies within h of a kink (second difference \(curvature)); pick another seed")
    let analytic = model.backward(model.trace(x), seed: v, rule: .gradient)
    let numeric = TestSupport.numericalGradient(at: x, step: 1e-3, projection: v, f)
    TestSupport.expectClose(analytic, numeric, relativeTolerance: 2e-3, "dx")
    #expect(analytic.maximumMagnitude > 0.05, "the gradient is not trivially zero")
  }

  /// Parameter gradients (summed over the batch) equal central differences to 2e-3 relative.
  @Test(arguments: configurations.indices)
  func parameterGradientsMatchFiniteDifferences(index: Int) throws {
    let (average, hidden, seed) = Self.configurations[index]
    let (_, scanner) = try Self.model(average: average, hidden: hidden, seed: seed)
    let x = TestSupport.uniform([3, 8, 4], seed: seed + 10, low: 0, high: 1)
    let v = TestSupport.uniform([3, 1], seed: seed + 11)
    let gradients = scanner.parameterGradients(v, input: x, output: scanner.forward(x))
    #expect(Set(gradients.keys) == Set(scanner.parameterOrder))
    for key in scanner.parameterOrder {
      let parameter = try #require(scanner.parameters[key])
      let f: (Tensor) -> Tensor = { value in
        var changed = scanner
        changed.parameters[key] = value
        return changed.forward(x)
      }
      let curvature = Self.largestSecondDifference(at: parameter, step: 1e-3, projection: v, f)
      try #require(curvature <= 1e-5, "\(key): within h of a kink (second difference \(curvature))")
      let numeric = TestSupport.numericalGradient(at: parameter, step: 1e-3, projection: v, f)
      TestSupport.expectClose(try #require(gradients[key]), numeric, relativeTolerance: 2e-3, key)
    }
  }

  /// ε-LRP with ε → 0 and proportional average pooling equals Gradient × Input.
  ///
  /// This holds on ReLU networks (Ancona and others 2018, arXiv:1711.06104); here to 1e-3 relative.
  @Test(arguments: configurations.indices)
  func epsilonLRPEqualsGradientTimesInput(index: Int) throws {
    let (average, hidden, seed) = Self.configurations[index]
    let (model, _) = try Self.model(average: average, hidden: hidden, seed: seed)
    let x = TestSupport.uniform([3, 8, 4], seed: seed + 10, low: 0, high: 1)
    let trace = model.trace(x)
    let gradient = model.backward(
      trace, seed: Tensor(shape: [3, 1], repeating: 1), rule: .gradient)
    let relevance = model.backward(
      trace, seed: trace.output, rule: .epsilonLRP(epsilon: 1e-9, averagePooling: .proportional))
    TestSupport.expectClose(
      relevance, gradient.multiplied(by: x), relativeTolerance: 1e-3, "R vs g ⊙ x")
  }

  /// Every rule puts signal only on the bases of the winning window of the winning strand.
  @Test(arguments: [BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.01)])
  func signalStaysInTheWinningWindow(rule: BackwardRule) throws {
    let (model, scanner) = try Self.model(average: true, hidden: 4, seed: 1020)
    let x = TestSupport.uniform([3, 8, 4], seed: 1030, low: 0, high: 1)
    let trace = model.trace(x)
    let signal = model.backward(
      trace, seed: rule == .gradient ? Tensor(shape: [3, 1], repeating: 1) : trace.output,
      rule: rule)
    let windows = scanner.windowScores(x)
    for item in 0..<3 {
      let scores = windows.items(item..<(item + 1)).scalars
      let winner = try #require(scores.firstIndex(of: scores.max() ?? 0))
      let (strand, start) = (winner / 5, winner % 5)
      let covered =
        strand == 0 ? Set(start..<(start + 4)) : Set((start..<(start + 4)).map { 7 - $0 })
      for position in 0..<8 where !covered.contains(position) {
        for base in 0..<4 {
          #expect(signal[item, position, base] == 0, "item \(item) position \(position)")
        }
      }
      #expect((0..<8).contains { position in (0..<4).contains { signal[item, position, $0] != 0 } })
    }
  }

  /// Guided Backprop clips negative signals at every ReLU, so on a model whose output weights
  /// are all positive it agrees with the gradient; DeconvNet ignores the forward ReLU mask.
  @Test func guidedBackpropMatchesGradientWhenSignalsArePositive() throws {
    let options = DeepBindOptions(
      hasReverseComplement: true, hasAveragePooling: false, windowSize: 4)
    let scanner = try DeepBindDirect.randomScanner(
      length: 3, detectors: 3, hidden: 0, options: options, seed: 500)
    var positive = scanner
    positive.parameters["dense_1/kernel"] = TestSupport.uniform(
      [3, 1], seed: 501, low: 0.1, high: 1)
    positive.parameters["conv1d_1/kernel"] = TestSupport.uniform(
      [3, 4, 3], seed: 502, low: 0.1, high: 1)
    let model = try Model(inputShape: [8, 4], layers: [positive])
    let x = TestSupport.uniform([2, 8, 4], seed: 503, low: 0, high: 1)
    let trace = model.trace(x)
    let ones = Tensor(shape: [2, 1], repeating: 1)
    let gradient = model.backward(trace, seed: ones, rule: .gradient)
    TestSupport.expectClose(
      model.backward(trace, seed: ones, rule: .guidedBackprop), gradient, relativeTolerance: 1e-6,
      "guided")
    TestSupport.expectClose(
      model.backward(trace, seed: ones, rule: .deconvNet), gradient, relativeTolerance: 1e-6,
      "deconv")
  }
}
