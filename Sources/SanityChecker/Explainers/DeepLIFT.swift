/// DeepLIFT with the rescale rule: differences from a reference times multipliers propagated
/// like gradients, with difference quotients at the nonlinearities.
///
/// ```
/// A(x) = (x − x') ⊙ m,   m = ∂_DeepLIFT f_t / ∂x   (chain rule over the steps below)
/// ReLU, sigmoid, tanh:  m_z = m_y · (f(z) − f(z')) / (z − z'),  or m_y · f'(z) if |z − z'| < ε
/// linear layers:        m_x = Wᵀ m_y                             (the gradient)
/// ```
/// Shrikumar et al. 2017, arXiv:1704.02685, as Captum's `DeepLift` (rescale rule, the gradient
/// formulation of Ancona et al. 2018, arXiv:1711.06104). With several references (e.g.
/// dinucleotide-shuffled copies) the maps are averaged; that is ``DeepSHAP``.
///
/// The backward pass is its own loop over the model's layers, through their public API:
/// - ReLU, sigmoid, tanh and the smooth activations (exponential, softplus, elu, selu, gelu,
///   swish), fused into Dense/Conv1D/Conv2D or standalone, use the rescale rule above.
/// - Merges of a graph model: linear ones (add, subtract, average, concatenate) pass the
///   gradient; multiply and maximum/minimum have rules of their own that conserve the delta
///   (see the table in the Graph Models article). Where `|z − z'| < ε` the multiplier falls back to the gradient `f'(z)`, Captum's
///   convention. **Deviation:** ε is 1e-6 by default, not Captum's 1e-10: in `Float`, sigmoid
///   and tanh differences below ~1e-6 are dominated by rounding (the ulp of 0.5 is 6e-8).
/// - Dense, Conv (linear part), BatchNormalization (an affine map at inference), Flatten,
///   Dropout and average pooling pass multipliers exactly as the gradient.
/// - Max pooling, windowed and global: ``MaxPoolingRule/differenceRouting`` by default, the rule
///   Captum applies to `nn.MaxPool1d/2d/3d` taken on its own; ``MaxPoolingRule/captum`` for
///   Captum 0.9's maps as its module hooks compose that rule with a ReLU right before the pool
///   (the usual Conv → ReLU → MaxPool); see ``MaxPoolingRule``.
/// - Softmax inside the model (a final one is removed by ``Model/explained(_:)`` when the logit
///   is explained) and layers DeepLIFT has no rule for, such as the composite
///   ``DeepBindScanner``, pass their gradient at the input. **Deviation:** Captum rescales
///   softmax elementwise and then subtracts the mean; neither choice conserves the delta.
///   Through a ``DeepBindScanner`` the multipliers are therefore its gradient, and the result
///   for a DeepBind model is Gradient × (x − x').
///
/// Properties:
/// - Summation-to-delta: `Σ A = f_t(x) − f_t(x')` per item, reported as
///   ``Attribution/conservationGap``. It holds exactly, up to `Float` rounding, for chains of
///   linear layers, ReLU/sigmoid/tanh and max pooling under difference routing; fallbacks
///   where `|Δ| < ε` change it by at most about ε·|m| per scalar. It does not hold through
///   softmax, through layers on the gradient fallback, or through max pooling under
///   ``MaxPoolingRule/winnerTakesAll`` when the input and reference have different winners
///   (nor under ``MaxPoolingRule/captum`` when the reference varies within a window).
/// - With a zero reference on a linear model, DeepLIFT equals Gradient × Input.
/// - Golden values: `../shared/reference` has no DeepLIFT or DeepSHAP maps; the ONNX fixtures
///   (`Tests/Fixtures/ONNX`, Captum 0.9 in float64) match ``MaxPoolingRule/captum`` to 1e-4 of
///   each item's largest value on every model, and ``MaxPoolingRule/differenceRouting`` on the
///   models without windowed max pooling. The other tests check the properties above and
///   hand-computed toy networks.
public struct DeepLIFT: SeededExplainer {
  /// `deeplift`.
  public static let identifier = "deeplift"

  /// The reference input(s), as for Integrated Gradients: zeros, a constant, or shuffled copies.
  public typealias Baseline = IntegratedGradients.Baseline

