/// An error in a model's structure, found once when the model is built.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A layer received an input of the wrong shape.
  case shapeMismatch(layer: String, expected: String, actual: Shape)
  /// A parameter has the wrong shape.
  case parameterShape(layer: String, parameter: String, expected: Shape, actual: Shape)
  /// A parameter holds NaN or infinity.
  case nonFiniteParameter(layer: String, parameter: String)
  /// A layer name was asked for that the model does not have.
  case unknownLayer(String, available: [String])

  /// A message naming the layer, with a remedy.
  public var description: String {
    switch self {
    case .shapeMismatch(let layer, let expected, let actual):
      return "layer '\(layer)' expects input \(expected), got \(actual); check the model's input shape"
    case .parameterShape(let layer, let parameter, let expected, let actual):
      return "layer '\(layer)': parameter '\(parameter)' has shape \(actual), expected \(expected)"
    case .nonFiniteParameter(let layer, let parameter):
      return "layer '\(layer)': parameter '\(parameter)' contains NaN or Inf; the model file is corrupt"
    case .unknownLayer(let name, let available):
      return "no layer named '\(name)'; the model has: \(available.joined(separator: ", "))"
    }
  }
}
