/// How a convolution or pooling window treats the borders, as Keras' `padding` argument.
///
/// Along each spatial axis of length `L`, a window of `k` taps spaced `d` apart spans
/// `(k − 1)·d + 1` inputs and moves by the stride `s`:
///
/// ```
/// valid: output = ⌊(L − span) / s⌋ + 1            (no padding; needs L ≥ span)
/// same:  output = ⌈L / s⌉
///        padTotal  = max((output − 1)·s + span − L, 0)
///        padBefore = ⌊padTotal / 2⌋,  padAfter = padTotal − padBefore
/// ```
///
/// This is TensorFlow's rule, so with an even `padTotal` the extra zero goes *after* the data.
/// Padded positions are zeros for convolutions; pooling ignores them (max pooling never picks
/// them and average pooling divides by the number of real inputs only).
public enum Padding: String, Hashable, Sendable {
  /// No padding: windows lie entirely inside the input.
  case valid
  /// Zero padding so that `output = ⌈input / stride⌉`.
  case same
}
