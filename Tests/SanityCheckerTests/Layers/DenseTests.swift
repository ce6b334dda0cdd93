import SanityChecker
import SanityTestSupport
import Testing

@Suite struct DenseTests {
  static let activations: [Activation] = [.linear, .relu, .sigmoid, .tanh, .softmax]

  /// Input and parameter gradients against central differences; tolerance 2e-3 relative.
  @Test(arguments: activations)
  func gradientsMatchFiniteDifferences(activation: Activation) throws {
    let kernel = TestSupport.uniform([5, 3], seed: 1)
    let bias = TestSupport.uniform([3], seed: 2)
    let layer = Dense(name: "dense", kernel: kernel, bias: bias, activation: activation)
    let x = TestSupport.uniform([4, 5], seed: 3)
    let v = TestSupport.uniform([4, 3], seed: 4)
    let output = layer.forward(x)
    let analytic = layer.backward(v, input: x, output: output, rule: .gradient)
    let numeric = TestSupport.numericalGradient(at: x, step: 1e-2, projection: v) {
      layer.forward($0)
    }
    TestSupport.expectClose(analytic, numeric, relativeTolerance: 2e-3, "dx")

    let gradients = layer.parameterGradients(v, input: x, output: output)
    for key in ["kernel", "bias"] {
      let parameter = try #require(layer.parameters[key])
      let numericParameter = TestSupport.numericalGradient(at: parameter, projection: v) { value in
        var changed = layer
        changed.parameters[key] = value
        return changed.forward(x)
      }
      TestSupport.expectClose(
        try #require(gradients[key]), numericParameter, relativeTolerance: 2e-3, key)
    }
  }
}
