/// The geometry of a sliding-window layer over a batch viewed as `[N, H, W, C]`.
///
/// 1-D data `[N, L, C]` is the case `H = 1` (``AxisWindow/single``), so convolution and
/// pooling kernels are written once, for two spatial axes.
struct WindowGeometry: Hashable, Sendable {
  /// The number of items `N`.
  let batch: Int
  /// The window placement along the height axis `H`.
  let height: AxisWindow
  /// The window placement along the width axis `W`.
  let width: AxisWindow
  /// The number of input channels `C`.
  let channels: Int

  /// Scalars in the input, `N·H·W·C`.
  var inputCount: Int { batch * height.input * width.input * channels }

  /// Output positions over the batch, `N·OH·OW` (the rows of the im2col matrix).
  var outputPositions: Int { batch * height.output * width.output }

  /// Scalars in one im2col row, `KH·KW·C`.
  var columnWidth: Int { height.kernel * width.kernel * channels }

  /// Whether every output position has at least one window (no empty axis).
  var hasOutput: Bool { height.output > 0 && width.output > 0 }
}
