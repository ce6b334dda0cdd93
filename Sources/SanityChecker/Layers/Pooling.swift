/// Tensor-level pooling over a batch viewed as `[N, H, W, C]`, shared by every pooling layer.
///
/// Windowed 1-D pooling is the case `H = 1`; global pooling is one window over the whole
/// `H × W` plane. Each method allocates its result once and runs one ``PoolingKernels`` pass.
struct Pooling: Sendable {
  /// The batch's window geometry.
  let geometry: WindowGeometry

  /// Pooling over `[N, L, C]` with windows of `size` moving by `stride`.
  /// - Parameters:
  ///   - shape: The batched input shape `[N, L, C]`.
  ///   - size: The window length.
  ///   - stride: The window step.
  ///   - padding: The padding mode.
  /// - Returns: The pooling of that batch.
  static func oneDimensional(_ shape: Shape, size: Int, stride: Int, padding: Padding) -> Pooling {
    precondition(shape.rank == 3, "pooling: input \(shape) is not [N, L, C]")
    let width = AxisWindow(input: shape[1], kernel: size, stride: stride, padding: padding)
    return Pooling(
      geometry: WindowGeometry(batch: shape[0], height: .single, width: width, channels: shape[2]))
  }

  /// Pooling over `[N, H, W, C]` with windows of `size` moving by `strides`.
  /// - Parameters:
  ///   - shape: The batched input shape `[N, H, W, C]`.
  ///   - size: The window extents `[PH, PW]`.
  ///   - strides: The window steps `[sh, sw]`.
  ///   - padding: The padding mode.
  /// - Returns: The pooling of that batch.
  static func twoDimensional(_ shape: Shape, size: [Int], strides: [Int], padding: Padding)
    -> Pooling
  {
    precondition(shape.rank == 4, "pooling: input \(shape) is not [N, H, W, C]")
    let height = AxisWindow(input: shape[1], kernel: size[0], stride: strides[0], padding: padding)
    let width = AxisWindow(input: shape[2], kernel: size[1], stride: strides[1], padding: padding)
    return Pooling(
      geometry: WindowGeometry(batch: shape[0], height: height, width: width, channels: shape[3]))
  }

  /// One window over the whole plane of `[N, L, C]` or `[N, H, W, C]`.
  /// - Parameter shape: The batched input shape.
  /// - Returns: The global pooling of that batch, with one output per item and channel.
  static func global(_ shape: Shape) -> Pooling {
    precondition(
      shape.rank == 3 || shape.rank == 4,
      "global pooling: input \(shape) is not [N, L, C] or [N, H, W, C]")
    let height: AxisWindow = shape.rank == 4 ? .whole(shape[1]) : .single
    let width = AxisWindow.whole(shape[shape.rank - 2])
    return Pooling(
      geometry: WindowGeometry(
        batch: shape[0], height: height, width: width, channels: shape[shape.rank - 1]))
  }

  /// The maximum of each window, with the given batched shape.
  func maximum(_ input: Tensor, shape: Shape) -> Tensor {
    let geometry = geometry
    return Tensor(shape: shape) { y in
      input.withUnsafeBufferPointer { PoolingKernels.maximum($0, into: y, geometry) }
    }
  }

  /// The mean of each window's real inputs, with the given batched shape.
  func average(_ input: Tensor, shape: Shape) -> Tensor {
    let geometry = geometry
    return Tensor(shape: shape) { y in
      input.withUnsafeBufferPointer { PoolingKernels.average($0, into: y, geometry) }
    }
  }

  /// Each window's signal routed to its first maximum, of `input`'s shape.
  func routeToMaximum(_ signal: Tensor, input: Tensor) -> Tensor {
    let geometry = geometry
    return Tensor(shape: input.shape) { dx in
      dx.update(repeating: 0)
      signal.withUnsafeBufferPointer { s in
        input.withUnsafeBufferPointer { x in
          PoolingKernels.routeToMaximum(s, input: x, into: dx, geometry)
        }
      }
    }
  }

