extension DeepBindWindowNetwork {
  /// The gradient of the window scores with respect to every array, summed over the batch.
  /// - Parameters:
  ///   - signal: ∂loss/∂score, `[B, 1]`.
  ///   - trace: The forward trace.
  /// - Returns: One gradient per key of ``DeepBindScanner/parameters``, of the array's shape.
  func parameterGradients(_ signal: Tensor, trace: Trace) -> [String: Tensor] {
    typealias Key = DeepBindScanner.Key
    var gradients: [String: Tensor] = [:]
    var atHidden = signal
    if let second = secondDense {
      let own = second.parameterGradients(signal, input: trace.hidden, output: trace.score)
      gradients[Key.weights2] = own["kernel"]
      gradients[Key.biases2] = own["bias"]
      atHidden = second.backward(signal, input: trace.hidden, output: trace.score, rule: .gradient)
    }
    let first = firstDense.parameterGradients(atHidden, input: trace.features, output: trace.hidden)
    gradients[Key.weights1] = first["kernel"]
    gradients[Key.biases1] = first["bias"]

    let (m, d) = (dimensions.detectorLength, dimensions.detectorCount)
    var delta = activationSignal(signal, trace: trace, rule: .gradient)
    trace.activation.withUnsafeBufferPointer { a in
      delta.withUnsafeMutableBufferPointer {
        Activation.relu.backward($0, output: a, width: d, rule: .gradient)
      }
    }
    let rows = delta.shape[0]
    gradients[Key.detectors] = Tensor(shape: [m, 4, d]) { dk in
      trace.columns.withUnsafeBufferPointer { cols in
        delta.withUnsafeBufferPointer { dz in
          BLAS.gemm(transposeA: true, m: 4 * m, n: d, k: rows, a: cols, b: dz, c: dk)
        }
      }
    }
    gradients[Key.thresholds] = delta.sumOverBatch()
    return gradients
  }
}
