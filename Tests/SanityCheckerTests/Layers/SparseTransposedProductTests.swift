@testable import SanityChecker
import SanityTestSupport
import Testing

/// The scatter form of `col2im(δ·Kᵀ)` for sparse signals against the dense `sgemm` + col2im.
@Suite struct SparseTransposedProductTests {
  /// A signal with about `1/every` nonzero entries, as below a max pool of `every`.
  static func sparseSignal(_ shape: Shape, every: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    return Tensor(shape: shape) { d in
      for index in 0..<d.count {
        d[index] = generator.index(below: every) == 0 ? generator.uniform(-1, 1) : 0
      }
    }
  }

  /// Kernels within one filter block (order unchanged) and beyond it (blocked filters), 1-D
  /// valid, 1-D same with dilation, and 2-D with stride.
  @Test(arguments: [
    (taps: 8, channels: 40, filters: 24, length: 30, padding: Padding.valid, dilation: 1),
    (taps: 8, channels: 320, filters: 60, length: 40, padding: Padding.valid, dilation: 1),
    (taps: 5, channels: 160, filters: 90, length: 33, padding: Padding.same, dilation: 2),
  ])
  func oneDimensionalMatchesDense(
    taps: Int, channels: Int, filters: Int, length: Int, padding: Padding, dilation: Int
  ) throws {
    let layer = Conv1D(
      name: "conv", kernel: TestSupport.uniform([taps, channels, filters], seed: 3), bias: nil,
      padding: padding,
      dilation: dilation)
    let core = layer.core(batch: 3, length: length)
    let inputShape: Shape = [3, length, channels]
    // 1/16 nonzero: below the 1-D scatter limit with a `CKernels` kernel (`sparseShareLimit`).
    let delta = Self.sparseSignal([3 * core.geometry.width.output, filters], every: 16, seed: 4)
    let kernel = try #require(layer.parameters["kernel"])
    let sparse = try #require(
      core.sparseTransposedProduct(delta, kernel: kernel, inputShape: inputShape))
    let dense = Self.denseTransposedProduct(core, delta, kernel: kernel, inputShape: inputShape)
    let scale = dense.maximumMagnitude
    let worst = zip(sparse.scalars, dense.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(scale > 0 && worst <= 1e-5 * scale, "worst \(worst) of \(scale)")
  }

  @Test func twoDimensionalMatchesDense() throws {
    let layer = Conv2D(
      name: "conv", kernel: TestSupport.uniform([3, 3, 96, 80], seed: 5), bias: nil,
      strides: [2, 1], padding: .same)
    let output = try layer.outputShape(for: [9, 11, 96])
    let delta = Self.sparseSignal([2 * output[0] * output[1], 80], every: 4, seed: 6)
    let kernel = try #require(layer.parameters["kernel"])
    let core = layer.core(batch: 2, height: 9, width: 11)
    let sparse = try #require(
      core.sparseTransposedProduct(delta, kernel: kernel, inputShape: [2, 9, 11, 96]))
    let dense = Self.denseTransposedProduct(
      core, delta, kernel: kernel, inputShape: [2, 9, 11, 96])
    let worst = zip(sparse.scalars, dense.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= 1e-5 * dense.maximumMagnitude, "worst \(worst)")
  }

  /// `col2im(δ·Kᵀ)` through `sgemm`.
  static func denseTransposedProduct(
    _ core: ConvolutionCore, _ delta: Tensor, kernel: Tensor, inputShape: Shape
  ) -> Tensor {
    let (rows, width) = (core.geometry.outputPositions, core.geometry.columnWidth)
    let columns = Tensor(shape: [rows, width]) { c in
      delta.withUnsafeBufferPointer { d in
        kernel.withUnsafeBufferPointer { k in
          BLAS.gemm(transposeB: true, m: rows, n: width, k: core.outputs, a: d, b: k, c: c)
        }
      }
    }
    return Tensor(shape: inputShape) { x in
      x.update(repeating: 0)
      columns.withUnsafeBufferPointer { Im2Col.accumulate($0, into: x, core.geometry) }
    }
  }
}
