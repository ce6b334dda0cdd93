/// A layer `y = activation(A(x))` whose inner map `A` is affine, `A(x) = L(x) + b` (Conv1D,
/// Conv2D, Dense).
///
/// Path methods use it when such a layer comes first: along `x(α) = x' + α·(x − x')` the
/// pre-activation is `A(x') + α·(A(x) − A(x'))`, so it is computed twice instead of once per
/// step, and the input gradient `Lᵀ(Σ_k w_k δ_k)` needs one transposed product for the whole
/// path instead of one per step.
protocol AffineLayer: FusedActivationLayer {
  /// `A(x)`, before the activation, of the layer's output shape `[N] + outputShape`.
  func preActivationOutput(_ input: Tensor) -> Tensor

  /// `Lᵀ δ`: the input gradient of the linear part for a signal at the pre-activation.
  /// - Parameters:
  ///   - delta: The signal at the pre-activation, `[N] + outputShape`.
  ///   - inputShape: The batched input shape.
  /// - Returns: The signal at the input.
  func linearInputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor
}

extension Conv1D: AffineLayer {
  func preActivationOutput(_ input: Tensor) -> Tensor { preActivation(input) }

  func linearInputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor {
    inputGradient(delta, inputShape: inputShape)
  }
}

extension Conv2D: AffineLayer {
  func preActivationOutput(_ input: Tensor) -> Tensor { preActivation(input) }

  func linearInputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor {
    inputGradient(delta, inputShape: inputShape)
  }
}

extension Dense: AffineLayer {
  func preActivationOutput(_ input: Tensor) -> Tensor { preActivation(input) }

  func linearInputGradient(_ delta: Tensor, inputShape: Shape) -> Tensor {
    transposedProduct(delta)
  }
}
