/// DeepBind's network on a batch of padded windows, layer by layer, for backward passes.
///
/// Shapes (B windows, P = W + 2(M−1) padded positions, T = W + M − 1 outputs):
/// ```
/// windows [B, P, 4] → im2col [B·T, 4M] → z = cols·K + thresholds [B·T, D] → a = relu(z)
///   → features [B, H1] (max, or interleaved max/avg over T) → dense_1 [B, H2] → (dense_2) [B, 1]
/// ```
/// The conv is im2col plus one sgemm; dense layers are ``Dense`` values, so their backward
/// rules are the library's.
struct DeepBindWindowNetwork {
  /// The model's arrays.
  let weights: DeepBindWeights
  /// Their sizes.
  let dimensions: DeepBindDimensions
  /// The window length W (without padding).
  let windowLength: Int
  /// Whether features interleave max and average.
  let hasAveragePooling: Bool

  /// The activations a forward pass keeps for the backward pass.
  struct Trace {
    /// im2col of the windows, `[B·T, 4M]`.
    let columns: Tensor
    /// Conv pre-activations including thresholds, `[B·T, D]`.
    let preActivation: Tensor
    /// `relu(preActivation)`, `[B·T, D]`.
    let activation: Tensor
    /// The first position of each detector's maximum, `[B, D]`.
    let argmax: [Int]
    /// Pooled features, `[B, H1]`.
    let features: Tensor
    /// `dense_1`'s output, `[B, H2]`.
    let hidden: Tensor
    /// The window scores, `[B, 1]`.
    let score: Tensor
  }

  var outputLength: Int { windowLength + dimensions.detectorLength - 1 }
  var paddedLength: Int { windowLength + 2 * (dimensions.detectorLength - 1) }

  var firstDense: Dense {
    Dense(
      name: "dense_1", kernel: weights.weights1, bias: weights.biases1,
      activation: dimensions.hasHiddenLayer ? .relu : .linear)
  }

  var secondDense: Dense? {
    weights.weights2.map {
      Dense(name: "dense_2", kernel: $0, bias: weights.biases2, activation: .linear)
    }
  }

  /// Runs the network on padded windows.
  /// - Parameter windows: `[B, P, 4]`.
  /// - Returns: The trace; `score` is `[B, 1]`.
  func forward(_ windows: Tensor) -> Trace {
    let (batch, m, d) = (windows.batchSize, dimensions.detectorLength, dimensions.detectorCount)
    let (outputs, padded) = (outputLength, paddedLength)
    precondition(
      windows.shape == [batch, padded, 4],
      "DeepBindWindowNetwork: windows \(windows.shape) != [B, \(padded), 4]")
    let columns = Tensor(shape: [batch * outputs, 4 * m]) { cols in
      windows.withUnsafeBufferPointer { x in
        for item in 0..<batch {
          for t in 0..<outputs {
            let source = (item * padded + t) * 4
            let target = (item * outputs + t) * 4 * m
            for i in 0..<(4 * m) { cols[target + i] = x[source + i] }
          }
        }
      }
    }
    let z = Tensor(shape: [batch * outputs, d]) { z in
      weights.thresholds.withUnsafeBufferPointer { bias in
        for row in 0..<(batch * outputs) { for j in 0..<d { z[row * d + j] = bias[j] } }
      }
      columns.withUnsafeBufferPointer { a in
        weights.detectors.withUnsafeBufferPointer { k in
          BLAS.gemm(m: batch * outputs, n: d, k: 4 * m, a: a, b: k, beta: 1, c: z)
        }
      }
    }
    let activation = Tensor(shape: z.shape) { out in
      z.withUnsafeBufferPointer { z in for i in 0..<z.count { out[i] = max(z[i], 0) } }
    }
    var argmax = [Int](repeating: 0, count: batch * d)
    let width = dimensions.features
    let features = Tensor(shape: [batch, width]) { h in
      activation.withUnsafeBufferPointer { a in
        for item in 0..<batch {
          for j in 0..<d {
            var (best, position, sum) = (-Float.infinity, 0, Float(0))
            for t in 0..<outputs {
              let value = a[(item * outputs + t) * d + j]
              if value > best { (best, position) = (value, t) }
              sum += value
            }
            argmax[item * d + j] = position
            if hasAveragePooling {
              h[item * width + 2 * j] = best
              h[item * width + 2 * j + 1] = sum / Float(outputs)
            } else {
              h[item * width + j] = best
            }
          }
        }
      }
    }
    let hidden = firstDense.forward(features)
    let score = secondDense?.forward(hidden) ?? hidden
    return Trace(
      columns: columns, preActivation: z, activation: activation, argmax: argmax,
      features: features,
      hidden: hidden, score: score)
  }

