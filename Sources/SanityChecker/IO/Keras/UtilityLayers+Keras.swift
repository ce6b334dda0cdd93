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

extension ActivationLayer: KerasConfigurable {
  var kerasClassName: String { "Activation" }
  var kerasConfig: [String: JSONValue] { ["activation": activation.kerasValue] }
}
