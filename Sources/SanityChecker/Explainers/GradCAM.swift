/// Grad-CAM: the feature maps of a convolutional layer weighted by their mean gradient.
///
/// ```
/// w_c   = mean_p ∂f_t/∂A[p, c]
/// map   = relu(Σ_c w_c A[·, c]),   then upsampled to the input's length (or height × width)
/// ```
/// Selvaraju et al. 2017, arXiv:1610.02391 (Captum's `LayerGradCam` + `LayerAttribution.interpolate`).
/// Defaults: the post-activation output of the last convolution; ReLU applied to the map, as in
/// the paper; nearest upsampling `out[i] = in[⌊i·n_in/n_out⌋]`, as the reference files. Maps have
/// no channel axis: `[N, L]` or `[N, H, W]`.
public struct GradCAM: Explainer {
  /// `grad-cam`.
  public static let identifier = "grad-cam"

  /// How the layer map is brought to the input's size.
  public enum Upsampling: String, Hashable, Sendable {
    /// `out[i] = in[⌊i·n_in/n_out⌋]` (PyTorch `interpolate(mode="nearest")`).
    case nearest
    /// Linear (1-D) or bilinear (2-D) interpolation with half-pixel centres (`align_corners=False`).
    case linear
  }

  /// The layer whose output is explained; `nil` chooses the last convolution (after its activation).
  public var layer: String?
  /// The upsampling.
  public var upsampling: Upsampling
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameters:
  ///   - layer: The layer name, or `nil` for the last convolution.
  ///   - upsampling: Nearest (default) or linear.
  ///   - output: The explained output (the logit by default).
  public init(
    layer: String? = nil, upsampling: Upsampling = .nearest, output: ExplainedOutput = .logit
  ) {
    self.layer = layer
    self.upsampling = upsampling
    self.output = output
  }

  /// The index of the layer whose output is weighted.
  /// - Parameter model: The model.
  /// - Returns: The layer's index.
  /// - Throws: ``ModelError`` when the named layer does not exist or the model has no spatial layer.
  public func layerIndex(in model: Model) throws -> Int {
    if let layer { return try model.layerIndex(named: layer) }
    guard var index = model.layers.lastIndex(where: { $0 is Conv1D || $0 is Conv2D }) else {
      throw ModelError.unknownLayer("<last convolution>", available: model.layerNames)
    }
    while index + 1 < model.layers.count, model.layers[index + 1] is ActivationLayer,
      model.inputNodes[index + 1] == [index + 1]
    {
      index += 1
    }
    return index
  }

  /// The map at the layer's resolution, before the ReLU and the upsampling: `[N] + spatial shape`.
  /// - Parameters:
  ///   - input: The batch.
  ///   - targets: One target per item.
  ///   - model: The model.
  /// - Returns: The layer-resolution maps and the explained outputs.
  /// - Throws: See ``layerIndex(in:)``.
  public func layerMaps(for input: Tensor, targets: [Int], in model: Model) throws -> (
    maps: Tensor, outputs: [Float]
  ) {
    try layerMaps(for: input, units: [targets], in: model)[0]
  }

  /// ``layerMaps(for:targets:in:)`` at each of several target lists: each chunk is traced once
  /// and run back to the layer once per list, so each list's maps equal a call of its own.
  /// - Parameters:
  ///   - input: The batch.
  ///   - units: Target lists, one target per item each.
  ///   - model: The model.
  /// - Returns: Per target list, the layer-resolution maps and the explained outputs.
  /// - Throws: See ``layerIndex(in:)``.
  func layerMaps(for input: Tensor, units: [[Int]], in model: Model) throws -> [(
    maps: Tensor, outputs: [Float]
  )] {
    let explained = model.explained(output)
    let index = try layerIndex(in: explained)
    let featureShape = explained.shapes[index + 1]
    guard featureShape.rank >= 2 else {
      throw ModelError.shapeMismatch(
        layer: explained.layers[index].name, expected: "a spatial output", actual: featureShape)
    }
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: explained.chunkSize,
      bytesPerChunk: explained.bytesPerChunk
    ) { range in
      let chunk = input.items(range)
      let trace = explained.trace(chunk)
      return units.map { targets in
        let chunkTargets = Array(targets[range])
        let outputs = explained.values(of: trace.output, at: chunkTargets)
        let gradient = explained.backward(
          trace, seed: explained.targetSeed(chunkTargets), rule: .gradient, stoppingAt: index + 1)
        return (Self.weightedSum(trace.activations[index + 1], gradient), outputs)
      }
    }
    return units.indices.map { unit in
      (Tensor.concatenating(parts.map { $0[unit].0 }), parts.flatMap { $0[unit].1 })
    }
  }

  /// Σ_c (mean_p G[p, c]) · A[p, c] per item: `[n, P..., C]` → `[n, P...]`.
  static func weightedSum(_ activation: Tensor, _ gradient: Tensor) -> Tensor {
    let channels = activation.shape.dimensions.last ?? 1
    let positions = activation.itemCount / channels
    let spatial = Shape(Array(activation.shape.dimensions.dropLast()))
    return Tensor(shape: spatial) { map in
      activation.withUnsafeBufferPointer { a in
        gradient.withUnsafeBufferPointer { g in
          var weights = [Float](repeating: 0, count: channels)
          for item in 0..<activation.batchSize {
            let base = item * positions * channels
            for c in 0..<channels { weights[c] = 0 }
            for p in 0..<positions {
              for c in 0..<channels { weights[c] += g[base + p * channels + c] }
            }
            for c in 0..<channels { weights[c] /= Float(positions) }
            for p in 0..<positions {
              var total: Float = 0
              for c in 0..<channels { total += weights[c] * a[base + p * channels + c] }
              map[item * positions + p] = total
            }
          }
        }
      }
    }
  }

  /// The Grad-CAM maps at the input's resolution.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let (maps, outputs) = try layerMaps(for: input, targets: targets, in: model)
    return inputResolution(maps, outputs: outputs, targets: targets, model: model)
  }

  /// The Grad-CAM maps of every selected unit, each chunk traced once.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let units = selection.indices.map { [Int](repeating: $0, count: input.batchSize) }
    return try zip(units, layerMaps(for: input, units: units, in: model)).map { targets, layer in
      inputResolution(layer.maps, outputs: layer.outputs, targets: targets, model: model)
    }
  }

  /// Layer maps rectified and upsampled to the input's resolution.
  private func inputResolution(_ maps: Tensor, outputs: [Float], targets: [Int], model: Model)
    -> Attribution
  {
    let rectified = Tensor(shape: maps.shape, scalars: maps.scalars.map { max($0, 0) })
    let inputSpatial = Array(model.inputShape.dimensions.dropLast())
    let upsampled = Upsample.resize(rectified, to: inputSpatial, mode: upsampling)
    return Attribution(
      values: upsampled, method: Self.identifier, targets: targets, predictions: outputs)
  }
}
