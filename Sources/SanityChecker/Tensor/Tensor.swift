/// A dense array of `Float` scalars, row-major and contiguous, channels-last.
///
/// DNA batches are `[N, L, 4]` (channels A, C, G, T), image batches `[N, H, W, C]`, the
/// layouts Keras models are stored in. `Tensor` is a value type: its storage is an `Array`
/// whose copy-on-write gives value semantics. Kernels read and write the scalars through
/// `withUnsafeBufferPointer`/`withUnsafeMutableBufferPointer`; subscripts are for tests.
public struct Tensor: Equatable, Sendable {
  /// The tensor's extents, outermost first.
  public private(set) var shape: Shape
  /// The scalars in row-major order.
  public private(set) var scalars: [Float]

  /// Creates a tensor from its shape and scalars.
  /// - Parameters:
  ///   - shape: The extents; their product must equal `scalars.count`.
  ///   - scalars: The values in row-major order.
  public init(shape: Shape, scalars: [Float]) {
    precondition(
      shape.count == scalars.count,
      "Tensor: shape \(shape) needs \(shape.count) scalars, got \(scalars.count)")
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a tensor of the given shape filled with one value.
  /// - Parameters:
  ///   - shape: The extents.
  ///   - value: The value of every scalar (0 by default).
  public init(shape: Shape, repeating value: Float = 0) {
    self.shape = shape
    self.scalars = [Float](repeating: value, count: shape.count)
  }

  /// Creates a tensor whose scalars are written by `body` into uninitialized storage.
  /// - Parameters:
  ///   - shape: The extents.
  ///   - body: Writes all `shape.count` scalars.
  public init(
    shape: Shape, unsafeUninitialized body: (inout UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    self.shape = shape
    self.scalars = [Float](unsafeUninitializedCapacity: shape.count) { buffer, count in
      body(&buffer)
      count = shape.count
    }
  }

  /// The number of items along the leading (batch) axis.
  public var batchSize: Int { shape[0] }

  /// The number of scalars per item (all axes but the first).
  public var itemCount: Int { shape.rank == 0 ? 1 : shape.count / max(shape[0], 1) }

  /// Reads the scalars through a buffer pointer.
  /// - Parameter body: A closure receiving the row-major scalars.
  /// - Returns: What `body` returns.
  public func withUnsafeBufferPointer<R>(
    _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try scalars.withUnsafeBufferPointer(body)
  }

  /// Writes the scalars through a buffer pointer.
  /// - Parameter body: A closure receiving the row-major scalars.
  /// - Returns: What `body` returns.
  public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try scalars.withUnsafeMutableBufferPointer(body)
  }

  /// The same scalars viewed with another shape of equal count.
  /// - Parameter newShape: The new extents.
  /// - Returns: A tensor sharing the scalars, with `newShape`.
  public func reshaped(_ newShape: Shape) -> Tensor {
    Tensor(shape: newShape, scalars: scalars)
  }

  /// The scalar at a multi-dimensional index (for tests and debugging, not for kernels).
  public subscript(index: Int...) -> Float {
    get { scalars[flatIndex(index)] }
    set { scalars[flatIndex(index)] = newValue }
  }

  private func flatIndex(_ index: [Int]) -> Int {
    precondition(index.count == shape.rank, "Tensor: index rank \(index.count) != \(shape.rank)")
    var flat = 0
    for (axis, position) in index.enumerated() {
      precondition(0 <= position && position < shape[axis], "Tensor: index out of range")
      flat = flat * shape[axis] + position
    }
    return flat
  }
}
