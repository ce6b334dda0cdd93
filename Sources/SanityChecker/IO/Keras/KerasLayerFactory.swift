/// Builds SanityChecker layers from Keras configuration entries and their stored weights.
///
/// Expected weight shapes follow from the configuration and the shape reaching the layer, so
/// a kernel that does not fit is reported with its HDF5 path before any layer is built.
struct KerasLayerFactory {
  let weights: any KerasWeightSource

  /// The Keras classes SanityChecker builds, with their aliases.
  static let supportedClasses = [
    "Conv1D", "Conv2D", "Dense", "MaxPooling1D", "AveragePooling1D", "MaxPooling2D",
    "AveragePooling2D",
    "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
    "Flatten", "Dropout", "Activation", "ReLU", "BatchNormalization", "InputLayer",
    "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Cropping1D",
    "ZeroPadding1D", "Cropping2D", "ZeroPadding2D", "RepeatVector", "Reshape", "Permute",
  ]

  /// The merge layer of a merge entry (`Add`, …, `Concatenate`), or `nil` for other classes.
  /// - Parameter entry: The layer's configuration.
  /// - Returns: The merge layer, or `nil`.
  /// - Throws: ``ModelFileError/unsupportedSetting(file:layer:setting:value:)`` for a
  ///   concatenation along the batch axis.
  static func mergeLayer(for entry: KerasLayerEntry) throws(ModelFileError) -> (any MergeLayer)? {
    let operations: [String: ElementwiseMerge.Operation] = [
      "Add": .add, "Subtract": .subtract, "Multiply": .multiply, "Average": .average,
      "Maximum": .maximum, "Minimum": .minimum,
    ]
    if let operation = operations[entry.className] {
      return ElementwiseMerge(name: entry.name, operation: operation)
    }
    guard entry.className == "Concatenate" else { return nil }
    // Keras counts the batch axis: axis 2 of [N, L, C] is item axis 1; negative axes agree.
    let axis = try entry.integer("axis", default: -1)
    guard axis != 0 else {
      throw .unsupportedSetting(file: entry.file, layer: entry.name, setting: "axis", value: "0")
    }
    return Concatenate(name: entry.name, axis: axis > 0 ? axis - 1 : axis)
  }

  /// Alternative class names Keras also writes, mapped to the names above.
  static let aliases = [
    "Convolution1D": "Conv1D", "Convolution2D": "Conv2D", "MaxPool1D": "MaxPooling1D",
    "AvgPool1D": "AveragePooling1D", "MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D", "GlobalAvgPool1D": "GlobalAveragePooling1D",
    "GlobalMaxPool2D": "GlobalMaxPooling2D", "GlobalAvgPool2D": "GlobalAveragePooling2D",
  ]

