/// The order in which model-parameter randomization (Adebayo et al., 2018, arXiv:1810.03292)
/// re-draws layers.
///
/// The order is that of ``Model/layers``, a topological order of the graph: every layer comes
/// after the layers it reads. Between layers with no path from one to the other (two heads, or
/// two branches), the model's order decides (the file's order for a Keras model, which Keras
/// writes so); cascading top-down goes from the last parameterized layer to the first, so it
/// never randomizes a layer before a layer that reads it, and bottom-up goes the other way.
public enum RandomizationOrder: String, Hashable, Sendable, CaseIterable {
  /// Cumulative, from the output layer down to the first (the paper's cascading randomization).
  case cascadingTopDown = "cascading"
  /// Cumulative, from the first layer up to the output.
  case bottomUp = "bottom-up"
  /// One layer at a time, the others trained.
  case independent
  /// Every layer at once (one stage).
  case complete
}

/// One randomized model of a randomization sequence.
public struct RandomizationStage: Sendable {
  /// The stage's name: the last layer randomized (`dense_2`), or `all` for complete randomization.
  public var name: String
  /// Every layer whose parameters are random at this stage.
  public var randomizedLayers: [String]
  /// The randomized model.
  public var model: Model
  /// The stage's count in a ``StageLedger``, when one follows the stages alive.
  var lease: StageLease?

  /// Creates a stage.
  /// - Parameters:
  ///   - name: The stage's name.
  ///   - randomizedLayers: The layers that are random at this stage.
  ///   - model: The randomized model.
  public init(name: String, randomizedLayers: [String], model: Model) {
    self.name = name
    self.randomizedLayers = randomizedLayers
    self.model = model
  }
}

extension Model {
  /// The names of layers that have parameters, first to last.
  public var parameterizedLayerNames: [String] {
    layers.compactMap { ($0 as? any ParameterizedLayer)?.name }
  }

  /// A copy with the given layers' parameters re-drawn; the original is never touched.
  ///
  /// Each layer draws from its own stream `(seed, layer index)`, so a layer gets the same
  /// values whichever other layers are randomized with it (cascading and independent stages agree).
  /// - Parameters:
  ///   - layerNames: The layers to randomize.
  ///   - scheme: How to re-draw.
  ///   - seed: The seed.
  /// - Returns: The randomized model.
  /// - Throws: ``ModelError/unknownLayer(_:available:)`` for a name the model lacks.
  public func randomized(layers layerNames: [String], scheme: InitializationScheme, seed: UInt64)
    throws(ModelError) -> Model
  {
    var copy = layers
    for name in layerNames {
      let index = try layerIndex(named: name)
      guard var layer = copy[index] as? any ParameterizedLayer else { continue }
      var generator = SeededGenerator(seed: seed, stream: UInt64(index))
      for key in layer.parameterOrder {
        guard let current = layer.parameters[key] else { continue }
        let (fanIn, fanOut) = Self.fans(of: layer, parameter: key)
        layer.parameters[key] = scheme.redraw(
          key, current, fanIn: fanIn, fanOut: fanOut, using: &generator)
      }
      copy[index] = layer
    }
    return try replacingLayers(copy)
  }

  /// The randomized models of a randomization order, in the order they are compared.
  ///
  /// All stages are held at once; a check that compares many seeds draws them one at a time with
  /// ``randomizationStageSequence(order:scheme:seed:)`` instead, which gives the same models.
  /// - Parameters:
  ///   - order: Cascading, bottom-up, independent or complete.
  ///   - scheme: How to re-draw.
  ///   - seed: The seed.
  /// - Returns: One stage per layer (one for `complete`).
  public func randomizationStages(
    order: RandomizationOrder, scheme: InitializationScheme, seed: UInt64
  ) -> [RandomizationStage] {
    Array(randomizationStageSequence(order: order, scheme: scheme, seed: seed))
  }

  /// The stage names of a randomization order, without drawing any model.
  /// - Parameter order: Cascading, bottom-up, independent or complete.
  /// - Returns: The names of ``randomizationStages(order:scheme:seed:)``, in order.
  public func randomizationStageNames(order: RandomizationOrder) -> [String] {
    randomizationPlan(order: order).map(\.name)
  }

  /// Each stage's name and the layers random at that stage.
  func randomizationPlan(order: RandomizationOrder) -> [(name: String, layers: [String])] {
    let names = parameterizedLayerNames
    switch order {
    case .cascadingTopDown:
      let topDown = Array(names.reversed())
      return topDown.indices.map { (topDown[$0], Array(topDown[...$0])) }
    case .bottomUp:
      return names.indices.map { (names[$0], Array(names[...$0])) }
    case .independent:
      return names.map { ($0, [$0]) }
    case .complete:
      return [("all", names)]
    }
  }

  /// Fan-in and fan-out for one parameter, from the shape of the kernel it belongs to.
  ///
  /// `kernel` and `bias` belong to the layer's `kernel`. A composite layer keys its parts with a
  /// prefix (``DeepBindScanner``: `conv1d_1/kernel`, `conv1d_1/bias`, `dense_1/kernel`, …), and
  /// `<part>/bias` belongs to `<part>/kernel`. A kernel `[K…, I, O]` gives `(∏K·I, ∏K·O)`. Without
  /// a kernel of rank ≥ 2 (e.g. batch normalization) both fans are the parameter's own size.
  /// - Parameters:
  ///   - layer: The layer.
  ///   - key: The parameter's key.
  /// - Returns: `(fanIn, fanOut)`.
  static func fans(of layer: any ParameterizedLayer, parameter key: String) -> (Int, Int) {
    let prefix = key.lastIndex(of: "/").map { String(key[...$0]) } ?? ""
    guard let kernel = layer.parameters[prefix + "kernel"], kernel.shape.rank >= 2 else {
      let width = max(1, layer.parameters[key]?.shape.count ?? 1)
      return (width, width)
    }
    let dims = kernel.shape.dimensions
    let receptive = dims.dropLast(2).reduce(1, *)
    return (receptive * dims[dims.count - 2], receptive * dims[dims.count - 1])
  }
}
