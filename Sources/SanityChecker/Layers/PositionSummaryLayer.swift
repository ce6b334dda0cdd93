/// A layer that reduces a `[L, C]` input (seen whole, or flattened) to one vector per item,
/// and can update that vector from a change confined to a window of positions.
///
/// The first non-local layer of a chain (global pooling, or a dense layer after `Flatten`):
/// in-silico mutagenesis keeps a ``PositionSummary`` of the original input and, per mutant,
/// reads only the window that the local layers before it recomputed.
protocol PositionSummaryLayer: Layer {
  /// What to keep of one original input.
  /// - Parameters:
  ///   - input: The original input, `[L, C]` scalars.
  ///   - length: `L`.
  ///   - channels: `C`.
  /// - Returns: The summary, holding the original output row.
  func summary(of input: [Float], length: Int, channels: Int) -> PositionSummary

  /// The output rows `[M, units]` of inputs that equal the original outside their windows.
  /// - Parameters:
  ///   - windows: Each item's changed window `[M, W, C]`, holding every changed position.
  ///   - original: The original input, `[L, C]` scalars.
  ///   - summary: ``summary(of:length:channels:)`` of `original`.
  ///   - length: `L`.
  /// - Returns: `M · units` scalars.
  func forward(
    _ windows: PositionWindows, original: [Float], summary: PositionSummary, length: Int
  ) -> [Float]
}

/// What a ``PositionSummaryLayer`` keeps of an original input.
struct PositionSummary: Sendable {
  /// The original's output row, `[units]`.
  var output: [Float]
  /// Layer-specific state: prefix/suffix reductions `[L + 1, C]` each, or a pre-activation.
  var prefix: [Float] = []
  /// See ``prefix``.
  var suffix: [Float] = []
}