  /// How multipliers pass back through max pooling (windowed and global).
  ///
  /// Captum 0.9's `maxpool` rule (`captum/attr/_core/deep_lift.py`) is difference routing:
  /// `F.max_poolNd` with indices on the input and on the reference (PyTorch keeps the *first*
  /// maximum in scan order on ties, for both), `q·(max(y, y') − y')` unpooled to the input's
  /// indices and `q·(y − max(y, y'))` to the reference's, the two summed elementwise at the
  /// input's positions and divided by `Δx` (the gradient where `|Δx| < ε`). What Captum returns
  /// on a real model also depends on how its hooks compose, which ``captum`` reproduces:
  ///
  /// | rule | max pool that reads a ReLU directly | other max pools | conserves |
  /// |---|---|---|---|
  /// | `differenceRouting` | difference routing, `q = s` | difference routing | always |
  /// | `captum` | ReLU quotient × the pool's *gradient*; the pool's multipliers only where `|Δz| < ε` | difference routing | when the reference is constant over each window (a zero reference, mostly) |
  /// | `winnerTakesAll` | the gradient | the gradient | when input and reference share each window's winner |
  public enum MaxPoolingRule: Hashable, Sendable {
    /// Captum's rule for `nn.MaxPoolNd` taken on its own: with `u = max(y, y')` per window,
    /// `s·(u − y')` goes to the input's first maximum and `s·(y − u)` to the reference's, each
    /// divided by that scalar's `Δx` (the gradient where `|Δx| < ε`). Conserves `Σ s·Δy`
    /// exactly. The default.
    case differenceRouting
    /// The plain gradient: winner takes all at the input's first maximum. Conserves the delta
    /// only where input and reference have the same winner. Captum applies no DeepLIFT rule to
    /// `nn.AdaptiveMaxPool1d` or `torch.max`, so this matches Captum on a PyTorch model whose
    /// global max pooling is written that way (as `../shared/peers` builds the DNA model).
    case winnerTakesAll
    /// Captum 0.9's `DeepLift` as its module hooks compose on a PyTorch chain.
    ///
    /// Captum hooks each nonlinear module (`nn.ReLU`, `nn.MaxPoolNd`, …) twice on one tensor:
    /// the module *before* it records the incoming gradient, then the module *after* it
    /// replaces that gradient by its own multipliers. The first hook runs first, so a ReLU that
    /// feeds a max pool directly multiplies its quotient `Δy/Δz` by the pool's plain gradient
    /// (`route_x(s)`, the signal at the input's first maximum), and the pool's difference-routed
    /// multipliers reach it only where `|Δz| < ε` (as `s·f'(z)`). A max pool after a linear
    /// step (`BatchNorm`, say) gets difference routing as in ``differenceRouting``:
    /// ```
    /// ReLU z → y → MaxPool:  m_z = route_x(s)·Δy/Δz   if |Δz| ≥ ε
    ///                        m_z = DR(s)·f'(z)          otherwise   (DR: difference routing)
    /// ```
    /// The same composition applies wherever two nonlinear steps meet. It reproduces Captum 0.9
    /// on the ONNX fixtures `basset` and `mnist` (a float64 re-implementation exactly, the
    /// engine to 1e-4 of each item's largest value), whose maps differ from
    /// ``differenceRouting`` by up to 73 % of an item's largest value; for a zero reference it
    /// equals ``winnerTakesAll`` there. **Deviation:** Captum runs the input
    /// and the reference as two halves of one batch, each with its own gradient, and the
    /// reference half's differs only behind a max pool that falls back to its gradient with
    /// different winners; the engine carries one signal (identical maps on the fixtures).
    /// Summation-to-delta holds only when the reference is constant over each pooling window.
    case captum
  }

  /// The reference(s).
  public var baseline: Baseline
  /// The max-pooling rule.
  public var maxPooling: MaxPoolingRule
  /// Below this `|Δ|` a step uses its gradient instead of a difference quotient.
  public var epsilon: Float
  /// The explained output.
  public var output: ExplainedOutput
  /// The data-set index of the first item (see ``SeededExplainer``); it seeds shuffled references.
  public var firstItem = 0

  /// Creates the explainer.
  /// - Parameters:
  ///   - baseline: The reference(s) (zeros by default, as Captum).
  ///   - maxPooling: The max-pooling rule (difference routing by default).
  ///   - epsilon: The gradient-fallback threshold (1e-6 by default).
  ///   - output: The explained output (the logit by default).
  public init(
    baseline: Baseline = .zeros, maxPooling: MaxPoolingRule = .differenceRouting,
    epsilon: Float = 1e-6, output: ExplainedOutput = .logit
  ) {
    self.baseline = baseline
    self.maxPooling = maxPooling
    self.epsilon = epsilon
    self.output = output
  }

