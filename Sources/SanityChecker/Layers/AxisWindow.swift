/// The placement of sliding windows along one spatial axis, with Keras/TensorFlow padding.
///
/// A window of `kernel` taps spaced `dilation` apart covers `span = (kernel − 1)·dilation + 1`
/// inputs. Output position `o` reads inputs `o·stride − padBefore + t·dilation` for taps
/// `t = 0..<kernel`; indices outside `0..<input` are padding. See ``Padding`` for the formulas.
struct AxisWindow: Hashable, Sendable {
  /// The axis' input length.
  let input: Int
  /// The number of taps per window.
  let kernel: Int
  /// The distance between consecutive windows.
  let stride: Int
  /// The distance between consecutive taps.
  let dilation: Int
  /// The number of windows (0 when a `valid` window does not fit).
  let output: Int
  /// The number of padded positions before the first input.
  let padBefore: Int

  /// Places windows along an axis.
  /// - Parameters:
  ///   - input: The input length.
  ///   - kernel: Taps per window, ≥ 1.
  ///   - stride: Window step, ≥ 1.
  ///   - dilation: Tap step, ≥ 1.
  ///   - padding: The Keras padding mode.
  init(input: Int, kernel: Int, stride: Int = 1, dilation: Int = 1, padding: Padding) {
    precondition(
      kernel >= 1 && stride >= 1 && dilation >= 1,
      "AxisWindow: kernel \(kernel), stride \(stride) and dilation \(dilation) must be ≥ 1")
    self.input = input
    self.kernel = kernel
    self.stride = stride
    self.dilation = dilation
    let span = (kernel - 1) * dilation + 1
    switch padding {
    case .valid:
      output = input >= span ? (input - span) / stride + 1 : 0
      padBefore = 0
    case .same:
      output = (input + stride - 1) / stride
      padBefore = max((output - 1) * stride + span - input, 0) / 2
    }
  }

  /// The number of inputs one window covers, `(kernel − 1)·dilation + 1`.
  var span: Int { (kernel - 1) * dilation + 1 }

  /// One window covering a whole axis of `length` inputs (global pooling).
  /// - Parameter length: The axis length.
  /// - Returns: A window with one output.
  static func whole(_ length: Int) -> AxisWindow {
    AxisWindow(input: length, kernel: length, padding: .valid)
  }

  /// The trivial axis of length 1 that makes 1-D data `[N, 1, L, C]`.
  static let single = AxisWindow(input: 1, kernel: 1, padding: .valid)

  /// The real (non-padded) input range a pooling window covers (dilation 1).
  /// - Parameter position: The output position.
  /// - Returns: The clipped input indices.
  func realRange(at position: Int) -> Range<Int> {
    let start = position * stride - padBefore
    return max(start, 0)..<min(start + span, input)
  }
}
