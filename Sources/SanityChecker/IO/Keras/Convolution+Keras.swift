extension Conv1D: KerasConfigurable {
  var kerasClassName: String { "Conv1D" }

  var kerasConfig: [String: JSONValue] {
    let kernel = parameters["kernel"]?.shape ?? [0, 0, 0]
    return [
      "filters": .number(Double(kernel[2])), "kernel_size": .integers([kernel[0]]),
      "strides": .integers([stride]), "padding": padding.kerasValue, "data_format": "channels_last",
      "dilation_rate": .integers([dilation]), "groups": 1, "activation": activation.kerasValue,
      "use_bias": .bool(parameters["bias"] != nil),
    ]
  }
}

extension Conv2D: KerasConfigurable {
  var kerasClassName: String { "Conv2D" }

  var kerasConfig: [String: JSONValue] {
    let kernel = parameters["kernel"]?.shape ?? [0, 0, 0, 0]
    return [
      "filters": .number(Double(kernel[3])), "kernel_size": .integers([kernel[0], kernel[1]]),
      "strides": .integers(strides), "padding": padding.kerasValue, "data_format": "channels_last",
      "dilation_rate": .integers(dilation), "groups": 1, "activation": activation.kerasValue,
      "use_bias": .bool(parameters["bias"] != nil),
    ]
  }
}

extension Dense: KerasConfigurable {
  var kerasClassName: String { "Dense" }

  var kerasConfig: [String: JSONValue] {
    [
      "units": .number(Double(parameters["kernel"]?.shape[1] ?? 0)),
      "activation": activation.kerasValue,
      "use_bias": .bool(parameters["bias"] != nil),
    ]
  }
}

extension BatchNormalization: KerasConfigurable {
  var kerasClassName: String { "BatchNormalization" }

  var kerasConfig: [String: JSONValue] {
    [
      "axis": -1, "epsilon": .decimal(epsilon), "center": .bool(parameters["beta"] != nil),
      "scale": .bool(parameters["gamma"] != nil), "momentum": 0.99,
    ]
  }
}

extension GroupedConvolution: KerasConfigurable {
  /// `Conv1D` or `Conv2D` with `groups`, whose kernel `[k…, I/G, O]` Keras stores as is.
  var kerasClassName: String { spatialRank == 1 ? "Conv1D" : "Conv2D" }

  var kerasConfig: [String: JSONValue] {
    [
      "filters": .number(Double(kernelShape[spatialRank + 1])),
      "kernel_size": .integers(Array(kernelShape.dimensions.prefix(spatialRank))),
      "strides": .integers(strides), "padding": padding.kerasValue,
      "data_format": "channels_last", "dilation_rate": .integers(dilation),
      "groups": .number(Double(groups)), "activation": activation.kerasValue,
      "use_bias": .bool(parameters["bias"] != nil),
    ]
  }
}
