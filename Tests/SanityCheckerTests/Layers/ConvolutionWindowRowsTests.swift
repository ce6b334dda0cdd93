@testable import SanityChecker
import SanityTestSupport
import Testing

/// The in-place window rows of ``ConvolutionCore/windowRowPreActivation(_:kernel:bias:)`` and
/// ``ConvolutionCore/windowRowTransposedProduct(_:kernel:inputShape:)`` against the im2col
/// column matrix and col2im.
@Suite struct ConvolutionWindowRowsTests {
  /// Bit for bit: both products give each entry the same fused multiply-add chain; `same`
  /// padding and strides above 1 exercise the padded copy and the row offsets.
  @Test(arguments: [
    (8, 1, Padding.valid, true), (8, 1, .same, true), (5, 2, .same, false), (3, 3, .valid, true),
    (7, 2, .valid, false), (2, 1, .same, true),
  ])
  func matchesColumnMatrix(width: Int, stride: Int, padding: Padding, hasBias: Bool) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let (channels, filters, length, batch) = (13, 37, 41, 3)
    let layer = Conv1D(
      name: "conv", kernel: TestSupport.uniform([width, channels, filters], seed: 1),
      bias: hasBias ? TestSupport.uniform([filters], seed: 2) : nil, stride: stride,
      padding: padding)
    let input = TestSupport.uniform([batch, length, channels], seed: 3)
    let core = layer.core(batch: batch, length: length)
    let rows = try #require(
      core.windowRowPreActivation(input, kernel: layer.kernel, bias: layer.parameters["bias"]))
    let columns = core.preActivation(
      core.columns(input), kernel: layer.kernel, bias: layer.parameters["bias"])
    #expect(rows.shape == columns.shape)
    #expect(rows.scalars == columns.scalars)
  }

  /// Dilated and pointwise kernels keep the column matrix.
  @Test func refusesDilationAndPointwise() {
    let input = TestSupport.uniform([2, 20, 3], seed: 4)
    for (width, dilation) in [(3, 2), (1, 1)] {
      let layer = Conv1D(
        name: "conv", kernel: TestSupport.uniform([width, 3, 5], seed: 5), bias: nil,
        dilation: dilation)
      let core = layer.core(batch: 2, length: 20)
      #expect(core.windowRowPreActivation(input, kernel: layer.kernel, bias: nil) == nil)
    }
  }
  /// The input gradient from the padded signal's window rows equals `col2im(δ·Kᵀ)` to
  /// rounding (another summation order): within `2⁻¹⁹ · Σ|δ·K|` per entry, the sum taken
  /// over the column path's terms, here bounded by the magnitudes' product.
  @Test(arguments: [
    (8, Padding.valid), (8, .same), (5, .same), (2, .valid), (3, .same),
  ])
  func transposedMatchesColumnMatrix(width: Int, padding: Padding) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let (channels, filters, length, batch) = (40, 23, 37, 3)
    let layer = Conv1D(
      name: "conv", kernel: TestSupport.uniform([width, channels, filters], seed: 6), bias: nil,
      padding: padding)
    let core = layer.core(batch: batch, length: length)
    let outputs = core.geometry.width.output
    let delta = TestSupport.uniform([batch * outputs, filters], seed: 7)
    let shape: Shape = [batch, length, channels]
    let rows = try #require(
      core.windowRowTransposedProduct(delta, kernel: layer.kernel, inputShape: shape))
    // The column path: δ·Kᵀ written out, then col2im.
    let columns = Tensor(shape: [batch * outputs, core.geometry.columnWidth]) { c in
      delta.withUnsafeBufferPointer { d in
        layer.kernel.withUnsafeBufferPointer { k in
          BLAS.gemm(
            kernel: .openBLAS, transposeB: true, m: batch * outputs, n: core.geometry.columnWidth,
            k: filters, a: d, b: k, c: c)
        }
      }
    }
    let reference = Tensor(shape: shape) { x in
      x.update(repeating: 0)
      columns.withUnsafeBufferPointer { Im2Col.accumulate($0, into: x, core.geometry) }
    }
    #expect(rows.shape == reference.shape)
    let bound = Float(width * filters) * 0x1p-19
    let worst = zip(rows.scalars, reference.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= bound, "max difference \(worst) > \(bound)")
  }

  /// Strides above 1 and narrow inputs (DNA's 4 channels) keep the column path.
  @Test func transposedRefusesStrideAndNarrowInputs() {
    for (channels, stride) in [(40, 2), (4, 1)] {
      let layer = Conv1D(
        name: "conv", kernel: TestSupport.uniform([3, channels, 5], seed: 8), bias: nil,
        stride: stride)
      let core = layer.core(batch: 2, length: 20)
      let delta = TestSupport.uniform([2 * core.geometry.width.output, 5], seed: 9)
      #expect(
        core.windowRowTransposedProduct(
          delta, kernel: layer.kernel, inputShape: [2, 20, channels]) == nil)
    }
  }
}
