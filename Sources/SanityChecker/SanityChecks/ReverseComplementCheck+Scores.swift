extension ReverseComplementCheck {
  /// The check's per-item values on a block of items, before summarizing: a batch run keeps
  /// them per shard and summarizes the joined values with ``ReverseComplementCheck/report(_:model:)``.
  struct Scores: Codable, Sendable {
    /// Per method, `scores[metric][0][0][item]` with its ceiling and perfect scores.
    var methods: [SimilarityComparison.MethodScores]
    /// Per item, |f(x)| at the target.
    var forward: [Double]
    /// Per item, |f(RC x) − f(x)| at the target.
    var difference: [Double]

  }

  /// The scoring and summarizing step of this check's settings.
  var comparison: SimilarityComparison {
    SimilarityComparison(
      check: .reverseComplement, order: nil, metrics: SimilarityComparison.metrics(metrics),
      view: view, threshold: threshold, verdictStage: .firstStage, keepsItemValues: false)
  }

  /// Every method's per-item agreement with its reverse complement, and the model's outputs on
  /// both strands.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - targets: The explained unit per item (`nil`: the predicted unit).
  ///   - explainers: The methods; the random control is added when missing, input controls are
  ///     left out.
  /// - Returns: The per-item values.
  /// - Throws: ``ModelError`` when the input is not DNA-shaped or does not fit the model, or an
  ///   explainer's error.
  func scores(model: Model, input: Tensor, targets: [Int]?, explainers: [any Explainer]) throws
    -> Scores
  {
    try model.validate(input: input)
    guard input.shape.rank == 3, input.shape[2] == 4 else {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "one-hot DNA [N, L, 4]", actual: input.shape)
    }
    if let targets { try model.validate(input: input, targets: targets) }
    let fixedTargets = targets ?? model.predictedTargets(input)
    let outputs = Self.strandOutputs(model: model, input: input, targets: fixedTargets)
    let comparison = self.comparison
    let reversed = Self.reverseComplement(input)
    var methods: [SimilarityComparison.MethodScores] = []
    for explainer in SimilarityComparison.withFloorControl(explainers)
    where (explainer as? ControlExplainer)?.kind != .input {
      let a = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      var b = try explainer.attribution(for: reversed, targets: fixedTargets, in: model)
      b.values = Self.reverseComplement(b.values)
      let redrawn = try SimilarityComparison.redrawn(
        explainer, firstItem: (explainer as? any SeededExplainer)?.firstItem ?? 0
      ) { try $0.attribution(for: input, targets: fixedTargets, in: model) }
      methods.append(try comparison.pairScores(a, b, redrawn: redrawn, input: input))
    }
    return Scores(methods: methods, forward: outputs.forward, difference: outputs.difference)
  }

  /// The rows, verdicts and settings of per-item values.
  /// - Parameters:
  ///   - scores: The values of ``scores(model:input:targets:explainers:)`` (of every block, joined).
  ///   - model: The model (named in the settings).
  /// - Returns: One row per method and metric (stage `reverse-complement`), the scale rows, and
  ///   one verdict per method.
  func report(_ scores: Scores, model: Model) -> CheckReport {
    let comparison = self.comparison
    let methods = scores.methods
    let asymmetry = Self.asymmetry(forward: scores.forward, difference: scores.difference)
    var rows = methods.flatMap { comparison.rows($0, seeds: [.all], stages: [.reverseComplement]) }
    let floor = methods.first { ControlExplainer.Kind(rawValue: $0.method) == .random }
    let isSymmetric = asymmetry <= Self.symmetryTolerance
    var verdicts: [Verdict] = []
    for method in methods {
      let evidence = comparison.evidence(method, floor: floor)
      rows += comparison.scaleRows(method, readings: evidence)
      verdicts.append(
        verdict(method.method, evidence: evidence, isSymmetric: isSymmetric, asymmetry: asymmetry))
    }
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: [
        "check": CheckKind.reverseComplement.rawValue, "model": model.name,
        "metrics": metrics.map(\.name).joined(separator: ","), "view": view.rawValue,
        "threshold": ResultRow.number(threshold),
        "strand-asymmetry": ResultRow.number(asymmetry),
        "strand-symmetric": isSymmetric ? "yes" : "no",
      ])
  }
}