  /// The DeepLIFT maps, averaged over references, with the summation-to-delta gap per item.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - targets: The output unit to explain for each of the N items.
  ///   - model: The model.
  /// - Returns: Maps of the input's shape; ``Attribution/conservationGap`` is
  ///   `Σ A − (f_t(x) − mean_r f_t(x'_r))` per item.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when shuffled references
  ///   are asked for and the input is not one-hot DNA `[L, 4]`.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let explained = model.explained(output)
    try validate(explained)
    let chain = DeepLIFTChain(explained, maxPooling: maxPooling)
    return chunked(input, targets: targets, model: explained) { chunk, chunkTargets, first in
      chunkAttributions(
        chunk, units: [chunkTargets], firstItem: firstItem + first, chain: chain, model: explained
      )[0]
    }
  }

  /// The DeepLIFT maps of every selected unit: the input and each reference are traced once per
  /// chunk and the multipliers run back once per unit, in the chunks of
  /// ``attribution(for:targets:in:)``, so each unit's maps and gaps equal it bit for bit.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let explained = model.explained(output)
    try validate(explained)
    let chain = DeepLIFTChain(explained, maxPooling: maxPooling)
    return chunkedUnits(input, selection: selection, model: explained) { chunk, units, first in
      chunkAttributions(
        chunk, units: units, firstItem: firstItem + first, chain: chain, model: explained)
    }
  }

  /// One chunk's maps, averaged over its references, at each of several target lists.
  func chunkAttributions(
    _ chunk: Tensor, units: [[Int]], firstItem: Int, chain: DeepLIFTChain, model: Model
  ) -> [Attribution] {
    let runs = multipliers(chunk, units: units, firstItem: firstItem, chain: chain, model: model)
    return zip(units, runs).map { targets, run in
      var total = Tensor(shape: chunk.shape)
      var gaps = [Float](repeating: 0, count: chunk.batchSize)
      let share = 1 / Float(run.references.count)
      for reference in run.references {
        let map = chunk.linearCombination(1, reference.input, -1).multiplied(
          by: reference.multipliers)
        for (item, sum) in map.itemSums().enumerated() {
          gaps[item] += (sum - (run.predictions[item] - reference.outputs[item])) * share
        }
        total = total.linearCombination(1, map, share)
      }
      return Attribution(
        values: total, method: Self.identifier, targets: targets, predictions: run.predictions,
        conservationGap: gaps)
    }
  }
}

extension DeepLIFT {
  /// One reference of a chunk with the multipliers computed against it.
  struct ReferenceRun {
    /// The reference, of the chunk's shape.
    let input: Tensor
    /// The multipliers at the input, of the chunk's shape.
    let multipliers: Tensor
    /// The explained output on the reference, per item.
    let outputs: [Float]
  }

  /// Throws when the baseline needs one-hot DNA and the model does not take it.
  func validate(_ model: Model) throws {
    if case .shuffled = baseline, !(model.inputShape.rank == 2 && model.inputShape[1] == 4) {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "[L, 4] one-hot DNA for shuffled references",
        actual: model.inputShape)
    }
  }

  /// The multipliers of one chunk against each of its references, at each of several target
  /// lists: the input and each reference are traced once, and the multipliers run back once per
  /// list.
  /// - Parameters:
  ///   - chunk: `[n] + inputShape`.
  ///   - units: Target lists, one target per item each.
  ///   - firstItem: The data-set index of the chunk's first item (seeds shuffled references).
  ///   - chain: The explained model's chain.
  ///   - model: The explained model.
  /// - Returns: Per target list, the explained outputs on the chunk and one run per reference.
  func multipliers(
    _ chunk: Tensor, units: [[Int]], firstItem: Int, chain: DeepLIFTChain, model: Model
  ) -> [(predictions: [Float], references: [ReferenceRun])] {
    let inputTrace = chain.trace(chunk)
    let seeds = units.map { model.targetSeed($0) }
    // The same references Integrated Gradients draws for this baseline.
    let references = IntegratedGradients(baseline: baseline).baselines(
      for: chunk, firstItem: firstItem)
    precondition(!references.isEmpty, "DeepLIFT: shuffled(count:seed:) needs count ≥ 1, got 0")
    var runs = units.map { _ in [ReferenceRun]() }
    for reference in references {
      let referenceTrace = chain.trace(reference)
      for (unit, targets) in units.enumerated() {
        runs[unit].append(
          ReferenceRun(
            input: reference,
            multipliers: chain.multipliers(
              seed: seeds[unit], input: inputTrace, reference: referenceTrace, epsilon: epsilon),
            outputs: model.values(of: referenceTrace[chain.outputNode], at: targets)))
      }
    }
    return units.enumerated().map { unit, targets in
      (model.values(of: inputTrace[chain.outputNode], at: targets), runs[unit])
    }
  }
}
