/// Which part of a randomization curve a model-randomization verdict reads.
///
/// Adebayo et al. (2018) judged methods by how similar their maps stay as layers are randomized
/// from the top. On deep image CNNs the first stage (the top layer alone) already separates
/// methods — Guided Backprop keeps a rank correlation above 0.9 on the reference MNIST CNN while
/// Saliency drops below 0.3. On shallow DNA models such as DeepBind the top dense layer carries
/// little of the function, so every method stays similar after it alone is re-drawn; the mean over
/// all stages (the normalized area under the randomization curve) reads the whole cascade and is
/// the default.
public enum VerdictStage: String, Hashable, Sendable, CaseIterable {
  /// The similarity after the first stage (the top layer for cascading randomization).
  case firstStage = "first"
  /// The mean similarity over all stages (the area under the randomization curve).
  case meanOverStages = "mean"
  /// The similarity after the last stage (every layer random for cascading randomization).
  case lastStage = "last"

  /// The value the verdict reads from one seed's per-stage means (NaN when undefined).
  /// - Parameter stageMeans: The mean similarity at each stage, in order.
  /// - Returns: The summary.
  public func summary(of stageMeans: [Double]) -> Double {
    switch self {
    case .firstStage: return stageMeans.first ?? .nan
    case .lastStage: return stageMeans.last ?? .nan
    case .meanOverStages:
      guard !stageMeans.isEmpty, stageMeans.allSatisfy(\.isFinite) else { return .nan }
      return stageMeans.reduce(0, +) / Double(stageMeans.count)
    }
  }

  /// The condition in the verdict's rule, naming the stages.
  /// - Parameter stages: The stage names in order.
  /// - Returns: Words such as `after randomizing dense_2`.
  public func condition(_ stages: [String]) -> String {
    switch self {
    case .firstStage: return "after randomizing \(stages.first ?? "-")"
    case .lastStage: return "after randomizing through \(stages.last ?? "-")"
    case .meanOverStages: return "averaged over the stages \(stages.joined(separator: ", "))"
    }
  }
}
