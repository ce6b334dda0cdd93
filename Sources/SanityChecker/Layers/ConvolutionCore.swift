/// The products Conv1D and Conv2D share, as im2col plus `sgemm` over a whole batch.
///
/// With `X` the im2col matrix `[N·OH·OW, KH·KW·C]` (see ``Im2Col``), `K` the kernel read as
/// `[KH·KW·C, O]` and `δ` a signal at the pre-activation `[N·OH·OW, O]`:
///
/// ```
/// z      = X·K + b                      forward (pre-activation)
/// ∂/∂x   = col2im(δ·Kᵀ)                 input gradient
/// ∂/∂K   = Xᵀ·δ,   ∂/∂b = Σ_rows δ      parameter gradients
/// R_in   = x ⊙ col2im((R / (z + ε·sign z))·Kᵀ)   ε-LRP z-rule
/// ```
///
/// Each call builds the column matrix once for the batch and allocates each result once.
/// A pointwise convolution (1×1 taps, stride 1) uses the input itself as its column matrix.
struct ConvolutionCore: Sendable {
  /// The batch's window geometry, with `H = 1` for 1-D data.
  let geometry: WindowGeometry
  /// The number of output channels `O`.
  let outputs: Int

  /// Whether the input already is its column matrix (1×1 taps, unit strides, no padding).
  private var isPointwise: Bool {
    let (h, w) = (geometry.height, geometry.width)
    return h.kernel == 1 && w.kernel == 1 && h.stride == 1 && w.stride == 1
      && h.padBefore == 0 && w.padBefore == 0
  }

  private var rows: Int { geometry.outputPositions }

  /// The im2col matrix of a batch, `[N·OH·OW, KH·KW·C]`.
  /// - Parameter input: The batch, `N·H·W·C` scalars.
  /// - Returns: The column matrix.
  func columns(_ input: Tensor) -> Tensor {
    let shape: Shape = [rows, geometry.columnWidth]
    if isPointwise { return input.reshaped(shape) }
    let geometry = self.geometry
    return Tensor(shape: shape) { columns in
      input.withUnsafeBufferPointer { Im2Col.columns(from: $0, into: columns, geometry) }
    }
  }

  /// `z = X·K + b`, `[N·OH·OW, O]`.
  /// - Parameters:
  ///   - columns: The im2col matrix.
  ///   - kernel: The kernel, `KH·KW·C·O` scalars.
  ///   - bias: The bias `[O]`, or `nil`.
  /// - Returns: The pre-activation.
  func preActivation(_ columns: Tensor, kernel: Tensor, bias: Tensor?) -> Tensor {
    let (rows, outputs, width) = (rows, outputs, geometry.columnWidth)
    return Tensor(shape: [rows, outputs]) { z in
      if let bias {
        bias.withUnsafeBufferPointer { b in
          guard let source = b.baseAddress, let target = z.baseAddress else { return }
          SIMDRows.broadcast(source, count: outputs, into: target, rows: rows)
        }
      }
      columns.withUnsafeBufferPointer { x in
        kernel.withUnsafeBufferPointer { k in
          BLAS.gemm(m: rows, n: outputs, k: width, a: x, b: k, beta: bias == nil ? 0 : 1, c: z)
        }
      }
    }
  }

