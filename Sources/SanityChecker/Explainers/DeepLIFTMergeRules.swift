/// DeepLIFT's rules for merge layers (see the table in ``DeepLIFTChain``).
///
/// Each conserves its step's delta, `Σ_k Σ_i m_{k,i}·Δx_{k,i} = Σ_j s_j·Δy_j`, wherever the
/// selection rule does not fall back to the gradient (`|Δx| < ε`).
enum DeepLIFTMergeRules {
  /// The multipliers at each input of a merge.
  /// - Parameters:
  ///   - signal: The multipliers at the output, `s`.
  ///   - merge: The merge layer.
  ///   - inputs: The inputs on the explained input, `x_k`.
  ///   - references: The inputs on the reference, `x'_k`.
  ///   - output: The merge's output on the explained input.
  ///   - referenceOutput: Its output on the reference.
  ///   - epsilon: The fallback threshold of the selection rule.
  /// - Returns: One multiplier tensor per input.
  static func multipliers(
    _ signal: Tensor, merge: any MergeLayer, inputs: [Tensor], references: [Tensor],
    output: Tensor, referenceOutput: Tensor, epsilon: Float
  ) -> [Tensor] {
    guard let elementwise = merge as? ElementwiseMerge, inputs.count > 1 else {
      return merge.backward(signal, inputs: inputs, output: output, rule: .gradient)
    }
    switch elementwise.operation {
    case .add, .subtract, .average:
      return merge.backward(signal, inputs: inputs, output: output, rule: .gradient)
    case .multiply:
      return product(signal, inputs: inputs, references: references)
    case .maximum, .minimum:
      return selection(
        signal, merge: elementwise, inputs: inputs, references: references, output: output,
        referenceOutput: referenceOutput, epsilon: epsilon)
    }
  }

  /// `m_k = s·½(∏_{j<k} x_j ∏_{j>k} x'_j + ∏_{j<k} x'_j ∏_{j>k} x_j)`.
  private static func product(_ signal: Tensor, inputs: [Tensor], references: [Tensor]) -> [Tensor]
  {
    inputs.indices.map { k in
      var forward = signal.scaled(by: 0.5)
      var backward = forward
      for j in inputs.indices where j != k {
        forward = forward.multiplied(by: j < k ? inputs[j] : references[j])
        backward = backward.multiplied(by: j < k ? references[j] : inputs[j])
      }
      return forward.linearCombination(1, backward, 1)
    }
  }

  /// Difference routing over the inputs of each element, as for a max-pooling window.
  ///
  /// ```
  /// u   = max(y, y')  (min for Minimum)
  /// num = route_x(s·(u − y')) + route_x'(s·(y − u))   route_v: to the first extreme under v
  /// m_k = num_k / Δx_k   if |Δx_k| ≥ ε,   route_x(s)_k otherwise (the gradient)
  /// ```
  private static func selection(
    _ signal: Tensor, merge: ElementwiseMerge, inputs: [Tensor], references: [Tensor],
    output: Tensor, referenceOutput: Tensor, epsilon: Float
  ) -> [Tensor] {
    let isMaximum = merge.operation == .maximum
    let bound = Tensor(shape: output.shape) { u in
      output.withUnsafeBufferPointer { y in
        referenceOutput.withUnsafeBufferPointer { yr in
          for i in 0..<u.count {
            u[i] = isMaximum ? Swift.max(y[i], yr[i]) : Swift.min(y[i], yr[i])
          }
        }
      }
    }
    let towardInput = merge.backward(
      signal.multiplied(by: bound.linearCombination(1, referenceOutput, -1)), inputs: inputs,
      output: output, rule: .gradient)
    let towardReference = merge.backward(
      signal.multiplied(by: output.linearCombination(1, bound, -1)), inputs: references,
      output: referenceOutput, rule: .gradient)
    let gradients = merge.backward(signal, inputs: inputs, output: output, rule: .gradient)
    return inputs.indices.map { k in
      Tensor(shape: inputs[k].shape) { m in
        towardInput[k].withUnsafeBufferPointer { a in
          towardReference[k].withUnsafeBufferPointer { b in
            gradients[k].withUnsafeBufferPointer { g in
              inputs[k].withUnsafeBufferPointer { x in
                references[k].withUnsafeBufferPointer { xr in
                  for i in 0..<m.count {
                    let dx = x[i] - xr[i]
                    m[i] = abs(dx) < epsilon ? g[i] : (a[i] + b[i]) / dx
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
