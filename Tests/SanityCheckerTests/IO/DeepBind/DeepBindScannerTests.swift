import SanityChecker
import SanityTestSupport
import Testing

@Suite struct DeepBindScannerTests {
  /// A configuration of the grid: detector length M, detectors D, hidden units H, average
  /// pooling, reverse complement, sequence length L and window W.
  struct Case: Sendable, CustomTestStringConvertible {
    let m: Int, d: Int, hidden: Int, average: Bool, reverse: Bool, length: Int, window: Int
    var testDescription: String {
      "M\(m) D\(d) H\(hidden)\(average ? " avg" : "")\(reverse ? " rc" : "") L\(length) W\(window)"
    }
    var options: DeepBindOptions {
      DeepBindOptions(hasReverseComplement: reverse, hasAveragePooling: average, windowSize: window)
    }
  }

  static let grid: [Case] = [
    Case(m: 3, d: 2, hidden: 0, average: false, reverse: true, length: 9, window: 4),  // 6 windows
    Case(m: 4, d: 3, hidden: 5, average: true, reverse: true, length: 12, window: 6),
    Case(m: 5, d: 2, hidden: 3, average: false, reverse: false, length: 3, window: 7),  // L < M
    Case(m: 3, d: 2, hidden: 0, average: true, reverse: false, length: 4, window: 4),  // L = W
    Case(m: 1, d: 3, hidden: 2, average: true, reverse: true, length: 6, window: 1),  // no padding
    Case(m: 6, d: 2, hidden: 0, average: false, reverse: true, length: 20, window: 9),
  ]

  /// Forward equals the direct one-window-at-a-time computation (in Double) to 1e-5 relative.
  @Test(arguments: grid)
  func forwardMatchesDirectScoring(configuration: Case) throws {
    let scanner = try DeepBindDirect.randomScanner(
      length: configuration.m, detectors: configuration.d, hidden: configuration.hidden,
      options: configuration.options, seed: 10)
    let input = DeepBindDirect.randomSequences(count: 5, length: configuration.length, seed: 20)
    let scores = scanner.forward(input)
    #expect(scores.shape == [5, 1])
    let expected = (0..<5).map { item in
      Float(
        DeepBindDirect.score(
          input.items(item..<(item + 1)).scalars, weights: scanner.weights, options: scanner.options
        ))
    }
    TestSupport.expectClose(
      scores, Tensor(shape: [5, 1], scalars: expected), relativeTolerance: 1e-5, "scores")
    let windows = scanner.windowScores(input)
    let count = configuration.length - min(configuration.length, configuration.window) + 1
    #expect(windows.shape == [5, configuration.reverse ? 2 : 1, count])
    for item in 0..<5 {
      let best = windows.items(item..<(item + 1)).scalars.max() ?? 0
      #expect(best == scores.scalars[item])
    }
  }

  @Test func rejectsInputsThatAreNotDNA() throws {
    let scanner = try DeepBindDirect.randomScanner(
      length: 3, detectors: 2, hidden: 0, options: Self.grid[0].options, seed: 1)
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "random", expected: "[L, 4] with L ≥ 1", actual: [10, 5])
    ) {
      _ = try Model(inputShape: [10, 5], layers: [scanner])
    }
    #expect(try Model(inputShape: [10, 4], layers: [scanner]).outputShape == [1])
  }
}
