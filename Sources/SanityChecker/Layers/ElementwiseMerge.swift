/// An elementwise merge of inputs of one shape: Keras `Add`, `Subtract`, `Multiply`, `Average`,
/// `Maximum` and `Minimum` (ONNX `Add`, `Sub`, `Mul`, `Max`, `Min`).
///
/// Shapes: each of the K inputs `[N, …]`, all alike; output the same shape. `Subtract` takes
/// exactly two inputs.
///
/// Backward rules, for output signal `s` (relevance `R` under ε-LRP) and `y` the output:
///
/// | operation | gradient, Guided Backprop, DeconvNet | ε-LRP |
/// |---|---|---|
/// | add `y = Σ x_k` | `s` to each input | `x_k · R / (y + ε·sign y)` |
/// | subtract `y = x₁ − x₂` | `s`, `−s` | `x₁ · R / (y + ε·sign y)`, `−x₂ · R / (y + ε·sign y)` |
/// | average `y = Σ x_k / K` | `s / K` to each input | `(x_k / K) · R / (y + ε·sign y)` |
/// | multiply `y = ∏ x_k` | `s · ∏_{j≠k} x_j` | `R / K` to each input |
/// | maximum, minimum | `s` to the first input holding the extreme | `R` to that input |
///
/// Guided Backprop and DeconvNet change only how ReLUs pass signals, so merges pass their
/// signal as the gradient does. Under ε-LRP a sum (add, subtract, average) splits relevance in
/// proportion to each input's contribution `z_k` to `y = Σ z_k`, the z-rule of a linear layer
/// without bias, with `sign(0) = +1`; relevance is conserved up to the ε term:
/// `Σ_k R_k = R · y / (y + ε·sign y)`. A product has no contributions to split by, so each
/// input receives an equal share (conserving); a maximum or minimum is a selection, and
/// relevance follows the selected input as it does through max pooling.
/// DeepLIFT's rules for these merges are in ``DeepLIFT``.
public struct ElementwiseMerge: MergeLayer {
  /// The elementwise operation.
  public enum Operation: String, Hashable, Sendable, CaseIterable {
    /// `Σ x_k`.
    case add
    /// `x₁ − x₂`.
    case subtract
    /// `∏ x_k`.
    case multiply
    /// `Σ x_k / K`.
    case average
    /// `max_k x_k`.
    case maximum
    /// `min_k x_k`.
    case minimum
  }

  /// The layer's name.
  public var name: String
  /// The operation.
  public var operation: Operation

  /// Creates an elementwise merge.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - operation: The operation.
  public init(name: String, operation: Operation) {
    self.name = name
    self.operation = operation
  }

  /// The common shape of the inputs.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when shapes differ, or when
  ///   a subtraction does not have two inputs.
  public func outputShape(for inputs: [Shape]) throws(ModelError) -> Shape {
    guard let first = inputs.first else {
      throw .shapeMismatch(layer: name, expected: "at least one input", actual: [])
    }
    if operation == .subtract && inputs.count != 2 {
      throw .shapeMismatch(layer: name, expected: "exactly 2 inputs to subtract", actual: first)
    }
    if let other = inputs.first(where: { $0 != first }) {
      throw .shapeMismatch(layer: name, expected: "every input of shape \(first)", actual: other)
    }
    return first
  }

  /// The elementwise result.
  public func forward(_ inputs: [Tensor]) -> Tensor {
    var output = inputs[0]
    guard inputs.count > 1 || operation == .average else { return output }
    output.withUnsafeMutableBufferPointer { out in
      for input in inputs.dropFirst() {
        input.withUnsafeBufferPointer { x in
          switch operation {
          case .add, .average: for i in 0..<out.count { out[i] += x[i] }
          case .subtract: for i in 0..<out.count { out[i] -= x[i] }
          case .multiply: for i in 0..<out.count { out[i] *= x[i] }
          case .maximum: for i in 0..<out.count where x[i] > out[i] { out[i] = x[i] }
          case .minimum: for i in 0..<out.count where x[i] < out[i] { out[i] = x[i] }
          }
        }
      }
      if operation == .average {
        let scale = 1 / Float(inputs.count)
        for i in 0..<out.count { out[i] *= scale }
      }
    }
    return output
  }

  /// One signal per input under `rule` (see the table above).
  public func backward(
    _ signal: Tensor, inputs: [Tensor], output: Tensor, rule: BackwardRule
  ) -> [Tensor] {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return gradients(signal, inputs: inputs)
    case .epsilonLRP(let epsilon, _):
      return relevances(signal, inputs: inputs, output: output, epsilon: epsilon)
    }
  }

  /// The gradient with respect to each input.
  private func gradients(_ signal: Tensor, inputs: [Tensor]) -> [Tensor] {
    switch operation {
    case .add: return inputs.map { _ in signal }
    case .subtract: return [signal, signal.scaled(by: -1)]
    case .average: return inputs.map { _ in signal.scaled(by: 1 / Float(inputs.count)) }
    case .multiply:
      return inputs.indices.map { k in
        inputs.indices.reduce(signal) { product, j in
          j == k ? product : product.multiplied(by: inputs[j])
        }
      }
    case .maximum, .minimum:
      return selected(signal, inputs: inputs)
    }
  }

  /// ε-LRP relevance for each input.
  private func relevances(_ relevance: Tensor, inputs: [Tensor], output: Tensor, epsilon: Float)
    -> [Tensor]
  {
    switch operation {
    case .add, .subtract, .average:
      let ratio = EpsilonLRP.stabilizedRatio(relevance, output, epsilon: epsilon)
      let factors: [Float] =
        switch operation {
        case .subtract: [1, -1]
        case .average: inputs.map { _ in 1 / Float(inputs.count) }
        default: inputs.map { _ in 1 }
        }
      return zip(inputs, factors).map { input, factor in
        let share = input.multiplied(by: ratio)
        return factor == 1 ? share : share.scaled(by: factor)
      }
    case .multiply:
      return inputs.map { _ in relevance.scaled(by: 1 / Float(inputs.count)) }
    case .maximum, .minimum:
      return selected(relevance, inputs: inputs)
    }
  }

  /// The signal routed, element by element, to the first input holding the output's value.
  private func selected(_ signal: Tensor, inputs: [Tensor]) -> [Tensor] {
    let count = signal.shape.count
    var winners = [Int](repeating: 0, count: count)
    var best = inputs[0].scalars
    for (k, input) in inputs.enumerated().dropFirst() {
      input.withUnsafeBufferPointer { x in
        for i in 0..<count where operation == .maximum ? x[i] > best[i] : x[i] < best[i] {
          best[i] = x[i]
          winners[i] = k
        }
      }
    }
    return inputs.indices.map { k in
      Tensor(shape: signal.shape) { out in
        signal.withUnsafeBufferPointer { s in
          for i in 0..<count { out[i] = winners[i] == k ? s[i] : 0 }
        }
      }
    }
  }
}
