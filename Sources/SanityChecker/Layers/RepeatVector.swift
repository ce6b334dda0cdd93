/// Repeats a vector along a new length axis, as Keras `RepeatVector`.
///
/// Shapes: input `[N, C]`, output `[N, count, C]` with `y[n, l, c] = x[n, c]`.
///
/// Backward rules, for output signal `s` (relevance `R` under ε-LRP):
/// - gradient, Guided Backprop, DeconvNet: `Σ_l s[n, l, c]`, the gradient of a copy (the layer
///   has no ReLU, so the three rules agree);
/// - ε-LRP: `Σ_l R[n, l, c]`: every copy's relevance returns to the element it copies, so
///   relevance is conserved exactly (`Σ_c R_in = Σ_{l, c} R_out`);
/// - DeepLIFT: the layer is linear, `Δy[n, l, c] = Δx[n, c]`, so its multipliers are the
///   gradient's and summation-to-delta holds exactly.
public struct RepeatVector: Layer {
  /// The layer's name.
  public var name: String
  /// The number of copies.
  public var count: Int

  /// Creates a repetition.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - count: The number of copies (≥ 1).
  public init(name: String, count: Int) {
    precondition(count >= 1, "RepeatVector '\(name)': count \(count) < 1")
    self.name = name
    self.count = count
  }

  /// `[count, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless the input is `[C]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 1 else {
      throw .shapeMismatch(layer: name, expected: "[C]", actual: input)
    }
    return [count, input[0]]
  }

  /// `count` copies of each item.
  public func forward(_ input: Tensor) -> Tensor {
    let (batch, channels) = (input.shape[0], input.shape[1])
    return Tensor(shape: [batch, count, channels]) { out in
      input.withUnsafeBufferPointer { x in
        for item in 0..<batch {
          for copy in 0..<count {
            let target = (item * count + copy) * channels
            for c in 0..<channels { out[target + c] = x[item * channels + c] }
          }
        }
      }
    }
  }

  /// The signal summed over the copies (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      let (batch, channels) = (input.shape[0], input.shape[1])
      var sum = Tensor(shape: input.shape)
      sum.withUnsafeMutableBufferPointer { out in
        signal.withUnsafeBufferPointer { s in
          for item in 0..<batch {
            for copy in 0..<count {
              let source = (item * count + copy) * channels
              for c in 0..<channels { out[item * channels + c] += s[source + c] }
            }
          }
        }
      }
      return sum
    }
  }
}
