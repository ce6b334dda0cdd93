/// What one-hot encoding does when sequences differ in length.
///
/// A batch tensor `[N, L, 4]` needs one length `L`. The policies place each sequence of
/// length `n` in a row of width `L`:
///
/// ```
/// reject          L = length of the first sequence; any n != L is an error
/// padWithN(to: L) n <= L: (L - n) / 2 N's before the sequence, the rest after it
/// centreCrop(to: L) n >= L: keep bases (n - L) / 2 ..< (n - L) / 2 + L
/// ```
///
/// Padding and cropping are both centred, so a peak summit at the centre stays there.
public enum LengthPolicy: Hashable, Sendable {
  /// All sequences must have the first one's length (the default).
  case reject
  /// Pads shorter sequences with `N` on both ends to `length`; longer ones are an error.
  case padWithN(to: Int)
  /// Keeps the central `length` bases of longer sequences; shorter ones are an error.
  case centreCrop(to: Int)
}

extension LengthPolicy {
  /// Checks that a padded or cropped length is at least 1 base.
  /// - Throws: ``OneHotError/invalidTargetLength(_:)``.
  public func validate() throws(OneHotError) {
    switch self {
    case .reject: return
    case .padWithN(let length), .centreCrop(let length):
      guard length >= 1 else { throw .invalidTargetLength(length) }
    }
  }
}

extension LengthPolicy {
  /// The longest record worth reading for a model that takes sequences of `modelLength` only.
  ///
  /// Under ``reject`` a record of any other length is refused after reading, and under
  /// ``padWithN(to:)`` a record longer than the padded length is, so nothing longer than
  /// `max(modelLength, padded length)` is ever used: reading can stop there. ``centreCrop(to:)``
  /// keeps the centre of records of any length, so it has no such bound (`nil`: the reader's
  /// budget-derived cap, ``FASTAReader/defaultMaximumRecordLength``, applies), and neither has
  /// a model that takes any length (`modelLength == nil`).
  /// - Parameter modelLength: The model's fixed input length (``ModelLoader/fixedSequenceLength(_:architecture:)``).
  /// - Returns: The cap in bases, or `nil`.
  public func recordCap(modelLength: Int?) -> Int? {
    guard let modelLength else { return nil }
    switch self {
    case .reject: return modelLength
    case .padWithN(let length): return max(modelLength, length)
    case .centreCrop: return nil
    }
  }
}