  /// Builds one layer.
  /// - Parameters:
  ///   - entry: The layer's configuration.
  ///   - input: The shape of one item reaching the layer.
  /// - Returns: The layer.
  /// - Throws: ``ModelFileError`` naming the layer (unsupported class or setting, bad field)
  ///   or the weight dataset (missing, wrong shape, NaN/Inf).
  func layer(for entry: KerasLayerEntry, input: Shape) throws(ModelFileError) -> any Layer {
    let channels = input.dimensions.last ?? 0
    switch Self.aliases[entry.className] ?? entry.className {
    case "Conv1D":
      try entry.requireChannelsLast()
      let filters = try entry.integer("filters", atLeast: 1)
      let groups = try self.groups(entry, channels: channels, filters: filters)
      let (kernel, bias) = try kernelAndBias(
        entry,
        kernelShape: [try entry.integer("kernel_size", atLeast: 1), channels / groups, filters])
      let stride = try entry.integer("strides", atLeast: 1, default: 1)
      let padding = try entry.setting("padding", as: Padding.self, default: "valid")
      let dilation = try entry.integer("dilation_rate", atLeast: 1, default: 1)
      guard groups == 1 else {
        return GroupedConvolution(
          name: entry.name, kernel: kernel, bias: bias, groups: groups, strides: [stride],
          padding: padding, dilation: [dilation], activation: try entry.activation())
      }
      return Conv1D(
        name: entry.name, kernel: kernel, bias: bias, stride: stride, padding: padding,
        dilation: dilation, activation: try entry.activation())
    case "Conv2D":
      try entry.requireChannelsLast()
      let filters = try entry.integer("filters", atLeast: 1)
      let groups = try self.groups(entry, channels: channels, filters: filters)
      let size = try entry.integers("kernel_size", count: 2, atLeast: 1)
      let (kernel, bias) = try kernelAndBias(
        entry, kernelShape: [size[0], size[1], channels / groups, filters])
      let strides = try entry.integers("strides", count: 2, atLeast: 1, default: [1, 1])
      let padding = try entry.setting("padding", as: Padding.self, default: "valid")
      let dilation = try entry.integers("dilation_rate", count: 2, atLeast: 1, default: [1, 1])
      guard groups == 1 else {
        return GroupedConvolution(
          name: entry.name, kernel: kernel, bias: bias, groups: groups, strides: strides,
          padding: padding, dilation: dilation, activation: try entry.activation())
      }
      return Conv2D(
        name: entry.name, kernel: kernel, bias: bias, strides: strides, padding: padding,
        dilation: dilation, activation: try entry.activation())
    case "Dense":
      let (kernel, bias) = try kernelAndBias(
        entry, kernelShape: [channels, try entry.integer("units", atLeast: 1)])
      return Dense(name: entry.name, kernel: kernel, bias: bias, activation: try entry.activation())
    case "MaxPooling1D", "AveragePooling1D":
      try entry.requireChannelsLast()
      let poolSize = try entry.integer("pool_size", atLeast: 1, default: 2)
      let stride = try entry.optionalIntegers("strides", count: 1, atLeast: 1)?[0]
      let padding = try entry.setting("padding", as: Padding.self, default: "valid")
      return entry.className.hasPrefix("Max")
        ? MaxPooling1D(name: entry.name, poolSize: poolSize, stride: stride, padding: padding)
        : AveragePooling1D(name: entry.name, poolSize: poolSize, stride: stride, padding: padding)
    case "MaxPooling2D", "AveragePooling2D":
      try entry.requireChannelsLast()
      let poolSize = try entry.integers("pool_size", count: 2, atLeast: 1, default: [2, 2])
      let strides = try entry.optionalIntegers("strides", count: 2, atLeast: 1)
      let padding = try entry.setting("padding", as: Padding.self, default: "valid")
      return entry.className.hasPrefix("Max")
        ? MaxPooling2D(name: entry.name, poolSize: poolSize, strides: strides, padding: padding)
        : AveragePooling2D(name: entry.name, poolSize: poolSize, strides: strides, padding: padding)
    case let global where global.hasPrefix("Global"):
      return try globalPooling(entry, kind: global)
    case "Flatten":
      try entry.requireChannelsLast()
      return Flatten(name: entry.name)
    case "Dropout":
      return Dropout(name: entry.name, rate: try entry.float("rate", default: 0))
    case "Activation":
      return ActivationLayer(name: entry.name, activation: try entry.activation())
    case "ReLU":
      try requirePlainReLU(entry)
      return ActivationLayer(name: entry.name, activation: .relu)
    case "BatchNormalization":
      return try batchNormalization(entry, channels: channels, rank: input.rank)
    case "Cropping1D":
      let cropping = try entry.integers("cropping", count: 2, atLeast: 0, default: [1, 1])
      return Cropping1D(name: entry.name, start: cropping[0], end: cropping[1])
    case "Reshape":
      guard let target = entry.config["target_shape"]?.array?.compactMap(\.integer), !target.isEmpty
      else {
        throw entry.invalid("target_shape", "should be a list of integers")
      }
      return Reshape(name: entry.name, targetShape: target)
    case "Permute":
      guard let dims = entry.config["dims"]?.array?.compactMap(\.integer),
        dims.sorted() == Array(1...max(1, dims.count))
      else {
        throw entry.invalid("dims", "should be a permutation of 1...rank")
      }
      return Permute(name: entry.name, axes: dims.map { $0 - 1 })
    case "ZeroPadding1D":
      let padding = try entry.integers("padding", count: 2, atLeast: 0, default: [1, 1])
      return ZeroPadding1D(name: entry.name, start: padding[0], end: padding[1])
    case "Cropping2D":
      let cropping = try entry.borders("cropping")
      return Cropping2D(
        name: entry.name, top: cropping[0], bottom: cropping[1], left: cropping[2],
        right: cropping[3])
    case "ZeroPadding2D":
      let padding = try entry.borders("padding")
      return ZeroPadding2D(
        name: entry.name, top: padding[0], bottom: padding[1], left: padding[2], right: padding[3])
    case "RepeatVector":
      return RepeatVector(name: entry.name, count: try entry.integer("n", atLeast: 1))
    default:
      throw .unsupportedLayer(
        file: entry.file, layer: entry.name, className: entry.className,
        supported: Self.supportedClasses.filter { $0 != "InputLayer" })
    }
  }

