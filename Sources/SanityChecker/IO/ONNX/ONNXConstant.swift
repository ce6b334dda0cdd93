/// A tensor whose value is known when the model is read: an initializer, a `Constant` node's
/// value, or the result of folding a node whose inputs are all constant.
///
/// Floating-point types are held as `Float` (the engine's only scalar), integer and boolean types
/// as `Int64` (shapes, axes, indices). Shapes are the ONNX shapes, row-major.
struct ONNXConstant: Equatable, Sendable {
  /// The values, by element kind.
  enum Values: Equatable, Sendable {
    /// FLOAT, DOUBLE and FLOAT16 data.
    case floats([Float])
    /// INT8…INT64, UINT8…UINT32 and BOOL data.
    case integers([Int64])
  }

  /// The ONNX shape (empty for a scalar).
  var shape: [Int]
  /// The values, `shape`'s product of them.
  var values: Values

  /// The number of elements.
  var count: Int {
    switch values {
    case .floats(let values): return values.count
    case .integers(let values): return values.count
    }
  }

  /// Whether the values are integers.
  var isInteger: Bool {
    if case .integers = values { return true }
    return false
  }

  /// The values as `Float`.
  var floats: [Float] {
    switch values {
    case .floats(let values): return values
    case .integers(let values): return values.map { Float($0) }
    }
  }

  /// The values as `Int64` (floats truncated toward zero, non-finite ones as 0).
  var integers: [Int64] {
    switch values {
    case .integers(let values): return values
    case .floats(let values):
      return values.map { $0.isFinite && abs($0) < 9.2e18 ? Int64($0) : 0 }
    }
  }

  /// The values as `Int`.
  var ints: [Int] { integers.map { Int(clamping: $0) } }

  /// The same values in another shape of the same element count.
  func reshaped(_ newShape: [Int]) -> ONNXConstant {
    ONNXConstant(shape: newShape, values: values)
  }

  /// The values at `indices` (row-major element indices), in a new shape.
  func gathered(_ indices: [Int], shape newShape: [Int]) -> ONNXConstant {
    switch values {
    case .floats(let values):
      return ONNXConstant(shape: newShape, values: .floats(indices.map { values[$0] }))
    case .integers(let values):
      return ONNXConstant(shape: newShape, values: .integers(indices.map { values[$0] }))
    }
  }

  /// The engine tensor of these values, in `shape` (default: the ONNX shape).
  func tensor(_ newShape: [Int]? = nil) -> Tensor {
    Tensor(shape: Shape(newShape ?? shape), scalars: floats)
  }

  /// A 1-D integer constant.
  static func integers(_ values: [Int]) -> ONNXConstant {
    ONNXConstant(shape: [values.count], values: .integers(values.map { Int64($0) }))
  }
}
