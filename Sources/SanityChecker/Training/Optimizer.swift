import Foundation

/// A first-order optimizer over a model's parameters.
public enum Optimizer: Hashable, Sendable {
  /// Adam (Kingma & Ba 2015, arXiv:1412.6980) with bias correction, as Keras/PyTorch.
  case adam(
    learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7)
  /// Stochastic gradient descent with (heavy-ball) momentum: `v ← μv − ηg`, `θ ← θ + v`.
  case sgd(learningRate: Float = 1e-2, momentum: Float = 0.9)
}

/// The optimizer's running state (moments or velocities) per parameter.
struct OptimizerState {
  let optimizer: Optimizer
  var step = 0
  var first: [Int: [String: [Float]]] = [:]
  var second: [Int: [String: [Float]]] = [:]

  init(_ optimizer: Optimizer) { self.optimizer = optimizer }

  /// Applies one update and returns the new parameters.
  mutating func update(_ model: Model, gradients: [Int: [String: Tensor]]) -> Model {
    step += 1
    var updated: [Int: [String: Tensor]] = [:]
    for (index, layerGradients) in gradients {
      guard let layer = model.layers[index] as? any ParameterizedLayer else { continue }
      for (key, gradient) in layerGradients {
        guard let parameter = layer.parameters[key], key != "moving_mean", key != "moving_variance"
        else { continue }
        var values = parameter.scalars
        var m = first[index]?[key] ?? [Float](repeating: 0, count: values.count)
        var v = second[index]?[key] ?? [Float](repeating: 0, count: values.count)
        let g = gradient.scalars
        switch optimizer {
        case .adam(let rate, let beta1, let beta2, let epsilon):
          let correction1 = 1 - Float(Foundation.pow(Double(beta1), Double(step)))
          let correction2 = 1 - Float(Foundation.pow(Double(beta2), Double(step)))
          for i in 0..<values.count {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
            values[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
          }
        case .sgd(let rate, let momentum):
          for i in 0..<values.count {
            m[i] = momentum * m[i] - rate * g[i]
            values[i] += m[i]
          }
        }
        first[index, default: [:]][key] = m
        second[index, default: [:]][key] = v
        updated[index, default: [:]][key] = Tensor(shape: parameter.shape, scalars: values)
      }
    }
    return model.updatingParameters(updated)
  }
}
