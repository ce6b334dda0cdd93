import Foundation

/// An elementwise (or, for softmax, per-row) activation, fused into Conv/Dense or standalone.
public enum Activation: String, Hashable, Sendable, CaseIterable {
  /// The identity.
  case linear
  /// max(z, 0).
  case relu
  /// 1 / (1 + e^(−z)).
  case sigmoid
  /// e^(z_i) / Σ_j e^(z_j) over the last axis.
  case softmax
  /// tanh(z).
  case tanh

  /// Applies the activation in place.
  /// - Parameters:
  ///   - values: The pre-activations; overwritten with the activations.
  ///   - width: The length of the last axis (softmax normalizes over it).
  func apply(_ values: UnsafeMutableBufferPointer<Float>, width: Int) {
    switch self {
    case .linear:
      return
    case .relu:
      for i in values.indices { values[i] = values[i] < 0 ? 0 : values[i] }
    case .sigmoid:
      for i in values.indices { values[i] = 1 / (1 + Foundation.exp(-values[i])) }
    case .tanh:
      for i in values.indices { values[i] = Foundation.tanh(values[i]) }
    case .softmax:
      for row in stride(from: 0, to: values.count, by: width) {
        var largest = -Float.infinity
        for i in row..<(row + width) { largest = max(largest, values[i]) }
        var total: Float = 0
        for i in row..<(row + width) {
          values[i] = Foundation.exp(values[i] - largest)
          total += values[i]
        }
        for i in row..<(row + width) { values[i] /= total }
      }
    }
  }

  /// Propagates a signal from the activation's output to its input, in place.
  ///
  /// - Parameters:
  ///   - signal: The signal at the output; overwritten with the signal at the input.
  ///   - output: The activation's output (for ReLU, `output > 0` ⇔ `z > 0`).
  ///   - width: The length of the last axis (softmax).
  ///   - rule: The backward rule; see ``BackwardRule`` for the table.
  func backward(
    _ signal: UnsafeMutableBufferPointer<Float>, output: UnsafeBufferPointer<Float>, width: Int,
    rule: BackwardRule
  ) {
    switch (self, rule) {
    case (.linear, _), (.relu, .epsilonLRP), (.sigmoid, .epsilonLRP), (.tanh, .epsilonLRP),
      (.softmax, .epsilonLRP):
      return
    case (.relu, .gradient):
      for i in signal.indices where output[i] <= 0 { signal[i] = 0 }
    case (.relu, .guidedBackprop):
      for i in signal.indices where output[i] <= 0 || signal[i] < 0 { signal[i] = 0 }
    case (.relu, .deconvNet):
      for i in signal.indices where signal[i] < 0 { signal[i] = 0 }
    case (.sigmoid, .gradient), (.sigmoid, .guidedBackprop), (.sigmoid, .deconvNet):
      for i in signal.indices { signal[i] *= output[i] * (1 - output[i]) }
    case (.tanh, .gradient), (.tanh, .guidedBackprop), (.tanh, .deconvNet):
      for i in signal.indices { signal[i] *= 1 - output[i] * output[i] }
    case (.softmax, .gradient), (.softmax, .guidedBackprop), (.softmax, .deconvNet):
      for row in stride(from: 0, to: signal.count, by: width) {
        var dot: Float = 0
        for i in row..<(row + width) { dot += signal[i] * output[i] }
        for i in row..<(row + width) { signal[i] = output[i] * (signal[i] - dot) }
      }
    }
  }
}
