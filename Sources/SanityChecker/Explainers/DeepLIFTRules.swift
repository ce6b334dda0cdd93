/// The two DeepLIFT backward rules that are not the gradient: rescale and difference routing.
///
/// Both satisfy summation-to-delta for their step, `Σ_i m_i·Δx_i = Σ_j s_j·Δy_j`, wherever they
/// do not fall back to the gradient (`|Δ| < ε`).
enum DeepLIFTRules {
  /// One step's forward results for the input and for the reference.
  struct Pass {
    /// The step's input `x` (for an activation, the pre-activation `z`).
    let input: Tensor
    /// The step's output `y`.
    let output: Tensor
    /// The step's input `x'` on the reference.
    let referenceInput: Tensor
    /// The step's output `y'` on the reference.
    let referenceOutput: Tensor
  }

  /// The rescale rule for an elementwise activation `y = f(z)`.
  ///
  /// ```
  /// m_i = q_i · (f(z_i) − f(z'_i)) / (z_i − z'_i)     if |z_i − z'_i| ≥ ε
  /// m_i = s_i · f'(z_i)                              otherwise (the gradient)
  /// ```
  /// `q = s` unless the step composes as Captum's hooks do (``DeepLIFT/MaxPoolingRule/captum``).
  /// - Parameters:
  ///   - signal: The multipliers at the output, `s`.
  ///   - activation: The activation (ReLU, sigmoid or tanh).
  ///   - pass: `z`, `f(z)`, `z'`, `f(z')`.
  ///   - epsilon: The fallback threshold `ε`.
  ///   - quotientSignal: The signal `q` the difference quotient multiplies (`s` when `nil`).
  /// - Returns: The multipliers at the pre-activation.
  static func rescale(
    _ signal: Tensor, activation: Activation, _ pass: Pass, epsilon: Float,
    quotientSignal: Tensor? = nil
  ) -> Tensor {
    let quotientSignal = quotientSignal ?? signal
    let gradient = activation.backward(
      signal, output: pass.output, rule: .gradient, input: activation.needsInput ? pass.input : nil)
    return Tensor(shape: signal.shape) { m in
      quotientSignal.withUnsafeBufferPointer { s in
        gradient.withUnsafeBufferPointer { g in
          pass.input.withUnsafeBufferPointer { z in
            pass.referenceInput.withUnsafeBufferPointer { zr in
              pass.output.withUnsafeBufferPointer { y in
                pass.referenceOutput.withUnsafeBufferPointer { yr in
                  for i in 0..<m.count {
                    let dz = z[i] - zr[i]
                    m[i] = abs(dz) < epsilon ? g[i] : s[i] * ((y[i] - yr[i]) / dz)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Captum's rule for max pooling: each window's output difference, split at the larger of
  /// the two maxima, is routed to the winners and divided by their input differences.
  ///
  /// ```
  /// u   = max(y, y')                               per window
  /// num = route_x(q·(u − y')) + route_x'(q·(y − u))   route_v: to the first maximum under v
  /// m_i = num_i / Δx_i                             if |Δx_i| ≥ ε
  /// m_i = route_x(s)_i                             otherwise (the gradient)
  /// ```
  /// This is Captum 0.9's `maxpool` (`captum/attr/_core/deep_lift.py`): `F.max_poolNd` with
  /// indices on the input and on the reference (PyTorch keeps the first maximum in scan order on
  /// ties, for both), both halves unpooled with `F.max_unpoolNd` and summed elementwise at the
  /// input's positions, then divided by `Δx`. `q = s` unless the step composes as Captum's hooks
  /// do (``DeepLIFT/MaxPoolingRule/captum``). With `q = s`, a nonzero `num_i` implies
  /// `|Δx_i| ≥ |Δy|` of its window, so no output difference is lost to the fallback and the step
  /// conserves `Σ s·Δy` exactly.
  /// - Parameters:
  ///   - signal: The multipliers at the output, `s`.
  ///   - layer: The max-pooling layer (its gradient backward routes to the first maximum).
  ///   - pass: `x`, `y`, `x'`, `y'`.
  ///   - epsilon: The fallback threshold `ε`.
  ///   - quotientSignal: The signal `q` that is routed and divided (`s` when `nil`).
  /// - Returns: The multipliers at the layer's input.
  static func differenceRouting(
    _ signal: Tensor, layer: any Layer, _ pass: Pass, epsilon: Float, quotientSignal: Tensor? = nil
  ) -> Tensor {
    let routed = quotientSignal ?? signal
    let upper = elementwise(pass.output, pass.referenceOutput) { Swift.max($0, $1) }
    let towardInput = layer.backward(
      routed.multiplied(by: upper.linearCombination(1, pass.referenceOutput, -1)),
      input: pass.input, output: pass.output, rule: .gradient)
    let towardReference = layer.backward(
      routed.multiplied(by: pass.output.linearCombination(1, upper, -1)),
      input: pass.referenceInput, output: pass.referenceOutput, rule: .gradient)
    let gradient = layer.backward(signal, input: pass.input, output: pass.output, rule: .gradient)
    return Tensor(shape: pass.input.shape) { m in
      towardInput.withUnsafeBufferPointer { a in
        towardReference.withUnsafeBufferPointer { b in
          gradient.withUnsafeBufferPointer { g in
            pass.input.withUnsafeBufferPointer { x in
              pass.referenceInput.withUnsafeBufferPointer { xr in
                for i in 0..<m.count {
                  let dx = x[i] - xr[i]
                  m[i] = abs(dx) < epsilon ? g[i] : (a[i] + b[i]) / dx
                }
              }
            }
          }
        }
      }
    }
  }

  /// `combine(a_i, b_i)` for every scalar of two tensors of one shape.
  private static func elementwise(
    _ a: Tensor, _ b: Tensor, _ combine: (Float, Float) -> Float
  ) -> Tensor {
    precondition(a.shape == b.shape, "DeepLIFTRules: \(a.shape) != \(b.shape)")
    return Tensor(shape: a.shape) { out in
      a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in for i in 0..<out.count { out[i] = combine(x[i], y[i]) } }
      }
    }
  }
}
