/// How one-hot encoding represents `N` and the other ambiguous IUPAC codes.
public enum UnknownBase: Hashable, Sendable {
  /// 0.25 in each of the four channels: a uniform distribution over A, C, G, T, as DeepBind
  /// does (the default).
  case quarter
  /// 0 in every channel, as Keras-genomics and tangermeme do.
  case zero

  /// The value written to each channel for an unknown base.
  public var channelValue: Float {
    switch self {
    case .quarter: return 0.25
    case .zero: return 0
    }
  }
}
