/// The stages of one seed's randomization order, drawn one at a time as they are iterated.
///
/// ```
/// cumulative orders (cascading, bottom-up):  stage_k = stage_(k-1) with layer k re-drawn
/// independent, complete:                     stage_k = model with stage k's layers re-drawn
/// ```
/// A cumulative stage starts from the previous one and re-draws only the layer it adds, so the
/// layers both randomize share storage (`Tensor` is copy-on-write) instead of being drawn again.
///
/// Properties:
/// - **Same models.** Each layer draws from its own stream `(seed, layer index)` and from its
///   trained values (``Model/randomized(layers:scheme:seed:)``), so every stage equals the one
///   ``Model/randomizationStages(order:scheme:seed:)`` builds from the trained model, bit for bit.
/// - **Bounded memory.** An iterator holds the last stage it returned; while it draws the next,
///   two stages are alive. A caller that drops each stage before asking for the next holds at
///   most two randomized models at once, whatever the number of stages or seeds.
/// - **Cost.** Iterating once draws every parameterized layer's values once (cumulative orders)
///   or once per stage it appears in (independent, complete); iterating again draws them again.
public struct RandomizationStageSequence: Sequence, Sendable {
  /// The trained model.
  public let model: Model
  /// The order.
  public let order: RandomizationOrder
  /// How randomized layers are re-drawn.
  public let scheme: InitializationScheme
  /// The seed.
  public let seed: UInt64
  /// Counts the stages alive at once, when given.
  let ledger: StageLedger?

  /// The stages of `model` in `order`.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - order: The order.
  ///   - scheme: How to re-draw.
  ///   - seed: The seed.
  public init(
    model: Model, order: RandomizationOrder, scheme: InitializationScheme, seed: UInt64
  ) {
    self.init(model: model, order: order, scheme: scheme, seed: seed, ledger: nil)
  }

  init(
    model: Model, order: RandomizationOrder, scheme: InitializationScheme, seed: UInt64,
    ledger: StageLedger?
  ) {
    self.model = model
    self.order = order
    self.scheme = scheme
    self.seed = seed
    self.ledger = ledger
  }

  /// The number of stages.
  public var underestimatedCount: Int { model.randomizationPlan(order: order).count }

  /// Draws the stages in order.
  /// - Returns: The iterator.
  public func makeIterator() -> Iterator { Iterator(sequence: self) }

  /// Draws one stage per call.
  public struct Iterator: IteratorProtocol {
    private let sequence: RandomizationStageSequence
    private let plan: [(name: String, layers: [String])]
    private var index = 0
    private var previous: RandomizationStage?

    init(sequence: RandomizationStageSequence) {
      self.sequence = sequence
      plan = sequence.model.randomizationPlan(order: sequence.order)
    }

    /// The next stage, drawn now.
    /// - Returns: The stage, or `nil` after the last.
    public mutating func next() -> RandomizationStage? {
      while index < plan.count {
        let (name, layers) = plan[index]
        index += 1
        let isCumulative = sequence.order == .cascadingTopDown || sequence.order == .bottomUp
        let base = isCumulative ? previous : nil
        let drawn = Set(base?.randomizedLayers ?? [])
        guard
          let model = try? (base?.model ?? sequence.model).randomized(
            layers: layers.filter { !drawn.contains($0) }, scheme: sequence.scheme,
            seed: sequence.seed)
        else { continue }
        var stage = RandomizationStage(name: name, randomizedLayers: layers, model: model)
        stage.lease = sequence.ledger?.lease(bytes: model.parameterBytes(of: layers))
        previous = stage
        return stage
      }
      previous = nil
      return nil
    }
  }
}

extension Model {
  /// The stages of a randomization order, drawn one at a time (see
  /// ``RandomizationStageSequence``).
  /// - Parameters:
  ///   - order: Cascading, bottom-up, independent or complete.
  ///   - scheme: How to re-draw.
  ///   - seed: The seed.
  /// - Returns: The lazily drawn stages, equal to ``randomizationStages(order:scheme:seed:)``.
  public func randomizationStageSequence(
    order: RandomizationOrder, scheme: InitializationScheme, seed: UInt64
  ) -> RandomizationStageSequence {
    RandomizationStageSequence(model: self, order: order, scheme: scheme, seed: seed)
  }

  /// The bytes of the named layers' parameters.
  /// - Parameter names: Layer names.
  /// - Returns: Their parameters' size in bytes.
  func parameterBytes(of names: [String]) -> Int {
    let wanted = Set(names)
    return layers.reduce(0) { total, layer in
      guard wanted.contains(layer.name), let layer = layer as? any ParameterizedLayer else {
        return total
      }
      return total
        + layer.parameters.values.reduce(0) { $0 + $1.shape.count * MemoryLayout<Float>.stride }
    }
  }
}