  /// Propagates a signal from the window scores to the padded windows under `rule`.
  /// - Parameters:
  ///   - signal: `[B, 1]`.
  ///   - trace: The forward trace.
  ///   - rule: The backward rule (see ``BackwardRule``); padding columns absorb their share
  ///     of ε-LRP relevance, as a bias does.
  /// - Returns: `[B, P, 4]`.
  func backward(_ signal: Tensor, trace: Trace, rule: BackwardRule) -> Tensor {
    let atActivation = activationSignal(signal, trace: trace, rule: rule)
    let d = dimensions.detectorCount
    var atPreActivation = atActivation
    trace.activation.withUnsafeBufferPointer { a in
      atPreActivation.withUnsafeMutableBufferPointer {
        Activation.relu.backward($0, output: a, width: d, rule: rule)
      }
    }
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return columnsToWindows(transposedConv(atPreActivation), batch: signal.batchSize)
    case .epsilonLRP(let epsilon, _):
      let ratio = EpsilonLRP.stabilizedRatio(atPreActivation, trace.preActivation, epsilon: epsilon)
      let relevance = EpsilonLRP.times(transposedConv(ratio), trace.columns)
      return columnsToWindows(relevance, batch: signal.batchSize)
    }
  }

  /// The signal at the conv activations: dense layers backward, then the pooling rule.
  func activationSignal(_ signal: Tensor, trace: Trace, rule: BackwardRule) -> Tensor {
    var atHidden = signal
    if let second = secondDense {
      atHidden = second.backward(signal, input: trace.hidden, output: trace.score, rule: rule)
    }
    let atFeatures = firstDense.backward(
      atHidden, input: trace.features, output: trace.hidden, rule: rule)
    return DeepBindPooling.backward(
      atFeatures, trace: trace, outputLength: outputLength, detectorCount: dimensions.detectorCount,
      hasAveragePooling: hasAveragePooling, rule: rule)
  }

  /// `s·Kᵀ`: `[B·T, D]` → `[B·T, 4M]`.
  private func transposedConv(_ signal: Tensor) -> Tensor {
    let (rows, m, d) = (signal.shape[0], dimensions.detectorLength, dimensions.detectorCount)
    return Tensor(shape: [rows, 4 * m]) { out in
      signal.withUnsafeBufferPointer { s in
        weights.detectors.withUnsafeBufferPointer { k in
          BLAS.gemm(transposeB: true, m: rows, n: 4 * m, k: d, a: s, b: k, c: out)
        }
      }
    }
  }

  /// col2im: scatter-adds `[B·T, 4M]` columns back to `[B, P, 4]` windows.
  private func columnsToWindows(_ columns: Tensor, batch: Int) -> Tensor {
    let (m, outputs, padded) = (dimensions.detectorLength, outputLength, paddedLength)
    return Tensor(shape: [batch, padded, 4]) { x in
      for i in 0..<x.count { x[i] = 0 }
      columns.withUnsafeBufferPointer { cols in
        for item in 0..<batch {
          for t in 0..<outputs {
            let source = (item * outputs + t) * 4 * m
            let target = (item * padded + t) * 4
            for i in 0..<(4 * m) { x[target + i] += cols[source + i] }
          }
        }
      }
    }
  }
}
