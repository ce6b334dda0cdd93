/// DeepLIFT's view of a model: a graph of steps, with every elementwise activation on a step
/// of its own, and a backward pass that carries multipliers instead of gradients.
///
/// Steps are wired as the model's layers are (a chain for a sequential model); where several
/// steps read a node, the multipliers they send back are summed there, which keeps
/// summation-to-delta (each reader accounts for its share of the node's `Δ`).
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
/// | `Add`, `Subtract`, `Average`, `Concatenate` | gradient | the gradient (exact: these are linear) |
/// | `Multiply` | product | `m_k = ½(∏_{j<k} x_j ∏_{j>k} x'_j + ∏_{j<k} x'_j ∏_{j>k} x_j)·s` |
/// | `Maximum`, `Minimum` | difference routing | as max pooling over the K inputs of each element |
/// | softmax (fused or standalone), any other layer (e.g. ``DeepBindScanner``) | gradient | the gradient at the input |
///
/// The product rule averages the two orders of the telescoping sum
/// `Δ∏x = Σ_k (∏_{j<k} x_j) Δx_k (∏_{j>k} x'_j)`, so it conserves `Δy` exactly and, for two
/// inputs, is the Shapley split `m_a = s·(b + b')/2`, `m_b = s·(a + a')/2`. Through `Maximum`
/// (`Minimum`), with `u = max(y, y')` (`min`), `s·(u − y')` goes to the input holding `y` and
/// `s·(y − u)` to the input holding `y'` on the reference, each divided by that input's `Δx`
/// (the gradient where `|Δx| < ε`): the rule Captum applies to a max-pooling window, which
/// also conserves `Δy`.
///
/// Here `Δ` is the difference between the input's and the reference's forward passes.
///
/// Under ``DeepLIFT/MaxPoolingRule/captum`` the backward pass also carries, per node, the *raw*
/// signal `r` that Captum's module hooks hand a nonlinearity: the plain gradient of the steps
/// reading the node, applied to their (rule-modified) multipliers. A rescale or max-pooling step
/// then multiplies its difference quotient by `r` at its output and falls back to `s`; `r = s`
/// wherever no rescale or max-pooling step reads the node, so only two nonlinear steps in a row
/// (an activation directly before a max pool) see a difference.
struct DeepLIFTChain: Sendable {
  /// One step of the chain.
  enum Step: Sendable {
    /// An elementwise ReLU, sigmoid or tanh, under the rescale rule.
    case rescale(Activation)
    /// A max-pooling layer under Captum's difference routing.
    case differenceRouting(any Layer)
    /// A layer whose multipliers are its gradient (linear layers, and the fallbacks).
    case gradient(any Layer)
    /// A merge of several nodes: linear ones pass the gradient, the others their rule above.
    case merge(any MergeLayer)
  }

  /// The steps in topological order.
  let steps: [Step]
  /// For each step, the nodes it reads: 0 is the input, `s + 1` the output of step `s`.
  let reads: [[Int]]
  /// The node of the explained output.
  let outputNode: Int
  /// Whether nonlinear steps compose as Captum's module hooks do (see the type's discussion).
  let composesLikeCaptumHooks: Bool

  /// Splits the model's layers into steps.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - maxPooling: How max-pooling layers pass multipliers back.
  init(_ model: Model, maxPooling: DeepLIFT.MaxPoolingRule) {
    var steps: [Step] = []
    var reads: [[Int]] = []
    var stepNode = [0]
    for (index, layer) in model.layers.enumerated() {
      let inputs = model.inputNodes[index].map { stepNode[$0] }
      if let merge = layer as? any MergeLayer {
        steps.append(.merge(merge))
        reads.append(inputs)
      } else if var fused = layer as? any FusedActivationLayer, Self.isRescaled(fused.activation) {
        let activation = fused.activation
        fused.activation = .linear
        steps += [.gradient(fused), .rescale(activation)]
        reads += [inputs, [steps.count - 1]]
      } else if let standalone = layer as? ActivationLayer, Self.isRescaled(standalone.activation) {
        steps.append(.rescale(standalone.activation))
        reads.append(inputs)
      } else if maxPooling != .winnerTakesAll && Self.isMaxPooling(layer) {
        steps.append(.differenceRouting(layer))
        reads.append(inputs)
      } else {
        steps.append(.gradient(layer))
        reads.append(inputs)
      }
      stepNode.append(steps.count)
    }
    self.steps = steps
    self.reads = reads
    self.outputNode = stepNode[model.outputNode]
    self.composesLikeCaptumHooks = maxPooling == .captum
  }

