/// A grouped 1-D or 2-D convolution, as Keras `Conv1D`/`Conv2D` with `groups > 1` and ONNX
/// `Conv` with `group > 1` (depthwise when every group has one input channel).
///
/// Shapes (`G` groups): input `[N, L, I]` or `[N, H, W, I]`, kernel `[k…, I/G, O]` (the Keras
/// layout of a grouped kernel), bias `[O]`, output `[N, OL, O]` or `[N, OH, OW, O]`. Output
/// channel `o` belongs to group `g = o / (O/G)` and reads only input channels
/// `g·(I/G) ..< (g + 1)·(I/G)`:
///
/// ```
/// z[n, q, o] = b[o] + Σ_{t, j} x[n, q·s − p + t·d, g·(I/G) + j] · K[t, j, o]
/// ```
///
/// The layer splits the channels into `G` groups (``ChannelGroups``), runs each group as a
/// ``Conv1D``/``Conv2D`` with kernel columns `g·(O/G) ..< (g + 1)·(O/G)`, and joins the outputs.
///
/// Backward rules are the group convolutions' rules, applied per group, which is exact because
/// no output reads another group's inputs:
/// - gradient, Guided Backprop, DeconvNet: the fused activation by the rule, then `Kᵀ`;
/// - ε-LRP: the z-rule `R_in = x ⊙ Kᵀ(R / (z + ε·sign z))` with `z` (bias included) of the
///   output's own group, so relevance is conserved per group and in total (zero bias, ε → 0);
/// - DeepLIFT Rescale: a ``FusedActivationLayer``, so DeepLIFT splits it into the linear layer
///   (multipliers = gradient) and a rescale step for the activation;
/// - Grad-CAM: its output `[OL, O]`/`[OH, OW, O]` is a feature map like a convolution's.
///
/// 1-D grouped convolutions are ``LocalLayer``s, so fast ISM recomputes only the windows a
/// substitution reaches.
public struct GroupedConvolution: ParameterizedLayer, KernelBiasLayer, FusedActivationLayer {
  /// The layer's name.
  public var name: String
  /// The kernel `[k…, I/G, O]` and, when present, the bias `[O]`.
  public var parameters: [String: Tensor]
  /// The number of groups `G`.
  public let groups: Int
  /// The stride per spatial axis.
  public let strides: [Int]
  /// The padding mode.
  public let padding: Padding
  /// The dilation per spatial axis.
  public let dilation: [Int]
  /// The fused activation.
  public var activation: Activation
  /// The kernel's shape, fixed at creation.
  public let kernelShape: Shape

  /// Creates a grouped convolution.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - kernel: `[k, I/G, O]` (1-D) or `[KH, KW, I/G, O]` (2-D), `O` divisible by `groups`.
  ///   - bias: `[O]`, or `nil` for none.
  ///   - groups: `G`, ≥ 1.
  ///   - strides: One stride ≥ 1 per spatial axis.
  ///   - padding: The padding mode.
  ///   - dilation: One dilation ≥ 1 per spatial axis.
  ///   - activation: The fused activation.
  public init(
    name: String, kernel: Tensor, bias: Tensor?, groups: Int, strides: [Int], padding: Padding,
    dilation: [Int], activation: Activation = .linear
  ) {
    let spatial = kernel.shape.rank - 2
    precondition(
      (1...2).contains(spatial) && strides.count == spatial && dilation.count == spatial,
      "GroupedConvolution '\(name)': kernel \(kernel.shape), strides \(strides), dilation \(dilation)"
    )
    precondition(
      groups >= 1 && kernel.shape[spatial + 1] % groups == 0,
      "GroupedConvolution '\(name)': \(kernel.shape[spatial + 1]) filters in \(groups) groups")
    self.name = name
    self.parameters = Self.kernelAndBias(kernel, bias)
    self.groups = groups
    self.strides = strides
    self.padding = padding
    self.dilation = dilation
    self.activation = activation
    self.kernelShape = kernel.shape
  }

  /// The number of spatial axes (1 or 2).
  var spatialRank: Int { kernelShape.rank - 2 }

  /// Input channels per group.
  var groupChannels: Int { kernelShape[spatialRank] }

  /// The convolution of each group, with its kernel columns and bias entries.
  var groupLayers: [any ParameterizedLayer] {
    let kernels = ChannelGroups.split(
      parameters["kernel"] ?? Tensor(shape: kernelShape), groups: groups)
    let biases = parameters["bias"].map { ChannelGroups.split($0, groups: groups) }
    return kernels.indices.map { g -> any ParameterizedLayer in
      let layerName = "\(name)/group_\(g)"
      if spatialRank == 1 {
        return Conv1D(
          name: layerName, kernel: kernels[g], bias: biases?[g], stride: strides[0],
          padding: padding, dilation: dilation[0], activation: activation)
      }
      return Conv2D(
        name: layerName, kernel: kernels[g], bias: biases?[g], strides: strides, padding: padding,
        dilation: dilation, activation: activation)
    }
  }

  /// `[OL, O]` for `[L, I]`, or `[OH, OW, O]` for `[H, W, I]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    let channels = groupChannels * groups
    let expected = spatialRank == 1 ? "[L, \(channels)]" : "[H, W, \(channels)]"
    try checkKernelAndBias(kernelShape: kernelShape, outputs: kernelShape[spatialRank + 1])
    guard input.rank == spatialRank + 1, input.dimensions.last == channels else {
      throw .shapeMismatch(layer: name, expected: expected, actual: input)
    }
    let groupInput = Shape(Array(input.dimensions.dropLast()) + [groupChannels])
    guard let first = groupLayers.first else { return input }
    let groupOutput = try first.outputShape(for: groupInput)
    return Shape(Array(groupOutput.dimensions.dropLast()) + [kernelShape[spatialRank + 1]])
  }

  /// `activation(z)`, each group convolved on its own channels.
  public func forward(_ input: Tensor) -> Tensor {
    let parts = ChannelGroups.split(input, groups: groups)
    return ChannelGroups.join(zip(groupLayers, parts).map { $0.forward($1) })
  }

  /// Each group's backward pass under `rule` on its channels, joined.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    let signals = ChannelGroups.split(signal, groups: groups)
    let inputs = ChannelGroups.split(input, groups: groups)
    let outputs = ChannelGroups.split(output, groups: groups)
    var parts: [Tensor] = []
    for (g, layer) in groupLayers.enumerated() {
      switch rule {
      case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
        parts.append(layer.backward(signals[g], input: inputs[g], output: outputs[g], rule: rule))
      }
    }
    return ChannelGroups.join(parts)
  }

  /// Each group's kernel and bias gradients, joined into `[k…, I/G, O]` and `[O]`.
  public func parameterGradients(
    _ signal: Tensor, input: Tensor, output: Tensor
  ) -> [String: Tensor] {
    let signals = ChannelGroups.split(signal, groups: groups)
    let inputs = ChannelGroups.split(input, groups: groups)
    let outputs = ChannelGroups.split(output, groups: groups)
    let gradients = groupLayers.enumerated().map { g, layer in
      layer.parameterGradients(signals[g], input: inputs[g], output: outputs[g])
    }
    var result = ["kernel": ChannelGroups.join(gradients.compactMap { $0["kernel"] })]
    if parameters["bias"] != nil {
      result["bias"] = ChannelGroups.join(gradients.compactMap { $0["bias"] })
    }
    return result
  }
}
