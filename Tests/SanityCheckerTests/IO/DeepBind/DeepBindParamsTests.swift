import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct DeepBindParamsTests {
  static func fixture(_ name: String) -> URL { TestSupport.fixture("Malformed/deepbind/\(name)") }

  /// `detectors[d + D·(b + 4·p)]` is K[p, b, d]: the toy's 1s sit at (0, A, 0) and (1, C, 0).
  @Test(arguments: ["toy-ac.txt", "toy-ac-crlf.txt"])
  func readsToyModelLayout(name: String) throws {
    let params = try DeepBindParams(contentsOf: Self.fixture(name))
    #expect(params.identifier == String(name.dropLast(4)))
    #expect(
      params.options
        == DeepBindOptions(hasReverseComplement: true, hasAveragePooling: false, windowSize: 3))
    let weights = params.weights
    #expect(weights.detectors.shape == [2, 4, 2])
    #expect(
      weights.detectors[0, 0, 0] == 1 && weights.detectors[1, 1, 0] == 1
        && weights.detectors[0, 2, 1] == 0.5)
    #expect(weights.detectors.scalars.reduce(0, +) == 2.5)
    #expect(weights.thresholds.scalars == [-1, -2])
    #expect(weights.weights1.shape == [2, 1] && weights.biases1.scalars == [0.5])
    #expect(weights.weights2 == nil && weights.biases2 == nil)
  }

  /// Worked by hand in Fixtures/Malformed/deepbind/README.md: `AC` scores 2.5 (its reverse
  /// complement `GT` 0.5); an unknown base (0.25 everywhere) next to `A` gives less.
  @Test func toyModelScoresByHand() throws {
    let model = try DeepBindParams(contentsOf: Self.fixture("toy-ac.txt")).model(sequenceLength: 2)
    let ac = Tensor(shape: [1, 2, 4], scalars: [1, 0, 0, 0, 0, 1, 0, 0])
    #expect(model.forward(ac).scalars == [2.5])
    let gt = Tensor(shape: [1, 2, 4], scalars: [0, 0, 1, 0, 0, 0, 0, 1])
    #expect(model.forward(gt).scalars == [2.5])  // its reverse complement is AC
    // A then N: z = [0.25, 1 + 0.25, 0.25 + 0.25] − 1 → max relu 0.25 → 2·0.25 + 0.5 = 1.
    let an = Tensor(shape: [1, 2, 4], scalars: [1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25])
    #expect(model.forward(an).scalars == [1])
  }

  static let errors: [(String, @Sendable (String) -> DeepBindParamsError)] = [
    ("missing-header.txt", { .missingHeader(file: $0, line: 1, found: "# deepbind 0.2") }),
    (
      "wrong-detector-count.txt",
      {
        .wrongValueCount(
          file: $0, line: 7, key: "detectors", expected: 16, actual: 15,
          rule: "num_detectors × detector_len × 4")
      }
    ),
    (
      "bad-float.txt",
      { .invalidFloat(file: $0, line: 8, column: 23, key: "thresholds", text: "-2.O0e+00") }
    ),
    ("missing-key.txt", { .missingKey(file: $0, line: 11, key: "thresholds") }),
    (
      "bad-flag.txt",
      {
        .invalidInteger(file: $0, line: 5, key: "has_avg_pooling", text: "2", expected: "0 or 1")
      }
    ),
    ("duplicate-key.txt", { .duplicateKey(file: $0, line: 13, key: "biases1") }),
    ("unexpected-line.txt", { .unexpectedLine(file: $0, line: 4, text: "window_size: 3") }),
    (
      "hidden-without-weights2.txt",
      {
        .wrongValueCount(
          file: $0, line: 9, key: "weights1", expected: 4, actual: 2,
          rule: "num_detectors × max(num_hidden, 1)")
      }
    ),
  ]

  /// Each malformed file throws its case; the message starts `file:line:` and gives a remedy.
  @Test(arguments: errors.indices)
  func malformedParamsFail(index: Int) throws {
    let (name, expected) = Self.errors[index]
    let url = Self.fixture(name)
    let error = try #require(throws: DeepBindParamsError.self) {
      _ = try DeepBindParams(contentsOf: url)
    }
    let wanted = expected(url.path)
    #expect(error == wanted)
    let line: Int
    switch wanted {
    case .missingHeader(_, let l, _), .unexpectedLine(_, let l, _), .duplicateKey(_, let l, _),
      .missingKey(_, let l, _), .invalidInteger(_, let l, _, _, _),
      .invalidFloat(_, let l, _, _, _),
      .wrongValueCount(_, let l, _, _, _, _):
      line = l
    case .unreadable:
      line = 0
    }
    #expect(error.description.hasPrefix("\(url.path):\(line):"), "\(error)")
    #expect(error.description.contains("; "), "a remedy follows: \(error)")
  }

  @Test func unreadableFileNamesIt() throws {
    let url = Self.fixture("no-such-model.txt")
    let error = try #require(throws: DeepBindParamsError.self) {
      _ = try DeepBindParams(contentsOf: url)
    }
    #expect(error.description.hasPrefix(url.path + ": cannot read the file"))
  }

  @Test func emptyTextHasNoHeader() {
    #expect(throws: DeepBindParamsError.missingHeader(file: "empty.txt", line: 1, found: "")) {
      _ = try DeepBindParams(text: "", file: "empty.txt")
    }
  }

  @Test func mismatchedArraysAreRejectedOnAssembly() {
    let weights = DeepBindWeights(
      detectors: Tensor(shape: [3, 4, 2]), thresholds: Tensor(shape: [2]),
      weights1: Tensor(shape: [2, 1]), biases1: Tensor(shape: [1]))
    let options = DeepBindOptions(
      hasReverseComplement: false, hasAveragePooling: true, windowSize: 4)
    #expect(
      throws: ModelError.parameterShape(
        layer: "db", parameter: "dense_1/kernel", expected: [4, -1], actual: [2, 1])
    ) {
      _ = try DeepBindScanner(name: "db", weights: weights, options: options)
    }
  }
}
