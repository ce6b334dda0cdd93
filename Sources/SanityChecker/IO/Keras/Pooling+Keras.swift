/// The Keras fields of a one-dimensional pooling layer (`strides` defaults to the pool size).
private func pooling1DConfig(poolSize: Int, stride: Int?, padding: Padding) -> [String: JSONValue] {
  [
    "pool_size": .integers([poolSize]), "strides": .integers([stride ?? poolSize]),
    "padding": padding.kerasValue, "data_format": "channels_last",
  ]
}

/// The Keras fields of a two-dimensional pooling layer (`strides` defaults to the pool size).
private func pooling2DConfig(poolSize: [Int], strides: [Int]?, padding: Padding) -> [String:
  JSONValue]
{
  [
    "pool_size": .integers(poolSize), "strides": .integers(strides ?? poolSize),
    "padding": padding.kerasValue, "data_format": "channels_last",
  ]
}

extension MaxPooling1D: KerasConfigurable {
  var kerasClassName: String { "MaxPooling1D" }
  var kerasConfig: [String: JSONValue] {
    pooling1DConfig(poolSize: poolSize, stride: stride, padding: padding)
  }
}

extension AveragePooling1D: KerasConfigurable {
  var kerasClassName: String { "AveragePooling1D" }
  var kerasConfig: [String: JSONValue] {
    pooling1DConfig(poolSize: poolSize, stride: stride, padding: padding)
  }
}

extension MaxPooling2D: KerasConfigurable {
  var kerasClassName: String { "MaxPooling2D" }
  var kerasConfig: [String: JSONValue] {
    pooling2DConfig(poolSize: poolSize, strides: strides, padding: padding)
  }
}

extension AveragePooling2D: KerasConfigurable {
  var kerasClassName: String { "AveragePooling2D" }
  var kerasConfig: [String: JSONValue] {
    pooling2DConfig(poolSize: poolSize, strides: strides, padding: padding)
  }
}

extension GlobalMaxPooling1D: KerasConfigurable {
  var kerasClassName: String { "GlobalMaxPooling1D" }
  var kerasConfig: [String: JSONValue] { ["data_format": "channels_last", "keepdims": false] }
}

extension GlobalAveragePooling1D: KerasConfigurable {
  var kerasClassName: String { "GlobalAveragePooling1D" }
  var kerasConfig: [String: JSONValue] { ["data_format": "channels_last", "keepdims": false] }
}

extension GlobalMaxPooling2D: KerasConfigurable {
  var kerasClassName: String { "GlobalMaxPooling2D" }
  var kerasConfig: [String: JSONValue] { ["data_format": "channels_last", "keepdims": false] }
}

extension GlobalAveragePooling2D: KerasConfigurable {
  var kerasClassName: String { "GlobalAveragePooling2D" }
  var kerasConfig: [String: JSONValue] { ["data_format": "channels_last", "keepdims": false] }
}
