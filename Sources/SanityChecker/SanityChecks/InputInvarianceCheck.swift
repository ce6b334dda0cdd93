/// Input invariance: whether the explanation is unchanged when the input is shifted by a constant
/// and the first layer's bias compensates, so that the model computes exactly the same function.
///
/// ```
/// x' = x + c,   b'_o = b_o − c · Σ_{k,i} W[k, i, o]   ⇒   f'(x') = f(x)
/// passes if  max |E(f', x') − E(f, x)| ≤ tolerance · max |E(f, x)|
/// ```
/// Kindermans et al. 2019, "The (un)reliability of saliency methods", arXiv:1711.00867. Gradients
/// pass; Gradient × Input and zero-baseline Integrated Gradients are expected to fail, since they
/// multiply by the shifted input.
public struct InputInvarianceCheck: Sendable {
  /// The constant added to every input value.
  public var shift: Float
  /// The relative tolerance on the largest map difference.
  public var tolerance: Float

  /// Creates the check.
  /// - Parameters:
  ///   - shift: The constant (1 by default).
  ///   - tolerance: Relative tolerance (1e-3 by default).
  public init(shift: Float = 1, tolerance: Float = 1e-3) {
    self.shift = shift
    self.tolerance = tolerance
  }

  /// The model with its first layer's bias compensating the shift.
  /// - Parameter model: A model whose first layer is a Dense or a valid-padded convolution.
  /// - Returns: The compensated model.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the first layer cannot compensate.
  public func compensated(_ model: Model) throws -> Model {
    guard var first = model.layers.first as? any ParameterizedLayer,
      let kernel = first.parameters["kernel"],
      !((first as? Conv1D)?.padding == .same || (first as? Conv2D)?.padding == .same),
      !model.inputNodes.dropFirst().contains(where: { $0.contains(0) })
    else {
      throw ModelError.shapeMismatch(
        layer: model.layers.first?.name ?? "input",
        expected: "a Dense or valid convolution first layer, the only one reading the input",
        actual: model.inputShape)
    }
    let outputs = kernel.shape.dimensions.last ?? 1
    var bias = first.parameters["bias"]?.scalars ?? [Float](repeating: 0, count: outputs)
    for (index, weight) in kernel.scalars.enumerated() { bias[index % outputs] -= shift * weight }
    first.parameters["bias"] = Tensor(shape: [outputs], scalars: bias)
    return try model.replacingLayer(at: 0, with: first)
  }

  /// Compares each method's maps before and after the compensated shift.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods.
  /// - Returns: Rows of the relative maximum difference and verdicts.
  /// - Throws: See ``compensated(_:)``, or an explainer's error.
  public func run(model: Model, input: Tensor, explainers: [any Explainer]) throws -> CheckReport {
    report(try differences(model: model, input: input, explainers: explainers), model: model)
  }

  /// Compares each method's maps before and after the compensated shift, on items of one or
  /// several lengths and at one or several units (``CheckInput``).
  /// - Parameters:
  ///   - input: The groups and units.
  ///   - explainers: The methods.
  /// - Returns: Rows and verdicts; with several units, each names its unit.
  /// - Throws: See ``run(model:input:explainers:)``.
  public func run(_ input: CheckInput, explainers: [any Explainer]) throws -> CheckReport {
    let offsets = input.groupOffsets
    return try input.run(
      scores: { group, index, units in
        try differences(
          model: group.model, input: group.input,
          explainers: explainers.map { $0.offsettingItems(by: offsets[index]) }, units: units)
      },
      gather: { parts in
        parts[0].indices.map { method in
          (parts[0][method].method, input.gathered(parts.map { $0[method].values }))
        }
      }, report: { report($0, model: input.model) })
  }

  /// Every method's per-item relative maximum difference, before summarizing.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods.
  ///   - targets: The explained unit per item (`nil`: the predicted one).
  /// - Returns: Per method, its name and one value per item (`nil` where the map is 0 and changed).
  /// - Throws: See ``run(model:input:explainers:)``.
  func differences(
    model: Model, input: Tensor, explainers: [any Explainer], targets: [Int]? = nil
  ) throws -> [(method: String, values: [Double?])] {
    try differences(
      model: model, input: input, explainers: explainers, units: targets.map { [$0] })[0]
  }

  /// Every method's per-item differences at each of several target lists (`[list][method]`),
  /// each method explaining every list at once (``Explainer/attributions(for:units:in:)``).
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods.
  ///   - units: Target lists, one unit per item each (`nil`: the predicted units).
  /// - Returns: Per list, per method, its name and one value per item.
  /// - Throws: See ``run(model:input:explainers:)``.
  func differences(
    model: Model, input: Tensor, explainers: [any Explainer], units: [[Int]]?
  ) throws -> [[(method: String, values: [Double?])]] {
    try model.validate(input: input)
    for targets in units ?? [] { try model.validate(input: input, targets: targets) }
    let shiftedModel = try compensated(model)
    let shiftedInput = Tensor(shape: input.shape, scalars: input.scalars.map { $0 + shift })
    let lists = units ?? [model.predictedTargets(input)]
    var methods = lists.map { _ in [(method: String, values: [Double?])]() }
    for explainer in explainers {
      let original = try explainer.attributions(for: input, units: lists, in: model)
      let shifted = try explainer.attributions(for: shiftedInput, units: lists, in: shiftedModel)
      for (list, (a, b)) in zip(original, shifted).enumerated() {
        let width = a.values.itemCount
        let differences: [Double?] = (0..<input.batchSize).map { item in
          let range = (item * width)..<((item + 1) * width)
          let scale = a.values.scalars[range].reduce(Float(0)) { max($0, abs($1)) }
          let difference = zip(a.values.scalars[range], b.values.scalars[range]).reduce(Float(0)) {
            max($0, abs($1.0 - $1.1))
          }
          return scale > 0 ? Double(difference / scale) : (difference == 0 ? 0 : nil)
        }
        methods[list].append((a.method, differences))
      }
    }
    return methods
  }

  /// The rows and verdicts of every method's differences.
  func report(_ methods: [(method: String, values: [Double?])], model: Model) -> CheckReport {
    var rows: [ResultRow] = []
    var verdicts: [Verdict] = []
    for (method, differences) in methods {
      let row = ResultRow(
        check: .inputInvariance, order: nil, method: method, layer: .shift(shift), seed: .all,
        metric: "relative-max-difference", view: "full", values: differences)
      rows.append(row)
      let worst = differences.compactMap { $0 }.max() ?? .nan
      let outcome: Verdict.Outcome =
        worst.isNaN ? .inconclusive : (worst <= Double(tolerance) ? .passes : .fails)
      verdicts.append(
        Verdict(
          check: .inputInvariance, method: method, outcome: outcome,
          rule:
            "passes if every item's max |E(f′, x + \(shift)) − E(f, x)| is at most \(tolerance) × max |E(f, x)|",
          evidence:
            "largest relative difference \(ResultRow.number(worst)); mean \(ResultRow.number(row.mean))"
        ))
    }
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: [
        "check": CheckKind.inputInvariance.rawValue, "shift": "\(shift)",
        "tolerance": "\(tolerance)", "model": model.name,
      ])
  }
}
