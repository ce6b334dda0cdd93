import Foundation

/// A DeepBind model read from its original params text file (DeepBind v0.11 `db/params/<ID>.txt`).
///
/// The format is ASCII, `# deepbind 0.1` and then one `name = value` line per key:
/// ```
/// reverse_complement, num_detectors (D), detector_len (M), has_avg_pooling, num_hidden (H)
/// detectors   D·M·4 floats, detectors[d + D·(b + 4·p)] = K[p, b, d]  (C order (M, 4, D))
/// thresholds  D;  weights1  H1·H2 (row-major (H1, H2));  biases1  H2
/// weights2    H (empty when H = 0);  biases2  1 (empty when H = 0)
/// ```
/// with `H1 = 2D` under average pooling (rows interleaved max/avg per detector), else D, and
/// `H2 = max(H, 1)`. Values are comma-separated decimals, parsed to `Float` (correctly rounded).
/// Keys may come in any order; comment lines after the header start with `#`.
public struct DeepBindParams: Sendable {
  /// The file's path, for messages.
  public let file: String
  /// The arrays, in the layouts of ``DeepBindWeights``.
  public let weights: DeepBindWeights
  /// The scoring switches, with DeepBind's default window `⌊1.5·M⌋`.
  public let options: DeepBindOptions

  /// The model id: the file name without `.txt`, such as `D00328.018`.
  public var identifier: String {
    let name = URL(fileURLWithPath: file).lastPathComponent
    return name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
  }

  /// Reads a params file.
  /// - Parameter url: The file.
  /// - Throws: ``DeepBindParamsError`` naming the file and line.
  public init(contentsOf url: URL) throws(DeepBindParamsError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(file: url.path, reason: (error as NSError).localizedDescription)
    }
    try self.init(text: text, file: url.path)
  }

  /// Parses params text.
  /// - Parameters:
  ///   - text: The file's content.
  ///   - file: The name to use in messages.
  /// - Throws: ``DeepBindParamsError`` naming `file` and the line.
  public init(text: String, file: String) throws(DeepBindParamsError) {
    let entries = try DeepBindParamsReader(text: text, file: file)
    let reverse = try entries.integer("reverse_complement", allowed: 0...1, expected: "0 or 1")
    // The bounds keep every array size below 2⁴¹ values (no overflow); the arrays' values must
    // then be present in the text, so nothing is allocated beyond what the file holds.
    let count = try entries.integer(
      "num_detectors", allowed: 1...(1 << 20), expected: "an integer in 1...\(1 << 20)")
    let length = try entries.integer(
      "detector_len", allowed: 1...(1 << 16), expected: "an integer in 1...\(1 << 16)")
    let average = try entries.integer("has_avg_pooling", allowed: 0...1, expected: "0 or 1")
    let hidden = try entries.integer(
      "num_hidden", allowed: 0...(1 << 20), expected: "an integer in 0...\(1 << 20)")
    let features = average == 1 ? 2 * count : count
    let units = max(hidden, 1)
    let detectors = try entries.floats(
      "detectors", count: count * length * 4, rule: "num_detectors × detector_len × 4")
    let thresholds = try entries.floats("thresholds", count: count, rule: "num_detectors")
    let weights1 = try entries.floats(
      "weights1", count: features * units,
      rule: (average == 1 ? "2 × num_detectors" : "num_detectors") + " × max(num_hidden, 1)")
    let biases1 = try entries.floats("biases1", count: units, rule: "max(num_hidden, 1)")
    let weights2 = try entries.floats("weights2", count: hidden, rule: "num_hidden")
    let biases2 = try entries.floats(
      "biases2", count: hidden > 0 ? 1 : 0, rule: "1, or 0 when num_hidden = 0")
    self.file = file
    self.weights = DeepBindWeights(
      detectors: Tensor(shape: [length, 4, count], scalars: detectors),
      thresholds: Tensor(shape: [count], scalars: thresholds),
      weights1: Tensor(shape: [features, units], scalars: weights1),
      biases1: Tensor(shape: [units], scalars: biases1),
      weights2: hidden > 0 ? Tensor(shape: [hidden, 1], scalars: weights2) : nil,
      biases2: hidden > 0 ? Tensor(shape: [1], scalars: biases2) : nil)
    self.options = DeepBindOptions(
      hasReverseComplement: reverse == 1, hasAveragePooling: average == 1,
      windowSize: DeepBindOptions.defaultWindowSize(detectorLength: length))
  }

  /// The model as one ``DeepBindScanner`` layer named after ``identifier``.
  /// - Returns: The layer.
  /// - Throws: ``ModelError`` (not expected: the parser checked every count).
  public func scanner() throws(ModelError) -> DeepBindScanner {
    try DeepBindScanner(name: identifier, weights: weights, options: options)
  }

  /// The model for sequences of one length, input `[L, 4]` → score `[1]`.
  /// - Parameter sequenceLength: L (101 for the ENCODE ChIP-seq sets).
  /// - Returns: A one-layer ``Model`` named after ``identifier``.
  /// - Throws: ``ModelError`` if `sequenceLength < 1`.
  public func model(sequenceLength: Int) throws(ModelError) -> Model {
    try Model(name: identifier, inputShape: [sequenceLength, 4], layers: [scanner()])
  }
}
