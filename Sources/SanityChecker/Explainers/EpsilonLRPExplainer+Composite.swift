extension EpsilonLRPExplainer {
  /// Which layers ε-LRP gives a rule of its own, and which pass relevance as a gradient.
  ///
  /// | layer | `conservative` | `zennit` |
  /// |---|---|---|
  /// | Conv, Dense | `x ⊙ Wᵀ(R / (z + ε·sign z))` | the same |
  /// | activations | pass | pass |
  /// | max pooling, global max pooling | to the first maximum | the same |
  /// | average pooling | per `averagePooling` | per `averagePooling` (`.even` is zennit's) |
  /// | BatchNorm `y = a·x + b` | `x·a·R / (y + ε·sign y)` | `a·R` (the gradient) |
  /// | `Add` | `x_k·R / (y + ε·sign y)` | `R` to every input (the gradient) |
  /// | `Subtract` | `±x_k·R / (y + ε·sign y)` | `R`, `−R` |
  /// | `Average` | `(x_k / K)·R / (y + ε·sign y)` | `R / K` |
  /// | `Multiply` | `R / K` | `R·∏_{j≠k} x_j` |
  /// | `Maximum`, `Minimum`, `Concatenate`, reshaping | as the gradient | the same |
  ///
  /// zennit applies rules to the *modules* its composite names; a sum in a residual block
  /// (`x + f(x)`), `0.5 * (a + b)` or `x.mean(dim=2)` is a tensor operation, and BatchNorm is a
  /// module ``zennit`` leaves without a rule, so autograd passes the relevance there as a
  /// gradient. That does not conserve relevance (a residual `Add` hands each branch all of `R`,
  /// so the branches together receive twice the relevance); ``conservative`` splits a sum in
  /// proportion to its inputs, so `Σ R` is kept up to the ε terms and, with ε → 0 on ReLU
  /// networks, ε-LRP equals Gradient × Input on graphs as it does on chains.
  public enum Composite: Hashable, Sendable {
    /// ε-rules at sums and BatchNorm, so relevance is conserved up to ε and biases. The default.
    case conservative
    /// zennit 0.5.1's `LayerMapComposite([(Activation, Pass()), (Convolution, Epsilon(ε)),
    /// (Linear, Epsilon(ε))])`, the ε-LRP of `../shared/reference/README.md` §4: every layer
    /// without a rule there passes the gradient.
    case zennit
  }
}

extension EpsilonLRPExplainer.Composite {
  /// The model whose layers carry this composite's rules under ``BackwardRule/epsilonLRP``.
  /// - Parameter model: The (explained) model.
  /// - Returns: The model itself under ``conservative``; under ``zennit`` the same model with
  ///   BatchNorm and elementwise merges wrapped so ε-LRP passes their gradient.
  /// - Throws: ``ModelError`` only if the model's own layers do not fit (they always do).
  func applied(to model: Model) throws -> Model {
    switch self {
    case .conservative: return model
    case .zennit:
      let layers: [any Layer] = model.layers.map { layer in
        if let merge = layer as? ElementwiseMerge { return GradientUnderLRPMerge(base: merge) }
        if layer is BatchNormalization { return GradientUnderLRP(base: layer) }
        return layer
      }
      return try model.replacingLayers(layers)
    }
  }
}

/// A layer that passes the gradient under ε-LRP and behaves as its base otherwise.
struct GradientUnderLRP: Layer {
  /// The wrapped layer.
  let base: any Layer

  var name: String { base.name }

  func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try base.outputShape(for: input)
  }

  func forward(_ input: Tensor) -> Tensor { base.forward(input) }

  func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return base.backward(signal, input: input, output: output, rule: rule)
    case .epsilonLRP:
      return base.backward(signal, input: input, output: output, rule: .gradient)
    }
  }
}

/// A merge that passes the gradient under ε-LRP and behaves as its base otherwise.
struct GradientUnderLRPMerge: MergeLayer {
  /// The wrapped merge.
  let base: any MergeLayer

  var name: String { base.name }

  func outputShape(for inputs: [Shape]) throws(ModelError) -> Shape {
    try base.outputShape(for: inputs)
  }

  func forward(_ inputs: [Tensor]) -> Tensor { base.forward(inputs) }

  func backward(_ signal: Tensor, inputs: [Tensor], output: Tensor, rule: BackwardRule)
    -> [Tensor]
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return base.backward(signal, inputs: inputs, output: output, rule: rule)
    case .epsilonLRP:
      return base.backward(signal, inputs: inputs, output: output, rule: .gradient)
    }
  }
}
