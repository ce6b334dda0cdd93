/// The arrays of a DeepBind model, in the Keras layouts of the converted HDF5 files.
///
/// | array | shape | params file | HDF5 dataset |
/// |---|---|---|---|
/// | ``detectors`` | `[M, 4, D]` | `detectors` | `conv1d_1/kernel:0` |
/// | ``thresholds`` | `[D]` | `thresholds` | `conv1d_1/bias:0` |
/// | ``weights1`` | `[H1, H2]` | `weights1` | `dense_1/kernel:0` |
/// | ``biases1`` | `[H2]` | `biases1` | `dense_1/bias:0` |
/// | ``weights2`` | `[H, 1]` or absent | `weights2` | `dense_2/kernel:0` |
/// | ``biases2`` | `[1]` or absent | `biases2` | `dense_2/bias:0` |
///
/// `H1 = 2D` with average pooling (features interleaved max/avg per detector), else `D`;
/// `H2 = H` with a hidden layer of H units, else 1. The detectors are cross-correlated
/// (no flip) over the channels A, C, G, T.
public struct DeepBindWeights: Sendable, Equatable {
  /// The detectors (conv kernel), `[M, 4, D]`.
  public var detectors: Tensor
  /// The thresholds (conv bias), `[D]`.
  public var thresholds: Tensor
  /// The first dense kernel, `[H1, H2]`.
  public var weights1: Tensor
  /// The first dense bias, `[H2]`.
  public var biases1: Tensor
  /// The output kernel of the hidden layer, `[H, 1]`, or `nil` without a hidden layer.
  public var weights2: Tensor?
  /// The output bias of the hidden layer, `[1]`, or `nil` without a hidden layer.
  public var biases2: Tensor?

  /// Creates the weights from their arrays; shapes are checked by ``DeepBindScanner``.
  /// - Parameters:
  ///   - detectors: `[M, 4, D]`.
  ///   - thresholds: `[D]`.
  ///   - weights1: `[H1, H2]`.
  ///   - biases1: `[H2]`.
  ///   - weights2: `[H, 1]`, or `nil` without a hidden layer.
  ///   - biases2: `[1]`, or `nil` without a hidden layer.
  public init(
    detectors: Tensor, thresholds: Tensor, weights1: Tensor, biases1: Tensor,
    weights2: Tensor? = nil, biases2: Tensor? = nil
  ) {
    self.detectors = detectors
    self.thresholds = thresholds
    self.weights1 = weights1
    self.biases1 = biases1
    self.weights2 = weights2
    self.biases2 = biases2
  }

  /// The arrays keyed like the HDF5 datasets without `:0`, as ``DeepBindScanner/parameters``.
  var parameters: [String: Tensor] {
    var result = [
      DeepBindScanner.Key.detectors: detectors, DeepBindScanner.Key.thresholds: thresholds,
      DeepBindScanner.Key.weights1: weights1, DeepBindScanner.Key.biases1: biases1,
    ]
    if let weights2 { result[DeepBindScanner.Key.weights2] = weights2 }
    if let biases2 { result[DeepBindScanner.Key.biases2] = biases2 }
    return result
  }

  /// The dimensions the arrays imply, after checking every shape against the options.
  /// - Parameters:
  ///   - options: The scoring options (average pooling fixes H1).
  ///   - layer: The layer's name, for errors.
  /// - Returns: M, D, H1 and H2 (and whether there is a hidden layer).
  /// - Throws: ``ModelError/parameterShape(layer:parameter:expected:actual:)`` for the first
  ///   misfit (`-1` marks a free extent, an actual shape `[0]` an absent array).
  func dimensions(options: DeepBindOptions, layer: String) throws(ModelError) -> DeepBindDimensions
  {
    typealias Key = DeepBindScanner.Key
    guard detectors.shape.rank == 3, detectors.shape[1] == 4, detectors.shape[0] > 0,
      detectors.shape[2] > 0
    else {
      throw .parameterShape(
        layer: layer, parameter: Key.detectors, expected: [-1, 4, -1], actual: detectors.shape)
    }
    let (length, count) = (detectors.shape[0], detectors.shape[2])
    guard thresholds.shape == [count] else {
      throw .parameterShape(
        layer: layer, parameter: Key.thresholds, expected: [count], actual: thresholds.shape)
    }
    let features = options.hasAveragePooling ? 2 * count : count
    guard weights1.shape.rank == 2, weights1.shape[0] == features, weights1.shape[1] > 0 else {
      throw .parameterShape(
        layer: layer, parameter: Key.weights1, expected: [features, -1], actual: weights1.shape)
    }
    let units = weights1.shape[1]
    guard biases1.shape == [units] else {
      throw .parameterShape(
        layer: layer, parameter: Key.biases1, expected: [units], actual: biases1.shape)
    }
    switch (weights2, biases2) {
    case (nil, nil):
      guard units == 1 else {
        throw .parameterShape(
          layer: layer, parameter: Key.weights2, expected: [units, 1], actual: [0])
      }
    case (let kernel?, let bias?):
      guard kernel.shape == [units, 1] else {
        throw .parameterShape(
          layer: layer, parameter: Key.weights2, expected: [units, 1], actual: kernel.shape)
      }
      guard bias.shape == [1] else {
        throw .parameterShape(
          layer: layer, parameter: Key.biases2, expected: [1], actual: bias.shape)
      }
    case (nil, _?):
      throw .parameterShape(
        layer: layer, parameter: Key.weights2, expected: [units, 1], actual: [0])
    case (_?, nil):
      throw .parameterShape(layer: layer, parameter: Key.biases2, expected: [1], actual: [0])
    }
    return DeepBindDimensions(
      detectorLength: length, detectorCount: count, features: features, units: units,
      hasHiddenLayer: weights2 != nil)
  }
}

/// The sizes of a DeepBind model (internal).
struct DeepBindDimensions: Hashable, Sendable {
  /// M.
  let detectorLength: Int
  /// D.
  let detectorCount: Int
  /// H1: D, or 2D with average pooling.
  let features: Int
  /// H2: the hidden units, or 1.
  let units: Int
  /// Whether a hidden ReLU layer precedes the output.
  let hasHiddenLayer: Bool
}
