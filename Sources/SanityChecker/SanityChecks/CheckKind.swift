/// The sanity check a result row or verdict belongs to.
///
/// The raw value is the name written in the `check` column of TSV and JSON results.
public enum CheckKind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// Model parameter randomization (``ModelRandomizationCheck``).
  case modelRandomization = "model-randomization"
  /// Model parameter randomization on noise-averaged explanations (sMPRT).
  case smoothModelRandomization = "smooth-model-randomization"
  /// The relative entropy rise under complete randomization (``EfficientModelRandomization``).
  case efficientModelRandomization = "efficient-model-randomization"
  /// Training on permuted labels (``DataRandomizationCheck``).
  case labelRandomization = "label-randomization"
  /// Another explained class (``ClassSensitivityCheck``).
  case classSensitivity = "class-sensitivity"
  /// A constant input shift compensated by the first bias (``InputInvarianceCheck``).
  case inputInvariance = "input-invariance"
  /// Recovery of planted motifs (``MotifRecovery``).
  case motifRecovery = "motif-recovery"
  /// Survival of the motifs an explainer's seqlets match under randomization (``MotifCheck``).
  case motifs
  /// Agreement of a DNA map with the mapped-back map of the reverse complement
  /// (``ReverseComplementCheck``).
  case reverseComplement = "reverse-complement"
  /// The angle of gradients to the one-hot simplex and the effect of correcting them
  /// (``OffSimplexDiagnostic``).
  case offSimplex = "off-simplex"

  /// Whether the check's rows follow randomization stages (drawn as curves in reports).
  public var isStaged: Bool {
    self == .modelRandomization || self == .smoothModelRandomization
  }

  /// The raw value.
  public var description: String { rawValue }
}
