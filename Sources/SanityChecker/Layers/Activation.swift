import Foundation

/// An elementwise (or, for softmax, per-row) activation, fused into Conv/Dense or standalone.
///
/// Keras names are the raw values (`swish` also reads Keras 3's `silu`). GELU and swish need
/// their input `z` for the backward pass (``needsInput``): fused into Conv1D, Conv2D or Dense,
/// the layer recomputes its pre-activation in the backward pass; the Keras loader splits them
/// off into a standalone ``ActivationLayer``, which keeps `z` in the trace.
///
/// Every backward rule but ε-LRP applies the chain rule with the derivatives below; ε-LRP
/// passes relevance through unchanged, as for the other nonlinear activations (see
/// ``BackwardRule``); DeepLIFT uses the rescale rule `Δy/Δz` (see ``DeepLIFT``).
///
/// | activation | f(z) | f'(z) |
/// |---|---|---|
/// | exponential | e^z | y |
/// | softplus | log(1 + e^z) | 1 − e^(−y) |
/// | elu | z if z > 0, e^z − 1 otherwise | 1 if y > 0, y + 1 otherwise |
/// | selu | λz if z > 0, λα(e^z − 1) otherwise | λ if y > 0, y + λα otherwise |
/// | gelu | z·Φ(z) = z·½(1 + erf(z/√2)) | Φ(z) + z·φ(z) |
/// | gelu (tanh form) | ½z(1 + tanh(√(2/π)(z + 0.044715z³))) | its derivative |
/// | swish | z·σ(z) | σ(z)(1 + z(1 − σ(z))) |
///
/// with selu's λ = 1.0507009873554805, α = 1.6732632423543772 (Klambauer et al. 2017,
/// arXiv:1706.02515), GELU from Hendrycks & Gimpel 2016 (arXiv:1606.08415; Keras's default
/// `approximate=False` is the erf form, ONNX `Gelu(approximate="tanh")` the tanh form), swish
/// from Ramachandran et al. 2017 (arXiv:1710.05941), and `exponential` as Koo & Ploenzke 2021
/// (doi:10.1038/s42256-020-00291-x) use it in a first layer.
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
  /// e^z.
  case exponential
  /// log(1 + e^z).
  case softplus
  /// z for z > 0, e^z − 1 otherwise.
  case elu
  /// λz for z > 0, λα(e^z − 1) otherwise.
  case selu
  /// z·Φ(z), the exact (erf) form.
  case gelu
  /// The tanh approximation of GELU.
  case geluTanh = "gelu_tanh"
  /// z·σ(z) (also called SiLU).
  case swish

  /// selu's scale λ.
  static let seluScale: Float = 1.0507009873554805
  /// selu's α.
  static let seluAlpha: Float = 1.6732632423543772

  /// Whether the backward pass needs the input `z` (GELU and swish), not only the output.
  public var needsInput: Bool { self == .gelu || self == .geluTanh || self == .swish }

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
    case .exponential, .softplus, .elu, .selu, .gelu, .geluTanh, .swish:
      for i in values.indices { values[i] = Self.value(self, values[i]) }
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
  ///   - input: The pre-activation `z`, which GELU and Swish need since their derivative depends
  ///     on it; `nil` for the other activations.
  func backward(
    _ signal: UnsafeMutableBufferPointer<Float>, output: UnsafeBufferPointer<Float>, width: Int,
    rule: BackwardRule, input: UnsafeBufferPointer<Float>? = nil
  ) {
    switch (self, rule) {
    case (.linear, _), (.relu, .epsilonLRP), (.sigmoid, .epsilonLRP), (.tanh, .epsilonLRP),
      (.softmax, .epsilonLRP), (.exponential, .epsilonLRP), (.softplus, .epsilonLRP),
      (.elu, .epsilonLRP), (.selu, .epsilonLRP), (.gelu, .epsilonLRP), (.geluTanh, .epsilonLRP),
      (.swish, .epsilonLRP):
      return
    case (.exponential, _), (.softplus, _), (.elu, _), (.selu, _):
      for i in signal.indices { signal[i] *= Self.derivative(self, z: 0, y: output[i]) }
    case (.gelu, _), (.geluTanh, _), (.swish, _):
      guard let input else { preconditionFailure("Activation.backward: \(self) needs its input") }
      for i in signal.indices { signal[i] *= Self.derivative(self, z: input[i], y: output[i]) }
    case (.relu, .gradient):
      SIMDRows.rectifiedBackward(signal, output: output, isGuided: false)
    case (.relu, .guidedBackprop):
      SIMDRows.rectifiedBackward(signal, output: output, isGuided: true)
    case (.relu, .deconvNet):
      for i in signal.indices { signal[i] = signal[i] < 0 ? 0 : signal[i] }
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
