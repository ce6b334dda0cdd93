/// DeepLIFT's view of a model: a chain of steps, with every elementwise activation on a step
/// of its own, and a backward pass that carries multipliers instead of gradients.
///
/// A fused layer (``FusedActivationLayer``) with a ReLU, sigmoid or tanh becomes two steps: a
/// copy of the layer with a linear activation (a ``Step/gradient(_:)`` step), then a
/// ``Step/rescale(_:)`` step. Running the chain forward therefore records the pre-activations
/// the rescale rule needs, at no extra cost.
///
/// | layer | step | multiplier passed back |
/// |---|---|---|
/// | ReLU, sigmoid, tanh (fused or standalone) | rescale | `s·Δy/Δz`, or `s·f'(z)` where `|Δz| < ε` |
/// | Conv, Dense (linear part), BatchNorm, Flatten, Dropout, average pooling | gradient | as ``BackwardRule/gradient`` |
/// | max pooling, windowed or global | difference routing, or gradient | see ``DeepLIFT/MaxPoolingRule`` |
/// | softmax (fused or standalone), any other layer (e.g. ``DeepBindScanner``) | gradient | the gradient at the input |
///
/// Here `Δ` is the difference between the input's and the reference's forward passes.
struct DeepLIFTChain: Sendable {
  /// One step of the chain.
  enum Step: Sendable {
    /// An elementwise ReLU, sigmoid or tanh, under the rescale rule.
    case rescale(Activation)
    /// A max-pooling layer under Captum's difference routing.
    case differenceRouting(any Layer)
    /// A layer whose multipliers are its gradient (linear layers, and the fallbacks).
    case gradient(any Layer)
  }

  /// The steps, first to last.
  let steps: [Step]

  /// Splits the model's layers into steps.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - maxPooling: How max-pooling layers pass multipliers back.
  init(_ model: Model, maxPooling: DeepLIFT.MaxPoolingRule) {
    var steps: [Step] = []
    for layer in model.layers {
      if var fused = layer as? any FusedActivationLayer, Self.isRescaled(fused.activation) {
        let activation = fused.activation
        fused.activation = .linear
        steps += [.gradient(fused), .rescale(activation)]
      } else if let standalone = layer as? ActivationLayer, Self.isRescaled(standalone.activation) {
        steps.append(.rescale(standalone.activation))
      } else if maxPooling == .differenceRouting && Self.isMaxPooling(layer) {
        steps.append(.differenceRouting(layer))
      } else {
        steps.append(.gradient(layer))
      }
    }
    self.steps = steps
  }

  /// Whether the rescale rule applies to the activation (elementwise and nonlinear).
  private static func isRescaled(_ activation: Activation) -> Bool {
    switch activation {
    case .relu, .sigmoid, .tanh: return true
    case .linear, .softmax: return false
    }
  }

  /// Whether the layer is a windowed or global max pooling.
  private static func isMaxPooling(_ layer: any Layer) -> Bool {
    layer is MaxPooling1D || layer is MaxPooling2D || layer is GlobalMaxPooling1D
      || layer is GlobalMaxPooling2D
  }

  /// Runs the chain on one chunk and keeps every step's output.
  /// - Parameter input: `[n] + inputShape`.
  /// - Returns: The input, then the output of each step (`steps.count + 1` tensors); the last
  ///   equals the model's output.
  func trace(_ input: Tensor) -> [Tensor] {
    var activations = [input]
    activations.reserveCapacity(steps.count + 1)
    for step in steps {
      let current = activations[activations.count - 1]
      switch step {
      case .rescale(let activation):
        var output = current
        activation.apply(to: &output)
        activations.append(output)
      case .differenceRouting(let layer), .gradient(let layer):
        activations.append(layer.forward(current))
      }
    }
    return activations
  }

  /// The multipliers of the seeded output with respect to the input, `m = ∂_DeepLIFT y / ∂x`.
  /// - Parameters:
  ///   - seed: The signal at the output, `[n] + outputShape` (a one-hot target per item).
  ///   - input: ``trace(_:)`` of the input.
  ///   - reference: ``trace(_:)`` of the reference.
  ///   - epsilon: Below this `|Δ|` a step uses its gradient at the input instead of a ratio.
  /// - Returns: The multipliers at the input, `[n] + inputShape`.
  func multipliers(seed: Tensor, input: [Tensor], reference: [Tensor], epsilon: Float) -> Tensor {
    precondition(
      input.count == steps.count + 1 && reference.count == steps.count + 1,
      "DeepLIFTChain: traces of \(input.count) and \(reference.count) tensors for \(steps.count) steps"
    )
    var signal = seed
    for index in steps.indices.reversed() {
      let pass = DeepLIFTRules.Pass(
        input: input[index], output: input[index + 1],
        referenceInput: reference[index], referenceOutput: reference[index + 1])
      switch steps[index] {
      case .rescale(let activation):
        signal = DeepLIFTRules.rescale(signal, activation: activation, pass, epsilon: epsilon)
      case .differenceRouting(let layer):
        signal = DeepLIFTRules.differenceRouting(signal, layer: layer, pass, epsilon: epsilon)
      case .gradient(let layer):
        signal = layer.backward(signal, input: pass.input, output: pass.output, rule: .gradient)
      }
    }
    return signal
  }
}
