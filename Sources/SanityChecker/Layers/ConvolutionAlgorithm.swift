/// How a ``Conv1D`` or ``Conv2D`` computes its forward and input-gradient products.
enum ConvolutionAlgorithm: Hashable, Sendable {
  /// Winograd where it applies and pays, else im2col: F(2×2, 3×3) for a ``Conv2D`` with 3×3
  /// taps, unit strides and dilations and at least 8 input and 8 output channels
  /// (``WinogradConvolution``); F(4, 4) on 4-tap pieces for a ``Conv1D`` with at least 3 taps,
  /// unit stride and dilation and at least 32 input and 32 output channels
  /// (``SequenceWinograd``).
  case automatic
  /// Winograd wherever it applies, whatever the channel counts (for tests).
  case winograd
  /// Always im2col plus `sgemm` (the reference for tests).
  case im2col
}
