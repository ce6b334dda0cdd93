/// The backward pass of DeepBind's global pooling over the T conv positions (internal).
///
/// | part | `gradient`, `guidedBackprop`, `deconvNet` | `epsilonLRP` |
/// |---|---|---|
/// | max | all to the first maximum | same |
/// | average | s/T to each position | R/T (`.even`), or a_t·R/(Σa + ε) (`.proportional`) |
enum DeepBindPooling {
  /// Routes the feature signal back to the conv activations.
  /// - Parameters:
  ///   - signal: At the features, `[B, H1]`.
  ///   - trace: The forward trace (activations and argmax positions).
  ///   - outputLength: T.
  ///   - detectorCount: D.
  ///   - hasAveragePooling: Whether features interleave max and average.
  ///   - rule: The backward rule.
  /// - Returns: At the activations, `[B·T, D]`.
  static func backward(
    _ signal: Tensor, trace: DeepBindWindowNetwork.Trace, outputLength: Int, detectorCount: Int,
    hasAveragePooling: Bool, rule: BackwardRule
  ) -> Tensor {
    // Legend: batch = B, outputs = T, d = D, width = H1.
    let (batch, outputs, d, width) = (
      signal.batchSize, outputLength, detectorCount, signal.shape[1]
    )
    return Tensor(shape: [batch * outputs, d]) { out in
      for i in 0..<out.count { out[i] = 0 }
      signal.withUnsafeBufferPointer { s in
        trace.activation.withUnsafeBufferPointer { a in
          for item in 0..<batch {
            for j in 0..<d {
              let maxSignal = s[item * width + (hasAveragePooling ? 2 * j : j)]
              out[(item * outputs + trace.argmax[item * d + j]) * d + j] += maxSignal
              guard hasAveragePooling else { continue }
              let averageSignal = s[item * width + 2 * j + 1]
              switch rule {
              case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP(_, .even):
                let share = averageSignal / Float(outputs)
                for t in 0..<outputs { out[(item * outputs + t) * d + j] += share }
              case .epsilonLRP(let epsilon, .proportional):
                var total: Float = 0
                for t in 0..<outputs { total += a[(item * outputs + t) * d + j] }
                let ratio = averageSignal / (total + epsilon)
                for t in 0..<outputs {
                  let index = (item * outputs + t) * d + j
                  out[index] += a[index] * ratio
                }
              }
            }
          }
        }
      }
    }
  }
}
