/// The scoring switches of a DeepBind model.
///
/// DeepBind: Alipanahi and others 2015, doi:10.1038/nbt.3300.
///
/// They mirror the `reverse_complement` and `has_avg_pooling` lines of a params file and the
/// `default_window_size` and `unknown_base_value` attributes of the converted HDF5 files.
public struct DeepBindOptions: Hashable, Sendable {
  /// Whether the reverse complement is scored too, keeping the larger score.
  public var hasReverseComplement: Bool
  /// Whether each detector is average-pooled besides max-pooled (features interleaved
  /// `[max₀, avg₀, max₁, avg₁, …]`).
  public var hasAveragePooling: Bool
  /// The window length W: longer sequences are scored in every window of W bases (stride 1)
  /// and the best window counts.
  public var windowSize: Int
  /// The value of all four channels of a padding column (and of an unknown base), 0.25.
  public var unknownBaseValue: Float

  /// Creates scoring options.
  /// - Parameters:
  ///   - hasReverseComplement: Whether both strands are scored.
  ///   - hasAveragePooling: Whether detectors are average-pooled too.
  ///   - windowSize: The window length W; see ``defaultWindowSize(detectorLength:)``.
  ///   - unknownBaseValue: The padding value, 0.25 in DeepBind.
  public init(
    hasReverseComplement: Bool, hasAveragePooling: Bool, windowSize: Int,
    unknownBaseValue: Float = 0.25
  ) {
    self.hasReverseComplement = hasReverseComplement
    self.hasAveragePooling = hasAveragePooling
    self.windowSize = windowSize
    self.unknownBaseValue = unknownBaseValue
  }

  /// DeepBind v0.11's window length, `int(1.5 · M)` for detectors of length M.
  /// - Parameter detectorLength: M.
  /// - Returns: `⌊1.5 · M⌋`.
  public static func defaultWindowSize(detectorLength: Int) -> Int {
    detectorLength + detectorLength / 2
  }
}
