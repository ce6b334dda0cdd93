extension Flatten: KerasConfigurable {
  var kerasClassName: String { "Flatten" }
  var kerasConfig: [String: JSONValue] { ["data_format": "channels_last"] }
}

extension Dropout: KerasConfigurable {
  var kerasClassName: String { "Dropout" }
  var kerasConfig: [String: JSONValue] {
    ["rate": .decimal(rate), "noise_shape": .null, "seed": .null]
  }
}

extension Cropping1D: KerasConfigurable {
  var kerasClassName: String { "Cropping1D" }
  var kerasConfig: [String: JSONValue] { ["cropping": .integers([start, end])] }
}

extension ZeroPadding1D: KerasConfigurable {
  var kerasClassName: String { "ZeroPadding1D" }
  var kerasConfig: [String: JSONValue] { ["padding": .integers([start, end])] }
}

extension Cropping2D: KerasConfigurable {
  var kerasClassName: String { "Cropping2D" }
  var kerasConfig: [String: JSONValue] {
    [
      "cropping": kerasBorders,
      "data_format": "channels_last",
    ]
  }
}

extension ZeroPadding2D: KerasConfigurable {
  var kerasClassName: String { "ZeroPadding2D" }
  var kerasConfig: [String: JSONValue] {
    [
      "padding": kerasBorders,
      "data_format": "channels_last",
    ]
  }
}

extension ImageBorderLayer {
  /// The borders as Keras writes them, `[[top, bottom], [left, right]]`.
  fileprivate var kerasBorders: JSONValue {
    .array([.integers([top, bottom]), .integers([left, right])])
  }
}

extension RepeatVector: KerasConfigurable {
  var kerasClassName: String { "RepeatVector" }
  var kerasConfig: [String: JSONValue] { ["n": .number(Double(count))] }
}

extension Reshape: KerasConfigurable {
  var kerasClassName: String { "Reshape" }
  var kerasConfig: [String: JSONValue] { ["target_shape": .integers(targetShape)] }
}

extension Permute: KerasConfigurable {
  var kerasClassName: String { "Permute" }
  var kerasConfig: [String: JSONValue] { ["dims": .integers(axes.map { $0 + 1 })] }
}

extension ActivationLayer: KerasConfigurable {
  var kerasClassName: String { "Activation" }
  var kerasConfig: [String: JSONValue] { ["activation": activation.kerasValue] }
}
