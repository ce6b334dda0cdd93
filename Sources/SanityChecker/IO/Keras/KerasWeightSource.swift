/// Where a Keras configuration's layers take their weights from.
protocol KerasWeightSource {
  /// The weights of one layer, in Keras' `weight_names` order, checked against `expected` shapes.
  func weights(of layer: String, expected: [Shape]) throws(ModelFileError) -> [Tensor]
}

/// Zero weights of the expected shapes, for building an architecture before initializing it.
struct ZeroWeights: KerasWeightSource {
  func weights(of layer: String, expected: [Shape]) throws(ModelFileError) -> [Tensor] {
    expected.map { Tensor(shape: $0) }
  }
}