  /// Whether the rescale rule applies to the activation (elementwise and nonlinear).
  private static func isRescaled(_ activation: Activation) -> Bool {
    switch activation {
    case .relu, .sigmoid, .tanh, .exponential, .softplus, .elu, .selu, .gelu, .geluTanh, .swish:
      return true
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
  /// - Returns: The input, then the output of each step (`steps.count + 1` tensors);
  ///   `[outputNode]` equals the model's output.
  func trace(_ input: Tensor) -> [Tensor] {
    var activations = [input]
    activations.reserveCapacity(steps.count + 1)
    for (step, inputs) in zip(steps, reads) {
      let current = activations[inputs[0]]
      switch step {
      case .rescale(let activation):
        var output = current
        activation.apply(to: &output)
        activations.append(output)
      case .differenceRouting(let layer), .gradient(let layer):
        activations.append(layer.forward(current))
      case .merge(let merge):
        activations.append(merge.forward(inputs.map { activations[$0] }))
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
    var signals = [Tensor?](repeating: nil, count: steps.count + 1)
    // Captum's raw signals, kept only where they differ from `signals` (nil: equal).
    var rawSignals = [Tensor?](repeating: nil, count: steps.count + 1)
    signals[outputNode] = seed
    for index in steps.indices.reversed() {
      guard let signal = signals[index + 1] else { continue }
      let raw = rawSignals[index + 1]
      (signals[index + 1], rawSignals[index + 1]) = (nil, nil)
      let inputs = reads[index]
      let pass = DeepLIFTRules.Pass(
        input: input[inputs[0]], output: input[index + 1],
        referenceInput: reference[inputs[0]], referenceOutput: reference[index + 1])
      let passed: [Tensor]
      var plain: Tensor? = nil
      switch steps[index] {
      case .rescale(let activation):
        passed = [
          DeepLIFTRules.rescale(
            signal, activation: activation, pass, epsilon: epsilon, quotientSignal: raw)
        ]
        if composesLikeCaptumHooks {
          plain = activation.backward(
            signal, output: pass.output, rule: .gradient,
            input: activation.needsInput ? pass.input : nil)
        }
      case .differenceRouting(let layer):
        passed = [
          DeepLIFTRules.differenceRouting(
            signal, layer: layer, pass, epsilon: epsilon, quotientSignal: raw)
        ]
        if composesLikeCaptumHooks {
          plain = layer.backward(signal, input: pass.input, output: pass.output, rule: .gradient)
        }
      case .gradient(let layer):
        passed = [layer.backward(signal, input: pass.input, output: pass.output, rule: .gradient)]
      case .merge(let merge):
        passed = DeepLIFTMergeRules.multipliers(
          signal, merge: merge, inputs: inputs.map { input[$0] },
          references: inputs.map { reference[$0] },
          output: input[index + 1], referenceOutput: reference[index + 1], epsilon: epsilon)
      }
      for (node, part) in zip(inputs, passed) {
        if let plain {
          // A hooked nonlinear step: the raw signal below it is its plain gradient.
          rawSignals[node] =
            (rawSignals[node] ?? signals[node]).map {
              $0.linearCombination(1, plain, 1)
            } ?? plain
        } else if let previous = rawSignals[node] {
          rawSignals[node] = previous.linearCombination(1, part, 1)
        }
        signals[node] = signals[node].map { $0.linearCombination(1, part, 1) } ?? part
      }
    }
    return signals[0] ?? Tensor(shape: input[0].shape)
  }
}
