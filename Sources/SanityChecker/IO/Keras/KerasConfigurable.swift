/// A layer that can describe itself as a Keras 2 configuration entry, for writing models.
///
/// The entry's `config` holds the layer-specific fields; the writer adds `name`, `trainable`
/// and `dtype`. Weights are not part of it: they come from ``ParameterizedLayer/parameters``
/// in ``ParameterizedLayer/parameterOrder``.
protocol KerasConfigurable {
  /// The Keras class name, e.g. `Conv1D`.
  var kerasClassName: String { get }
  /// The layer-specific configuration fields, as Keras 2.15 writes them.
  var kerasConfig: [String: JSONValue] { get }
}

extension Padding {
  /// The padding as a Keras configuration value.
  var kerasValue: JSONValue { .string(rawValue) }
}

extension Activation {
  /// The activation as a Keras configuration value.
  var kerasValue: JSONValue { .string(rawValue) }
}