  /// `col2im(δ·Kᵀ)`: the input gradient of the linear part (scattered nonzero by nonzero when
  /// `δ` is sparse, see ``sparseTransposedProduct(_:kernel:inputShape:)``; one product over
  /// window rows for 1-D windows of stride 1, see
  /// ``windowRowTransposedProduct(_:kernel:inputShape:)``).
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `N·OH·OW·O` scalars.
  ///   - kernel: The kernel.
  ///   - inputShape: The batched input shape of the result.
  /// - Returns: The signal at the input.
  func transposedProduct(_ delta: Tensor, kernel: Tensor, inputShape: Shape) -> Tensor {
    if let sparse = sparseTransposedProduct(delta, kernel: kernel, inputShape: inputShape) {
      return sparse
    }
    if let rows = windowRowTransposedProduct(delta, kernel: kernel, inputShape: inputShape) {
      return rows
    }
    let (rows, outputs, width, geometry) = (rows, outputs, geometry.columnWidth, geometry)
    let columnSignal = Tensor(shape: [rows, width]) { columns in
      delta.withUnsafeBufferPointer { d in
        kernel.withUnsafeBufferPointer { k in
          BLAS.gemm(transposeB: true, m: rows, n: width, k: outputs, a: d, b: k, c: columns)
        }
      }
    }
    if isPointwise { return columnSignal.reshaped(inputShape) }
    return Tensor(shape: inputShape) { x in
      x.update(repeating: 0)
      columnSignal.withUnsafeBufferPointer { Im2Col.accumulate($0, into: x, geometry) }
    }
  }

  /// The ε-LRP z-rule through the linear part, with `z` recomputed including the bias.
  /// - Parameters:
  ///   - relevance: The relevance at the pre-activation.
  ///   - input: The input the forward pass saw.
  ///   - kernel: The kernel.
  ///   - bias: The bias, or `nil`.
  ///   - epsilon: The stabilizer ε.
  /// - Returns: The relevance at the input, of `input`'s shape.
  func relevance(
    _ relevance: Tensor, input: Tensor, kernel: Tensor, bias: Tensor?, epsilon: Float
  ) -> Tensor {
    let ratio =
      sparseStabilizedRatio(relevance, input: input, kernel: kernel, bias: bias, epsilon: epsilon)
      ?? EpsilonLRP.stabilizedRatio(
        relevance.reshaped([rows, outputs]), preActivation(of: input, kernel: kernel, bias: bias),
        epsilon: epsilon)
    return EpsilonLRP.times(
      transposedProduct(ratio, kernel: kernel, inputShape: input.shape), input)
  }

  /// `∂/∂K = Xᵀ·δ` (as `[KH·KW·C, O]`) and `∂/∂b = Σ_rows δ` (`[O]`).
  /// - Parameters:
  ///   - delta: The gradient at the pre-activation.
  ///   - input: The input the forward pass saw.
  /// - Returns: The kernel and bias gradients.
  func parameterGradients(_ delta: Tensor, input: Tensor) -> (kernel: Tensor, bias: Tensor) {
    let columns = columns(input)
    let (rows, outputs, width) = (rows, outputs, geometry.columnWidth)
    let kernelGradient = Tensor(shape: [width, outputs]) { dk in
      columns.withUnsafeBufferPointer { x in
        delta.withUnsafeBufferPointer { d in
          BLAS.gemm(transposeA: true, m: width, n: outputs, k: rows, a: x, b: d, c: dk)
        }
      }
    }
    let biasGradient = Tensor(shape: [outputs]) { db in
      db.update(repeating: 0)
      delta.withUnsafeBufferPointer { d in
        for row in 0..<rows { for o in 0..<outputs { db[o] += d[row * outputs + o] } }
      }
    }
    return (kernelGradient, biasGradient)
  }
}

extension ConvolutionCore {
  /// Checks that a convolution's kernel keeps its shape and its bias is `[O]`.
  /// - Parameters:
  ///   - layer: The layer's name, for the error.
  ///   - parameters: The layer's parameters.
  ///   - kernelShape: The kernel shape fixed at creation, output channels last.
  /// - Throws: ``ModelError/parameterShape(layer:parameter:expected:actual:)``.
  static func validate(
    layer: String, parameters: [String: Tensor], kernelShape: Shape
  ) throws(ModelError) {
    let kernel = parameters["kernel"]?.shape ?? []
    guard kernel == kernelShape else {
      throw .parameterShape(
        layer: layer, parameter: "kernel", expected: kernelShape, actual: kernel)
    }
    let outputs = kernelShape[kernelShape.rank - 1]
    if let bias = parameters["bias"], bias.shape != [outputs] {
      throw .parameterShape(
        layer: layer, parameter: "bias", expected: [outputs], actual: bias.shape)
    }
  }
}