  /// Reads `kernel` and, when `use_bias` (default true), `bias` of the kernel's last extent.
  private func kernelAndBias(_ entry: KerasLayerEntry, kernelShape: [Int]) throws(ModelFileError)
    -> (Tensor, Tensor?)
  {
    let hasBias = try entry.bool("use_bias", default: true)
    try Self.reserve(kernelShape, for: "layer '\(entry.name)' kernel", file: entry.file)
    let shapes =
      [Shape(kernelShape)] + (hasBias ? [Shape([kernelShape[kernelShape.count - 1]])] : [])
    let tensors = try weights.weights(of: entry.name, expected: shapes)
    return (tensors[0], hasBias ? tensors[1] : nil)
  }

  /// Checks that a tensor of `extents` (from a configuration or a file) fits the memory budget.
  /// - Throws: ``ModelFileError/exceedsBudget(file:_:)``.
  static func reserve(_ extents: [Int], for what: String, file: String) throws(ModelFileError) {
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(
        SizeCheck.product(extents) ?? Int.max, of: MemoryLayout<Float>.stride,
        for: "\(what) \(Shape(extents))")
    } catch {
      throw .exceedsBudget(file: file, error)
    }
  }

  private func globalPooling(_ entry: KerasLayerEntry, kind: String) throws(ModelFileError)
    -> any Layer
  {
    try entry.requireChannelsLast()
    if try entry.bool("keepdims", default: false) {
      throw .unsupportedSetting(
        file: entry.file, layer: entry.name, setting: "keepdims", value: "true")
    }
    switch kind {
    case "GlobalMaxPooling1D": return GlobalMaxPooling1D(name: entry.name)
    case "GlobalAveragePooling1D": return GlobalAveragePooling1D(name: entry.name)
    case "GlobalMaxPooling2D": return GlobalMaxPooling2D(name: entry.name)
    case "GlobalAveragePooling2D": return GlobalAveragePooling2D(name: entry.name)
    default:
      throw .unsupportedLayer(
        file: entry.file, layer: entry.name, className: entry.className,
        supported: Self.supportedClasses.filter { $0 != "InputLayer" })
    }
  }

  /// Reads gamma (if `scale`), beta (if `center`), moving mean and variance, over the last axis.
  private func batchNormalization(_ entry: KerasLayerEntry, channels: Int, rank: Int)
    throws(ModelFileError) -> any Layer
  {
    let axis = try entry.integers("axis", count: 1, default: [-1])[0]
    guard axis == -1 || axis == rank else {
      throw .unsupportedSetting(
        file: entry.file, layer: entry.name, setting: "axis", value: "\(axis)")
    }
    let hasScale = try entry.bool("scale", default: true)
    let hasCenter = try entry.bool("center", default: true)
    let count = 2 + (hasScale ? 1 : 0) + (hasCenter ? 1 : 0)
    var tensors = try weights.weights(
      of: entry.name, expected: Array(repeating: [channels], count: count))
    let gamma = hasScale ? tensors.removeFirst() : nil
    let beta = hasCenter ? tensors.removeFirst() : nil
    return BatchNormalization(
      name: entry.name, gamma: gamma, beta: beta, movingMean: tensors[0],
      movingVariance: tensors[1],
      epsilon: try entry.float("epsilon", default: 1e-3))
  }

  /// The `groups` of a convolution entry (Keras' grouped convolution, kernel `[k…, I/G, O]`),
  /// checked to divide the input channels and the filters.
  private func groups(_ entry: KerasLayerEntry, channels: Int, filters: Int) throws(ModelFileError)
    -> Int
  {
    let groups = try entry.integer("groups", default: 1)
    guard groups >= 1, channels % groups == 0, filters % groups == 0 else {
      throw .unsupportedSetting(
        file: entry.file, layer: entry.name, setting: "groups", value: "\(groups)")
    }
    return groups
  }

  /// Accepts `ReLU` only without a cap, a leak or a threshold.
  private func requirePlainReLU(_ entry: KerasLayerEntry) throws(ModelFileError) {
    for key in ["negative_slope", "threshold"] where try entry.float(key, default: 0) != 0 {
      throw .unsupportedSetting(
        file: entry.file, layer: entry.name, setting: key, value: "\(try entry.float(key))")
    }
    if let cap = entry.config["max_value"], cap != .null {
      throw .unsupportedSetting(
        file: entry.file, layer: entry.name, setting: "max_value", value: cap.serialized)
    }
  }
}