  /// The backward pass of average pooling under `rule`, of `input`'s shape.
  ///
  /// The gradient, Guided Backprop, DeconvNet and ε-LRP with ``PoolingRedistribution/even``
  /// spread `s/K` (``spreadEvenly(_:inputShape:)``); ε-LRP with
  /// ``PoolingRedistribution/proportional`` spreads `x_i·R / (Σx + ε·sign Σx)`
  /// (``spreadProportionally(_:input:epsilon:)``).
  /// - Parameters:
  ///   - signal: The signal at the output.
  ///   - input: The input the forward pass saw.
  ///   - rule: The backward rule.
  /// - Returns: The signal at the input.
  func averageBackward(_ signal: Tensor, input: Tensor, rule: BackwardRule) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP(_, .even):
      return spreadEvenly(signal, inputShape: input.shape)
    case .epsilonLRP(let epsilon, .proportional):
      return spreadProportionally(signal, input: input, epsilon: epsilon)
    }
  }

  /// Each window's signal spread as `s/K` over its real inputs, with the given batched shape.
  func spreadEvenly(_ signal: Tensor, inputShape: Shape) -> Tensor {
    let geometry = geometry
    return Tensor(shape: inputShape) { dx in
      dx.update(repeating: 0)
      signal.withUnsafeBufferPointer { PoolingKernels.spreadEvenly($0, into: dx, geometry) }
    }
  }

  /// Each window's relevance spread as `x_i·R / (Σx + ε·sign Σx)`, of `input`'s shape.
  func spreadProportionally(_ relevance: Tensor, input: Tensor, epsilon: Float) -> Tensor {
    let geometry = geometry
    return Tensor(shape: input.shape) { dx in
      dx.update(repeating: 0)
      relevance.withUnsafeBufferPointer { r in
        input.withUnsafeBufferPointer { x in
          PoolingKernels.spreadProportionally(r, input: x, into: dx, geometry, epsilon: epsilon)
        }
      }
    }
  }
}

extension Pooling {
  /// Traps unless a 1-D pooling layer's window and step are ≥ 1 (a programmer error; the model
  /// readers check first).
  /// - Parameters:
  ///   - stride: The window step, or `nil` for `poolSize` (the Keras default).
  ///   - poolSize: The window length.
  ///   - layer: The layer's type and name, for the message.
  /// - Returns: The window step.
  static func checkedStride(_ stride: Int?, poolSize: Int, layer: @autoclosure () -> String)
    -> Int
  {
    precondition(poolSize >= 1, "\(layer()): poolSize must be ≥ 1, got \(poolSize)")
    precondition((stride ?? 1) >= 1, "\(layer()): stride must be ≥ 1, got \(stride ?? 0)")
    return stride ?? poolSize
  }

  /// Traps unless a 2-D pooling layer's window extents and steps are two values ≥ 1 (a
  /// programmer error; the model readers check first).
  /// - Parameters:
  ///   - strides: The window steps `[sh, sw]`, or `nil` for `poolSize` (the Keras default).
  ///   - poolSize: The window extents `[PH, PW]`.
  ///   - layer: The layer's type and name, for the message.
  /// - Returns: The window steps.
  static func checkedStrides(
    _ strides: [Int]?, poolSize: [Int], layer: @autoclosure () -> String
  ) -> [Int] {
    let strides = strides ?? poolSize
    precondition(
      poolSize.count == 2 && poolSize.allSatisfy { $0 >= 1 },
      "\(layer()): poolSize must be two values ≥ 1, got \(poolSize)")
    precondition(
      strides.count == 2 && strides.allSatisfy { $0 >= 1 },
      "\(layer()): strides must be two values ≥ 1, got \(strides)")
    return strides
  }

  /// Validates a windowed pooling layer's item input `[L, C]` or `[H, W, C]`.
  /// - Parameters:
  ///   - layer: The layer's name, for the error.
  ///   - input: The item input shape.
  ///   - size: The window extents (one per spatial axis).
  ///   - strides: The window steps (one per spatial axis).
  ///   - padding: The padding mode.
  /// - Returns: The item output shape.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` for a wrong rank or a
  ///   `valid` window longer than its axis.
  static func outputShape(
    layer: String, input: Shape, size: [Int], strides: [Int], padding: Padding
  ) throws(ModelError) -> Shape {
    let spatial = size.count
    let axes = spatial == 1 ? "L" : "H, W"
    guard input.rank == spatial + 1 else {
      throw .shapeMismatch(layer: layer, expected: "[\(axes), C]", actual: input)
    }
    var output: [Int] = []
    for axis in 0..<spatial {
      let window = AxisWindow(
        input: input[axis], kernel: size[axis], stride: strides[axis], padding: padding)
      guard window.output > 0 else {
        let bounds = size.map { "≥ \($0)" }.joined(separator: ", ")
        throw .shapeMismatch(
          layer: layer, expected: "[\(bounds), C] (\(axes) at least the pool size)", actual: input)
      }
      output.append(window.output)
    }
    return Shape(output + [input[spatial]])
  }

  /// Validates a global pooling layer's item input and returns `[C]`.
  /// - Parameters:
  ///   - layer: The layer's name, for the error.
  ///   - input: The item input shape, `[L, C]` (`spatialAxes` 1) or `[H, W, C]` (2).
  ///   - spatialAxes: The number of spatial axes.
  /// - Returns: `[C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)``.
  static func globalOutputShape(layer: String, input: Shape, spatialAxes: Int) throws(ModelError)
    -> Shape
  {
    let expected = spatialAxes == 1 ? "[L ≥ 1, C]" : "[H ≥ 1, W ≥ 1, C]"
    guard input.rank == spatialAxes + 1, input.dimensions.dropLast().allSatisfy({ $0 >= 1 }) else {
      throw .shapeMismatch(layer: layer, expected: expected, actual: input)
    }
    return [input[spatialAxes]]
  }
}
