/// A fully connected layer, `y = activation(x·W + b)`, as Keras `Dense`.
///
/// Shapes: input `[N, I]`, kernel `[I, O]` (Keras layout), bias `[O]`, output `[N, O]`.
/// Forward and both backward products are single `sgemm` calls.
public struct Dense: ParameterizedLayer, KernelBiasLayer {
  /// The layer's name.
  public var name: String
  /// The kernel `[I, O]` and, when present, the bias `[O]`.
  public var parameters: [String: Tensor]
  /// The fused activation.
  public var activation: Activation

  /// Creates a dense layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - kernel: The weights, `[I, O]`.
  ///   - bias: The bias, `[O]`, or `nil` for none.
  ///   - activation: The fused activation.
  public init(name: String, kernel: Tensor, bias: Tensor?, activation: Activation = .linear) {
    precondition(
      kernel.shape.rank == 2, "Dense '\(name)': kernel must be [I, O], got \(kernel.shape)")
    self.name = name
    self.parameters = Self.kernelAndBias(kernel, bias)
    self.activation = activation
  }

  var kernel: Tensor { parameters["kernel"] ?? Tensor(shape: [0, 0]) }
  var inputUnits: Int { kernel.shape[0] }
  var outputUnits: Int { kernel.shape[1] }

  /// `[O]` for an input `[I]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input == [inputUnits] else {
      throw .shapeMismatch(layer: name, expected: "[\(inputUnits)]", actual: input)
    }
    if let bias = parameters["bias"], bias.shape != [outputUnits] {
      throw .parameterShape(
        layer: name, parameter: "bias", expected: [outputUnits], actual: bias.shape)
    }
    return [outputUnits]
  }

  /// The pre-activation `z = x·W + b`, `[N, O]`.
  func preActivation(_ input: Tensor) -> Tensor {
    let batch = input.batchSize
    let (inputs, outputs) = (inputUnits, outputUnits)
    let bias = parameters["bias"]
    return Tensor(shape: [batch, outputs]) { z in
      if let bias {
        bias.withUnsafeBufferPointer { b in
          guard let source = b.baseAddress, let target = z.baseAddress else { return }
          SIMDRows.broadcast(source, count: outputs, into: target, rows: batch)
        }
      }
      input.withUnsafeBufferPointer { x in
        kernel.withUnsafeBufferPointer { w in
          BLAS.gemm(
            m: batch, n: outputs, k: inputs, a: x, b: w,
            beta: bias == nil ? 0 : 1, c: z)
        }
      }
    }
  }

  /// `activation(x·W + b)`.
  public func forward(_ input: Tensor) -> Tensor {
    var output = preActivation(input)
    let width = outputUnits
    output.withUnsafeMutableBufferPointer { activation.apply($0, width: width) }
    return output
  }

  /// Activation backward (by rule), then `Wᵀ` (or the ε-LRP z-rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    let atLinear = linearSignal(signal, input: input, output: output, rule: rule)
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      return transposedProduct(atLinear)
    case .epsilonLRP(let epsilon, _):
      let z = preActivation(input)
      let ratio = EpsilonLRP.stabilizedRatio(atLinear, z, epsilon: epsilon)
      return EpsilonLRP.times(transposedProduct(ratio), input)
    }
  }

  /// Passes the fused activation backward under `rule`, to the pre-activation.
  /// - Parameters:
  ///   - signal: The signal at the output, `[N, O]`.
  ///   - input: The input the forward pass saw, `[N, I]`.
  ///   - output: The forward pass's output, `[N, O]`.
  ///   - rule: The backward rule.
  /// - Returns: `[N, O]`.
  func linearSignal(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    guard !activation.needsInput else {
      return activation.backward(signal, output: output, rule: rule, input: preActivation(input))
    }
    var atLinear = signal
    let width = outputUnits
    output.withUnsafeBufferPointer { out in
      atLinear.withUnsafeMutableBufferPointer {
        activation.backward($0, output: out, width: width, rule: rule)
      }
    }
    return atLinear
  }

  /// `s·Wᵀ`, `[N, I]`.
  func transposedProduct(_ signal: Tensor) -> Tensor {
    let batch = signal.batchSize
    let (inputs, outputs) = (inputUnits, outputUnits)
    return Tensor(shape: [batch, inputs]) { dx in
      signal.withUnsafeBufferPointer { s in
        kernel.withUnsafeBufferPointer { w in
          BLAS.gemm(
            transposeB: true, m: batch, n: inputs, k: outputs,
            a: s, b: w, c: dx)
        }
      }
    }
  }

  /// `∂/∂W = xᵀ·δ`, `∂/∂b = Σ_N δ`, with `δ` the gradient at the pre-activation.
  public func parameterGradients(_ signal: Tensor, input: Tensor, output: Tensor) -> [String:
    Tensor]
  {
    var delta = signal
    let (batch, inputs, outputs) = (input.batchSize, inputUnits, outputUnits)
    if activation.needsInput {
      delta = activation.backward(
        signal, output: output, rule: .gradient, input: preActivation(input))
    } else {
      output.withUnsafeBufferPointer { out in
        delta.withUnsafeMutableBufferPointer {
          activation.backward($0, output: out, width: outputs, rule: .gradient)
        }
      }
    }
    let kernelGradient = Tensor(shape: [inputs, outputs]) { dw in
      input.withUnsafeBufferPointer { x in
        delta.withUnsafeBufferPointer { d in
          BLAS.gemm(
            transposeA: true, m: inputs, n: outputs, k: batch,
            a: x, b: d, c: dw)
        }
      }
    }
    var gradients = ["kernel": kernelGradient]
    if parameters["bias"] != nil { gradients["bias"] = delta.sumOverBatch() }
    return gradients
  }
}
