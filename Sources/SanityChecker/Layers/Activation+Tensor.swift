extension Activation {
  /// Applies the activation to a whole tensor in place; softmax normalizes over the last axis.
  /// - Parameter tensor: Pre-activations `[…, C]`, overwritten with the activations.
  func apply(to tensor: inout Tensor) {
    guard self != .linear else { return }
    let width = tensor.shape.dimensions.last ?? 1
    tensor.withUnsafeMutableBufferPointer { apply($0, width: width) }
  }

  /// The signal at the activation's input, given the signal at its output.
  /// - Parameters:
  ///   - signal: The signal at the output, `[…, C]`.
  ///   - output: The activation's output (same shape as `signal`).
  ///   - rule: The backward rule (see ``BackwardRule``).
  ///   - input: The pre-activation `z` (same shape as `signal`), which GELU and Swish need since
  ///     their derivative depends on it; `nil` for the other activations.
  /// - Returns: The signal at the pre-activation, of `signal`'s shape.
  func backward(_ signal: Tensor, output: Tensor, rule: BackwardRule, input: Tensor? = nil)
    -> Tensor
  {
    guard self != .linear else { return signal }
    precondition(
      signal.shape.count == output.shape.count,
      "Activation.backward: signal \(signal.shape) != output \(output.shape)")
    var result = signal
    let width = output.shape.dimensions.last ?? 1
    output.withUnsafeBufferPointer { out in
      if let input {
        input.withUnsafeBufferPointer { z in
          result.withUnsafeMutableBufferPointer {
            backward($0, output: out, width: width, rule: rule, input: z)
          }
        }
      } else {
        result.withUnsafeMutableBufferPointer {
          backward($0, output: out, width: width, rule: rule)
        }
      }
    }
    return result
  }
}
