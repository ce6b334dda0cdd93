import Foundation

extension Activation {
  /// f(z) for the elementwise activations other than ReLU, sigmoid and tanh.
  static func value(_ activation: Activation, _ z: Float) -> Float {
    switch activation {
    case .exponential: return Foundation.exp(z)
    case .softplus: return z > 20 ? z : Foundation.log1p(Foundation.exp(z))
    case .elu: return z > 0 ? z : Foundation.expm1(z)
    case .selu: return z > 0 ? seluScale * z : seluScale * seluAlpha * Foundation.expm1(z)
    case .gelu: return 0.5 * z * (1 + Foundation.erf(z / Float(2).squareRoot()))
    case .geluTanh: return 0.5 * z * (1 + Foundation.tanh(geluTanhInner(z)))
    case .swish: return z / (1 + Foundation.exp(-z))
    case .linear, .relu, .sigmoid, .softmax, .tanh:
      preconditionFailure("Activation.value: \(activation)")
    }
  }

  /// f'(z), from the output `y` (and the input `z` where ``needsInput``).
  static func derivative(_ activation: Activation, z: Float, y: Float) -> Float {
    switch activation {
    case .exponential: return y
    case .softplus: return -Foundation.expm1(-y)
    case .elu: return y > 0 ? 1 : y + 1
    case .selu: return y > 0 ? seluScale : y + seluScale * seluAlpha
    case .gelu:
      let cdf = 0.5 * (1 + Foundation.erf(z / Float(2).squareRoot()))
      return cdf + z * Foundation.exp(-0.5 * z * z) / (2 * Float.pi).squareRoot()
    case .geluTanh:
      let t = Foundation.tanh(geluTanhInner(z))
      let inner = (2 / Float.pi).squareRoot() * (1 + 3 * 0.044715 * z * z)
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * inner
    case .swish:
      let s = 1 / (1 + Foundation.exp(-z))
      return s * (1 + z * (1 - s))
    case .linear, .relu, .sigmoid, .softmax, .tanh:
      preconditionFailure("Activation.derivative: \(activation)")
    }
  }

  /// √(2/π)(z + 0.044715 z³).
  private static func geluTanhInner(_ z: Float) -> Float {
    (2 / Float.pi).squareRoot() * (z + 0.044715 * z * z * z)
  }
}
