/// One node that computes on the model's input, after constant folding and shape inference:
/// the importer's intermediate form, between the ONNX graph and the engine's layers.
///
/// Its inputs are named tensors, so the list describes any graph; lowering onto the engine
/// (``ONNXLowering``) decides what it can express. Every shape includes the batch axis first.
struct ONNXOperation: Sendable {
  /// What the node computes, with its constant operands resolved.
  enum Kind: Sendable {
    /// `Conv` (1-D or 2-D): weight `[O, I, k…]`, bias `[O]`.
    case convolution(ONNXWindow, weight: ONNXConstant, bias: ONNXConstant?, group: Int)
    /// `ConvTranspose`: weight `[I, O/group, k…]`, bias `[O]`; the window's pads crop the full
    /// output, `outputPadding` extends it at the end.
    case transposedConvolution(
      ONNXWindow, weight: ONNXConstant, bias: ONNXConstant?, group: Int, outputPadding: [Int])
    /// `Gather` of constant `indices` (non-negative) along `axis` of a computed tensor; a scalar
    /// index removes the axis (`x[:, 0]`).
    case gather(axis: Int, indices: [Int], keepsAxis: Bool)
    /// `MaxPool`.
    case maxPool(ONNXWindow)
    /// `AveragePool`.
    case averagePool(ONNXWindow, countsPadding: Bool)
    /// `GlobalMaxPool`.
    case globalMaxPool
    /// `GlobalAveragePool`.
    case globalAveragePool
    /// `ReduceMean`, `ReduceMax`, `ReduceSum` over `axes` (non-negative, with the batch axis 0).
    case reduce(ONNXReduction, axes: [Int])
    /// `Gemm` with a constant weight: `y = x·kernel + bias`, kernel `[I, O]`, bias `[O]`.
    case dense(kernel: ONNXConstant, bias: ONNXConstant?)
    /// `MatMul` by a constant `[I, O]`.
    case matMul(ONNXConstant)
    /// `Add`, `Sub`, `Mul` or `Div` with one constant operand (named by the node's operator).
    case constantArithmetic(ONNXConstant)
    /// `BatchNormalization` at inference, every operand `[C]`.
    case batchNormalization(
      scale: ONNXConstant, bias: ONNXConstant, mean: ONNXConstant, variance: ONNXConstant,
      epsilon: Float)
    /// `Flatten`, `Reshape`, `Squeeze`, `Unsqueeze`: the same values in the output shape.
    case reshape
    /// `Transpose` by `permutation` (with the batch axis).
    case transpose([Int])
    /// `Slice` per axis: `starts`, `steps` and the output extents, resolved and clamped.
    case slice(starts: [Int], steps: [Int])
    /// `Pad` with zeros: `begin` and `end` per axis.
    case pad(begin: [Int], end: [Int])
    /// An element-wise activation.
    case activation(ONNXActivation)
    /// `Softmax` over `axis` (non-negative).
    case softmax(axis: Int)
    /// `Identity`, `Dropout` (inference): the input unchanged.
    case passThrough
    /// A node with several computed inputs (`Add`, `Concat`, `Max` of two branches…).
    case merge
  }

  /// The node.
  let node: ONNXNode
  /// The computed (non-constant) input tensors.
  let inputs: [String]
  /// Their shapes.
  let inputShapes: [[Int]]
  /// The output tensor.
  let output: String
  /// Its shape.
  let outputShape: [Int]
  /// What the node computes.
  let kind: Kind
}

/// A sliding window over the spatial axes of `Conv`, `MaxPool` or `AveragePool`, with
/// `auto_pad` resolved into explicit pads.
struct ONNXWindow: Hashable, Sendable {
  /// Taps per spatial axis.
  var kernel: [Int]
  /// Window step per spatial axis.
  var strides: [Int]
  /// Tap step per spatial axis.
  var dilations: [Int]
  /// Padding before each spatial axis.
  var padsBegin: [Int]
  /// Padding after each spatial axis.
  var padsEnd: [Int]
  /// Whether the output length rounds up (`ceil_mode = 1`).
  var roundsUp: Bool

  /// The output extent along spatial axis `axis` for an input extent `input`.
  func output(_ input: Int, axis: Int) -> Int {
    let span = (kernel[axis] - 1) * dilations[axis] + 1
    let padded = input + padsBegin[axis] + padsEnd[axis] - span
    guard padded >= 0 else { return 0 }
    let steps = roundsUp ? (padded + strides[axis] - 1) / strides[axis] : padded / strides[axis]
    return steps + 1
  }
}

/// A reduction over axes.
enum ONNXReduction: String, Sendable {
  case mean = "ReduceMean"
  case max = "ReduceMax"
  case sum = "ReduceSum"
}

/// An element-wise activation operator.
enum ONNXActivation: Hashable, Sendable {
  case relu, sigmoid, tanh, exp, softplus
  case elu(alpha: Float)
  case gelu(approximate: String)
}
