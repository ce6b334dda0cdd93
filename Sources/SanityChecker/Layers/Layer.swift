/// One step of a sequential model, with a forward pass and a rule-parameterized backward pass.
///
/// Tensors passed to `forward` and `backward` carry a leading batch axis; shapes given to
/// ``outputShape(for:)`` describe a single item.
public protocol Layer: Sendable {
  /// The layer's name, as in the Keras/HDF5 file (e.g. `conv1d_1`).
  var name: String { get }

  /// The output shape for one item, or an error naming the layer when the input does not fit.
  /// - Parameter input: The shape of one input item.
  /// - Returns: The shape of one output item.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the input does not fit.
  func outputShape(for input: Shape) throws(ModelError) -> Shape

  /// Applies the layer to a batch.
  /// - Parameter input: `[N] + inputShape`.
  /// - Returns: `[N] + outputShape`.
  func forward(_ input: Tensor) -> Tensor

  /// Propagates a signal from the layer's output back to its input under `rule`.
  /// - Parameters:
  ///   - signal: The signal at the output, `[N] + outputShape` (a gradient or a relevance).
  ///   - input: The input the forward pass saw.
  ///   - output: The output the forward pass produced.
  ///   - rule: The backward rule.
  /// - Returns: The signal at the input, `[N] + inputShape`.
  func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule) -> Tensor
}

/// A layer with trainable parameters (kernels, biases, normalization statistics).
public protocol ParameterizedLayer: Layer {
  /// The parameters, keyed like the Keras weight names without the layer prefix
  /// (`kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`).
  var parameters: [String: Tensor] { get set }

  /// The parameter keys in the order Keras stores them (`weight_names`).
  var parameterOrder: [String] { get }

  /// The gradient of a loss with respect to each parameter, summed over the batch.
  /// - Parameters:
  ///   - signal: ∂loss/∂output, `[N] + outputShape`.
  ///   - input: The input the forward pass saw.
  ///   - output: The output the forward pass produced.
  /// - Returns: One gradient per key of ``parameters``, each of the parameter's shape.
  func parameterGradients(_ signal: Tensor, input: Tensor, output: Tensor) -> [String: Tensor]
}
