/// How the engine holds an ONNX tensor: which ONNX axes its axes are, in which order.
///
/// ONNX (PyTorch) tensors are channels-first, `[N, C, L]` and `[N, C, H, W]`; the engine is
/// channels-last, `[N, L, C]` and `[N, H, W, C]`. Along a chain the importer keeps, for the
/// tensor between two layers, its ONNX shape (without the batch axis) and `axes`: engine axis
/// `k` is ONNX axis `axes[k]`, and every ONNX axis not listed has extent 1 (so global pooling's
/// `[C, 1]` is the engine's `[C]`). `Transpose`, `Squeeze` and `Unsqueeze` only relabel axes;
/// layers are emitted where values move.
///
/// A flattened tensor keeps the order in which the engine flattened it: `order[e]` is the ONNX
/// index of the engine's element `e` (`nil` when they agree). The next `Gemm`/`MatMul` takes it
/// into its kernel rows, so PyTorch's channel-major `Flatten` of `[C, L]` and the engine's
/// position-major `Flatten` of `[L, C]` compute the same function.
struct ONNXLayout: Equatable, Sendable {
  /// The ONNX shape without the batch axis.
  var shape: [Int]
  /// The ONNX axis of each engine axis.
  var axes: [Int]
  /// For a flat tensor, the ONNX index of each engine element, or `nil` for the same order.
  var order: [Int]? = nil

  /// The engine's shape of the tensor.
  var engineShape: [Int] { axes.map { shape[$0] } }

  /// Whether the engine holds the tensor channels-last: ONNX axis 0 (channels) last, the
  /// spatial axes in order before it.
  var isChannelsLast: Bool { shape.count >= 2 && axes == Array(1..<shape.count) + [0] }

  /// The channels-last layout of an ONNX shape.
  static func channelsLast(_ shape: [Int]) -> ONNXLayout {
    ONNXLayout(shape: shape, axes: Array(1..<shape.count) + [0])
  }

  /// The layout of a tensor whose engine and ONNX axes agree.
  static func asGiven(_ shape: [Int]) -> ONNXLayout {
    ONNXLayout(shape: shape, axes: Array(shape.indices))
  }

  /// The layout after `Transpose` by `permutation` (without the batch axis): new ONNX axis `j`
  /// is old axis `permutation[j]`.
  func transposed(_ permutation: [Int]) -> ONNXLayout {
    let axes = axes.map { axis in permutation.firstIndex(of: axis) ?? axis }
    return ONNXLayout(shape: permutation.map { shape[$0] }, axes: axes, order: order)
  }

  /// The layout after a reshape that only inserts or removes axes of extent 1, or `nil` when
  /// the reshape moves values (or the engine would have to change its rank).
  func relabeled(to newShape: [Int]) -> ONNXLayout? {
    let oldKept = shape.indices.filter { shape[$0] != 1 }
    let newKept = newShape.indices.filter { newShape[$0] != 1 }
    guard oldKept.map({ shape[$0] }) == newKept.map({ newShape[$0] }) else { return nil }
    var unusedOnes = newShape.indices.filter { newShape[$0] == 1 }
    var axes: [Int] = []
    for axis in self.axes {
      if let index = oldKept.firstIndex(of: axis) {
        axes.append(newKept[index])
      } else if !unusedOnes.isEmpty {
        axes.append(unusedOnes.removeFirst())
      } else {
        return nil
      }
    }
    guard axes.count == Set(axes).count else { return nil }
    return ONNXLayout(shape: newShape, axes: axes, order: order)
  }

  /// For each engine element (row-major over ``engineShape``), its ONNX row-major index.
  var flattenedOrder: [Int] {
    let strides = ONNXShapeMath.strides(shape)
    let engine = engineShape
    let engineStrides = ONNXShapeMath.strides(engine)
    let base = order
    return (0..<ONNXShapeMath.count(engine)).map { flat in
      var index = 0
      for k in engine.indices {
        index += (flat / engineStrides[k] % engine[k]) * strides[axes[k]]
      }
      return base?[index] ?? index
    }
  }
}
